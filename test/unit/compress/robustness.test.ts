import { strict as assert } from 'assert';
import { checkInvariants, compressText } from '../../../src/core/compress';
import { decodeLiteral, rewriteLiteral } from '../../../src/core/compress/literal';
import type { CountTokens } from '../../../src/core/compress/types';
import type { LanguageId } from '../../../src/core/types';
import { loadCounter } from './helpers';

/** Deterministic generator (mulberry32) so a failure reproduces. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fragments prompts are made of, the awkward ones included. */
const FRAGMENTS = [
  'Please ', 'please', 'Could you please ', 'I would like you to ', 'It is important that you ', 'make sure to ',
  'Note that ', 'basically ', 'very ', 'really ', 'in order to ', 'due to the fact that ', 'Thank you!', 'not ',
  "don't ", 'never ', 'only ', 'must ', 'at most 3 sentences', 'summarize the text', 'answer the question',
  '{name}', '{{topic}}', '${user.id}', '%s', '%(count)d', '<context>', '</context>', '`code  here`',
  '```py\n    x  = 1\n```', 'https://example.com/a?b=c', 'ops@example.org', '"quoted  text"', "'single'",
  '{\n  "a": 1,\n  "b": [1, 2]\n}', '{{"k": "{v}"}}', 'OpenAI', 'Acme Corp', '1. ', '2) ', '- ', '* ', '## ',
  '**bold**', '---', '| a | b |', '|---|---|', '\n', '\n\n', '\n\n\n', '    ', '\t', '  ', '. ', ', ', '? ', ': ',
  'é', '€5', '100 ms', 'two', 'a very', 'an', 'Always respond in JSON format.', 'Respond in JSON format.',
  'Input: yes\nOutput: no', '\\', '\\n', "'''", '"""', '`', '${', '}', '{', 'it\'s', 'über', '😀', '\r\n',
];

function randomText(r: () => number): string {
  let s = '';
  const n = 1 + Math.floor(r() * 30);
  for (let i = 0; i < n; i++) s += FRAGMENTS[Math.floor(r() * FRAGMENTS.length)];
  return s;
}

describe('compress robustness (randomized, seeded)', function () {
  this.timeout(120000);
  let countTokens: CountTokens;
  before(async () => { countTokens = await loadCounter(); });

  it('never throws, never breaks an invariant, and is idempotent, at both levels', () => {
    const r = rng(20240601);
    for (let i = 0; i < 400; i++) {
      const text = randomText(r);
      for (const level of ['safe', 'aggressive'] as const) {
        const out = compressText(text, { countTokens, level });
        assert.deepEqual(checkInvariants(text, out.text, out.removed), [], `#${i} ${level}: ${JSON.stringify(text)} → ${JSON.stringify(out.text)}`);
        assert.ok(out.tokensAfter <= out.tokensBefore);
        assert.equal(compressText(out.text, { countTokens, level }).text, out.text, `#${i} ${level} not idempotent: ${JSON.stringify(text)}`);
      }
    }
  });

  it('rewrites literals of every shape so that they read back as the text, or refuses', () => {
    const r = rng(7);
    const shapes: [LanguageId, string][] = [
      ['python', "'x'"], ['python', '"x"'], ['python', "'''x'''"], ['python', '"""x"""'], ['python', "r'x'"],
      ['python', 'r"""x"""'], ['python', "b'x'"], ['python', "f'{a}'"], ['python', 'rf"""{a}"""'],
      ['typescript', "'x'"], ['typescript', '"x"'], ['typescript', '`${a}`'], ['javascript', '`x`'],
    ];
    let written = 0;
    for (let i = 0; i < 400; i++) {
      const text = randomText(r);
      for (const [language, source] of shapes) {
        const out = rewriteLiteral(source, language, text);
        if (!out.ok) continue;
        written++;
        const back = decodeLiteral(out.source, language);
        assert.ok(back.ok && back.text === text, `${source} ← ${JSON.stringify(text)}: ${out.source}`);
        const again = rewriteLiteral(out.source, language, text);
        assert.ok(again.ok && again.source === out.source, `not idempotent: ${out.source}`);
      }
    }
    assert.ok(written > 1000, `only ${written} literals written`);
  });
});
