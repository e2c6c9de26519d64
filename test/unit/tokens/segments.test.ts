import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { get_encoding, type Tiktoken } from 'tiktoken';
import { segmentText, type SegmentOptions } from '../../../src/core/tokens/segments';

// The reference is the full `tiktoken` package (its own WASM with the tables built in), counting each text whole.
const NODE_MODULES = path.resolve(require.resolve('typescript/package.json'), '../..');
const encoders: Record<string, Tiktoken> = {};
function reference(text: string, encoding: 'o200k_base' | 'cl100k_base'): number {
  encoders[encoding] ??= get_encoding(encoding);
  return encoders[encoding].encode_ordinary(text).length;
}

function segmentedCount(text: string, encoding: 'o200k_base' | 'cl100k_base', opts: SegmentOptions): number {
  const segs = segmentText(text, opts);
  // Segments tile the text exactly.
  let at = 0;
  for (const s of segs) {
    assert.strictEqual(s.start, at);
    assert.ok(s.end > s.start);
    at = s.end;
  }
  assert.strictEqual(at, text.length);
  return segs.reduce((n, s) => n + reference(text.slice(s.start, s.end), encoding), 0);
}

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROSE = `You are a meticulous assistant for an online bookshop. Customers ask about orders, returns and
recommendations. Always answer in the customer's language; if you aren't sure, say so. Don't invent order numbers.
When you recommend a book, give the title, the author and one sentence on why it fits — never more than three books.
Prices are in EUR (e.g. €12.50) and delivery takes 2-5 working days; express delivery costs €4.99.

Rules:
1. Be concise.   2. Quote the policy: "Returns within 30 days, unread."
3. If the customer is angry, apologise once, then solve the problem.
`;

const PYTHON = `import os
from openai import OpenAI

client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])

def summarise(text: str, *, max_words: int = 120) -> str:
    """Summarise \`text\` in at most \`max_words\` words."""
    prompt = f"Summarise the following in {max_words} words:\\n\\n{text}"
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "system", "content": "You write crisp summaries."},
                  {"role": "user", "content": prompt}],
        max_completion_tokens=400,
    )
    return resp.choices[0].message.content or ""

if __name__ == "__main__":
    for i, line in enumerate(open("notes.txt")):
        print(i, summarise(line))\t# tab-indented comment
`;

const SCRIPTS = [
  '日本語の文章です。東京は日本の首都で、人口は約1400万人です。「こんにちは」と言いました。',
  '中文句子，包含标点符号。我们今天去公园玩了三个小时！你呢？',
  'Привет, мир! Это тест на русском языке: 123 яблока, 45 груш.',
  'مرحبا بالعالم، هذا اختبار باللغة العربية ٣٤٥.',
  'नमस्ते दुनिया, यह हिंदी में एक परीक्षण है। १२३',
  '한국어 문장입니다. 서울은 큰 도시예요.',
  'Ελληνικά: Καλημέρα κόσμε! Θ=42°.',
  'Emoji 😀👍🏽 and ZWJ 👨‍👩‍👧 families, flags 🇫🇷🇯🇵, math 𝑥² + 𝑦² = 𝑧².',
  'Combining: e\u0301 a\u0308 n\u0303 — café naïve jalapeño. NBSP:\u00a0here\u2003em space.',
  "Contractions: it's, you're, they've, I'm, we'll, she'd, DON'T, Y'ALL'RE; quotes 'like this' and ’curly’.",
  'Line endings\r\nwith CRLF\r\n\r\nand lone \r carriage returns\n\n\nand  \n  trailing spaces  \n/slash after newline\n//',
];

