import { strict as assert } from 'assert';
import { Engine } from '../../../src/core/engine';
import { resolveConfig } from '../../../src/core/config/load';
import type { ResolvedConfig } from '../../../src/core/config/types';
import { compressPromptInFile, type CompressEngine } from '../../../src/core/compress/inFile';
import { outputLengthFix } from '../../../src/core/compress/outputLength';
import { applyEdits } from '../../../src/core/compress/plan';
import type { FileResult, Prompt } from '../../../src/core/types';

const PY = `from openai import OpenAI
import textwrap

client = OpenAI()

SYSTEM = """
    You are a very helpful assistant for {company}. I would like you to answer
    questions about our products in order to help customers.

    Please make sure to keep answers short.
    """

def ask(question: str, name: str) -> str:
    return client.chat.completions.create(
        model="gpt-4o",
        messages=[
            {"role": "system", "content": SYSTEM.format(company="Acme")},
            {"role": "user", "content": f"Hello, I am {name}. " "Could you please answer this question: {question}?"},
        ],
    )
`;

const TS = `import OpenAI from 'openai';
const client = new OpenAI();
const system = \`
  You are a very helpful assistant for \${company}.
  Please note that the user may be a beginner.
  It is important that you do not use jargon.
\`;
export async function ask(name: string) {
  return client.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: system },
      { role: 'user', content: 'I am ' + name + '. Could you please explain what a token is, in order to help me?' },
    ],
  });
}
`;

describe('compress in file (real engine)', function () {
  this.timeout(60000);
  let engine: Engine;
  let config: ResolvedConfig;
  before(async () => {
    engine = await Engine.create();
    config = resolveConfig([], '');
  });

  const analyze = (path: string, text: string) => engine.analyze({ path, text }, config);
  const promptBy = (r: FileResult, f: (p: Prompt) => boolean) => {
    const p = r.prompts.find(f);
    assert.ok(p, `prompt not found among ${r.prompts.map((x) => x.role + ':' + x.text.slice(0, 20)).join(' | ')}`);
    return p;
  };

  it('compresses a triple-quoted Python constant and verifies it', () => {
    const before = analyze('a.py', PY);
    const system = promptBy(before, (p) => p.role === 'system');
    const r = compressPromptInFile(engine, { path: 'a.py', text: PY }, config, system.id);
    assert.ok(r.ok, !r.ok ? r.reason : '');
    assert.ok(r.saved > 10 && r.tokensAfter < r.tokensBefore);
    assert.ok(r.newText.includes('SYSTEM = """You are a helpful assistant for {company}. Answer questions about our products to help customers.\n\nKeep answers short."""'), r.newText);
    const after = analyze('a.py', r.newText);
    assert.deepEqual(promptBy(after, (p) => p.role === 'system').placeholders, system.placeholders);
    assert.ok(r.monthlySaving !== null && r.monthlySaving > 0);
    // Idempotent: a second run has nothing left to do.
    const again = compressPromptInFile(engine, { path: 'a.py', text: r.newText }, config, system.id);
    assert.ok(!again.ok && again.reason === 'nothing to compress', again.ok ? again.newText : again.reason);
  });

  it('keeps CRLF line endings in a CRLF file', () => {
    const text = PY.replace(/\n/g, '\r\n');
    const system = promptBy(analyze('a.py', text), (p) => p.role === 'system');
    const r = compressPromptInFile(engine, { path: 'a.py', text }, config, system.id);
    assert.ok(r.ok, !r.ok ? r.reason : '');
    assert.ok(!/[^\r]\n/.test(r.newText), 'no bare LF');
    assert.ok(r.newText.includes('customers.\r\n\r\nKeep answers short."""'), JSON.stringify(r.newText.slice(0, 300)));
  });

  it('compresses each piece of an implicit concatenation separately, keeping the f-string field', () => {
    const before = analyze('a.py', PY);
    const user = promptBy(before, (p) => p.role === 'user');
    assert.equal(user.pieces.length, 2);
    const r = compressPromptInFile(engine, { path: 'a.py', text: PY }, config, user.id);
    assert.ok(r.ok, !r.ok ? r.reason : '');
    assert.ok(r.newText.includes('f"Hello, I am {name}. " "Answer this question: {question}."'), r.newText);
  });

  it('keeps the line break that ends a raw string whose text ends with its quote character', () => {
    const text = PY.replace('SYSTEM = """\n    You are a very helpful', 'SYSTEM = r"""\n    You are a very helpful').replace('keep answers short.\n    """', 'keep answers short: "OK"\n"""');
    const before = analyze('a.py', text);
    const system = promptBy(before, (p) => p.role === 'system');
    const r = compressPromptInFile(engine, { path: 'a.py', text }, config, system.id);
    assert.ok(r.ok, !r.ok ? r.reason : '');
    assert.ok(r.newText.includes('answers short: "OK"\n"""'), r.newText);
    const again = compressPromptInFile(engine, { path: 'a.py', text: r.newText }, config, system.id);
    assert.ok(!again.ok, 'idempotent');
  });

  it('keeps the source indentation of a literal passed to textwrap.dedent', () => {
    const text = PY.replace('SYSTEM = """', 'SYSTEM = textwrap.dedent("""').replace('keep answers short.\n    """', 'keep answers short.\n    """)');
    const before = analyze('a.py', text);
    const system = promptBy(before, (p) => p.role === 'system');
    const r = compressPromptInFile(engine, { path: 'a.py', text }, config, system.id);
    assert.ok(r.ok, !r.ok ? r.reason : '');
    assert.ok(r.newText.includes('textwrap.dedent("""\n    You are a helpful assistant for {company}. Answer questions about our products to help customers.\n\n    Keep answers short.\n    """)'), r.newText);
  });

  it('compresses a TypeScript template and a concatenation', () => {
    const before = analyze('a.ts', TS);
    const system = promptBy(before, (p) => p.role === 'system');
    const r = compressPromptInFile(engine, { path: 'a.ts', text: TS }, config, system.id);
    assert.ok(r.ok, !r.ok ? r.reason : '');
    assert.ok(r.newText.includes('const system = `You are a helpful assistant for ${company}.\nThe user may be a beginner.\nDo not use jargon.`;'), r.newText);
    const user = promptBy(before, (p) => p.role === 'user');
    const u = compressPromptInFile(engine, { path: 'a.ts', text: TS }, config, user.id);
    assert.ok(u.ok, !u.ok ? u.reason : '');
    assert.ok(u.newText.includes(`'I am ' + name + '. Explain what a token is, to help me.'`), u.newText);
  });

  it('refuses a tagged template and an unknown prompt, with the reason', () => {
    const text = TS.replace('const system = `', 'const system = String.raw`');
    const before = analyze('a.ts', text);
    const system = before.prompts.find((p) => p.role === 'system');
    if (system) {
      const r = compressPromptInFile(engine, { path: 'a.ts', text }, config, system.id);
      assert.ok(!r.ok && /tagged template/.test(r.reason), r.ok ? 'compressed' : r.reason);
    }
    const missing = compressPromptInFile(engine, { path: 'a.ts', text: TS }, config, 'p999999');
    assert.ok(!missing.ok && /no prompt/.test(missing.reason));
  });

  describe('refuses an edit the re-analysis does not confirm', () => {
    // An engine whose second analysis (of the edited text) is altered, as a broken rewrite would alter it.
    const tampered = (alter: (r: FileResult) => void): CompressEngine => {
      let n = 0;
      return {
        tokens: engine.tokens,
        analyze: (input, c) => {
          const r = engine.analyze(input, c);
          if (n++ > 0) alter(r);
          return r;
        },
      };
    };
    const cases: [string, (r: FileResult) => void, RegExp][] = [
      ['a new syntax error', (r) => { r.hasSyntaxErrors = true; }, /syntax error/],
      ['the prompt gone', (r) => { r.prompts = r.prompts.filter((p) => p.role !== 'system'); }, /no longer found/],
      ['a placeholder gained', (r) => { for (const p of r.prompts) p.placeholders = [...p.placeholders, { text: '{x}', name: 'x', syntax: 'format' }]; }, /different placeholders/],
      ['another call', (r) => { r.calls = [...r.calls, { ...r.calls[0], id: 'c1' }]; }, /number of LLM calls/],
      ['another role', (r) => { for (const p of r.prompts) if (p.role === 'system') p.role = 'user'; }, /role changes/],
    ];
    for (const [what, alter, reason] of cases) {
      it(what, () => {
        const system = promptBy(analyze('a.py', PY), (p) => p.role === 'system');
        const r = compressPromptInFile(tampered(alter), { path: 'a.py', text: PY }, config, system.id);
        assert.ok(!r.ok && reason.test(r.reason), r.ok ? 'accepted' : r.reason);
      });
    }
  });

  describe('output-length instruction', () => {
    it('appends the instruction to the system prompt of the call, as a separate unsafe fix', () => {
      const r = analyze('a.ts', TS);
      const f = outputLengthFix(r, TS, r.calls[0].id, 2);
      assert.ok(f.ok, !f.ok ? f.reason : '');
      assert.equal(f.fix.safe, false);
      assert.equal(f.fix.kind, 'refactor.rewrite');
      const edited = applyEdits(TS, f.fix.edits);
      assert.ok(edited.includes('It is important that you do not use jargon.\nAnswer in at most 2 sentences.\n`;'), edited);
      const again = analyze('a.ts', edited);
      assert.ok(!again.hasSyntaxErrors);
      const second = outputLengthFix(again, edited, again.calls[0].id, 2);
      assert.ok(!second.ok && /already limits/.test(second.reason));
    });
    it('works on a one-line Python system prompt and says why when there is none', () => {
      const text = 'import anthropic\nc = anthropic.Anthropic()\nc.messages.create(model="claude-sonnet-4-5", max_tokens=500, system=\'Be a tutor\', messages=[{"role": "user", "content": "hi"}])\n';
      const r = analyze('b.py', text);
      const f = outputLengthFix(r, text, r.calls[0].id, 1);
      assert.ok(f.ok, !f.ok ? f.reason : '');
      assert.ok(applyEdits(text, f.fix.edits).includes("system='Be a tutor. Answer in at most 1 sentence.'"));
      const none = 'import anthropic\nc = anthropic.Anthropic()\nc.messages.create(model="claude-sonnet-4-5", max_tokens=500, messages=[{"role": "user", "content": "hi"}])\n';
      const r2 = analyze('c.py', none);
      const g = outputLengthFix(r2, none, r2.calls[0].id);
      assert.ok(!g.ok && /no system prompt/.test(g.reason));
    });
  });
});