describe('tokens/segmentText', () => {
  const tight: SegmentOptions = { target: 24, longRun: 64, chunk: 16 };

  for (const encoding of ['o200k_base', 'cl100k_base'] as const) {
    it(`keeps counts exact on prose, code and scripts when cut into many small segments (${encoding})`, () => {
      for (const text of [PROSE, PYTHON, ...SCRIPTS, SCRIPTS.join('\n')]) {
        const segs = segmentText(text, tight);
        assert.ok(segs.length > 1 || text.length <= 64, 'the small target forces several segments');
        assert.ok(segs.every((s) => s.exact), 'no long runs in these texts');
        assert.strictEqual(segmentedCount(text, encoding, tight), reference(text, encoding), JSON.stringify(text.slice(0, 40)));
      }
    });

    it(`keeps counts exact on long real files: code, markdown and JSON (${encoding})`, () => {
      const code = fs.readFileSync(require.resolve('typescript/lib/lib.es5.d.ts'), 'utf8');
      const markdown = fs.readFileSync(path.join(NODE_MODULES, 'openai/CHANGELOG.md'), 'utf8').slice(0, 200_000);
      const pretty = JSON.stringify(JSON.parse(fs.readFileSync(require.resolve('tiktoken/model_to_encoding.json'), 'utf8')), null, 2);
      const json = JSON.stringify(require('typescript/package.json'));
      const long = [PROSE.repeat(40), PYTHON.repeat(30), code, markdown, pretty.repeat(5), json.repeat(20), SCRIPTS.join(' ').repeat(30)];
      for (const text of long) {
        for (const opts of [{}, { target: 500 }]) {
          assert.strictEqual(segmentedCount(text, encoding, opts), reference(text, encoding));
        }
      }
    });

    it(`keeps counts exact on random mixtures of every character class (${encoding})`, () => {
      const alphabet = [
        'a', 'b', 'Z', 'Q', 'é', 'ß', 'Ж', '中', 'あ', 'ا', '0', '7', '٣', '.', ',', '-', '/', '=', '"', "'", '’', '(',
        ')', '#', '€', '😀', ' ', ' ', ' ', '  ', '\t', '\n', '\r\n', '\n\n', '\u00a0', '\u0301', '\u200d', 's', 't',
        "'s", "'ll", 'Hello', 'world', '123456', '\u0085', '\ufeff', '\u2028', '<|endoftext|>', '\u000b', 'x\n/',
      ];
      const next = rng(42);
      for (let round = 0; round < 300; round++) {
        let text = '';
        const len = 20 + Math.floor(next() * 400);
        while (text.length < len) text += alphabet[Math.floor(next() * alphabet.length)];
        const opts = { target: 1 + Math.floor(next() * 40), longRun: 1000, chunk: 8 };
        assert.strictEqual(segmentedCount(text, encoding, opts), reference(text, encoding), JSON.stringify(text));
      }
    });
  }

  it('cuts a long unbroken run into bounded chunks and marks only that part inexact', () => {
    const text = 'Intro sentence here. ' + 'a'.repeat(5000) + ' and the end.';
    const segs = segmentText(text, { longRun: 256, chunk: 256 });
    const inexact = segs.filter((s) => !s.exact);
    assert.ok(inexact.length >= 5000 / 256);
    assert.ok(inexact.every((s) => s.end - s.start <= 257));
    assert.ok(segs.some((s) => s.exact), 'the prose around the run stays exact');
    assert.strictEqual(text.slice(inexact[0].start, inexact[inexact.length - 1].end).replace(/a/g, ''), ' ');
  });

  it('never cuts a surrogate pair when chunking', () => {
    const text = '😀'.repeat(3000);
    for (const s of segmentText(text, { longRun: 100, chunk: 33 })) {
      assert.notStrictEqual(text.charCodeAt(s.start) & 0xfc00, 0xdc00);
    }
  });

  it('returns one exact segment for short text and none for empty text', () => {
    assert.deepStrictEqual(segmentText('hello world'), [{ start: 0, end: 11, exact: true }]);
    assert.deepStrictEqual(segmentText(''), []);
  });

  after(() => {
    for (const e of Object.values(encoders)) e.free();
  });
});
