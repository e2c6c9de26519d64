// Engine behaviour on whole files: results shape, bad input, offsets, determinism.
import * as assert from 'assert';
import { analyze, config, getEngine } from '../../helpers/ruleTester';

const PY_CALL = (content: string) =>
  `client.chat.completions.create(model="gpt-4o-mini", max_completion_tokens=50, messages=[{"role": "user", "content": "${content}"}])`;

describe('engine: analyze()', () => {
  it('keeps the complete calls of a half-typed file and reports the syntax error', async () => {
    const code = `from openai import OpenAI\nclient = OpenAI()\n${PY_CALL('first')}\ndef broken(:\n    x = client.chat.completions.create(model=\n${PY_CALL('last')}\n`;
    const r = await analyze({ lang: 'python', code });
    assert.strictEqual(r.hasSyntaxErrors, true);
    const lines = r.calls.map((c) => code.slice(0, c.span.start).split('\n').length);
    assert.deepStrictEqual(lines, [3, 6]);
    assert.ok(r.notices.some((n) => /syntax errors/.test(n.message)));
  });

  it('prices a call: tokens, price with source and date, monthly cost from calls per month', async () => {
    const code = `from openai import OpenAI\nclient = OpenAI()\n# prompt-cost: 1000/day\n${PY_CALL('Say hello in French.')}\n`;
    const r = await analyze({ lang: 'python', code });
    const cost = r.costs[0];
    assert.strictEqual(cost.callsPerMonth, 30000);
    assert.strictEqual(cost.callsPerMonthSource.kind, 'annotation');
    assert.strictEqual(cost.outputTokens, 50);
    assert.strictEqual(cost.inputTokensExact, true);
    assert.ok(cost.price && /genai-prices/.test(cost.price.source) && /^\d{4}-\d{2}-\d{2}$/.test(cost.price.date));
    const expected = (cost.inputTokens * cost.price!.input + 50 * cost.price!.output) / 1e6;
    assert.ok(Math.abs(cost.costPerCall! - expected) < 1e-12);
    assert.ok(Math.abs(cost.monthlyCost! - expected * 30000) < 1e-9);
    assert.ok(Math.abs(r.monthlyCost - cost.monthlyCost!) < 1e-9);
  });

  it('reads stacked directive comments above a call (rate, suppression, other comments, blank line)', async () => {
    const code = 'from openai import OpenAI\nclient = OpenAI()\n' +
      '# prompt-cost: 500/day\n# prompt-cost-disable-next-line missing-output-cap\n# why: a batch job\n\n' +
      'client.chat.completions.create(model="gpt-4o", messages=[])\n' +
      'client.chat.completions.create(model="gpt-4o", messages=[])  # prompt-cost: 10/month\n';
    const r = await analyze({ lang: 'python', code });
    assert.deepStrictEqual(r.costs.map((c) => c.callsPerMonth), [15000, 10]);
    const lines = r.findings.filter((f) => f.ruleId === 'missing-output-cap').map((f) => code.slice(0, f.span.start).split('\n').length);
    assert.deepStrictEqual(lines, [8]);
  });

  it('counts a prompt exactly: OpenAI chat framing plus tiktoken counts of the literal', async () => {
    const e = await getEngine();
    const text = 'Translate the following sentence into German: the weather is nice today.';
    const r = await analyze({ lang: 'python', code: `from openai import OpenAI\nclient = OpenAI()\n${PY_CALL(text)}\n` });
    assert.strictEqual(r.costs[0].inputTokens, e.tokens.countWith(text, 'o200k_base') + 3 + 3);
  });

  it('sizes placeholders with placeholderTokens and marks the count an estimate', async () => {
    const code = 'from openai import OpenAI\nclient = OpenAI()\nq = input()\n' +
      'client.chat.completions.create(model="gpt-4o", max_completion_tokens=5, messages=[{"role": "user", "content": f"Answer: {q}"}])\n';
    const a = await analyze({ lang: 'python', code, config: { placeholderTokens: 10 } });
    const b = await analyze({ lang: 'python', code, config: { placeholderTokens: 110 } });
    assert.strictEqual(b.costs[0].inputTokens - a.costs[0].inputTokens, 100);
    assert.strictEqual(a.costs[0].inputTokensExact, false);
    assert.deepStrictEqual(a.prompts[0].placeholders.map((p) => p.name), ['q']);
  });

  it('uses UTF-16 offsets (an emoji before the call shifts spans by two)', async () => {
    const code = `from openai import OpenAI\nclient = OpenAI()\nx = "😀"\n${PY_CALL('hi')}\n`;
    const r = await analyze({ lang: 'python', code });
    assert.strictEqual(code.slice(r.calls[0].nameSpan.start, r.calls[0].nameSpan.end), 'create');
  });

  it('is deterministic: the same input gives the same result', async () => {
    const code = `from openai import OpenAI\nclient = OpenAI()\n${PY_CALL('a')}\n${PY_CALL('b')}\n`;
    const strip = (r: unknown) => JSON.stringify(r, (k, v) => (k === 'timings' ? undefined : v));
    assert.strictEqual(strip(await analyze({ lang: 'python', code })), strip(await analyze({ lang: 'python', code })));
  });

  describe('bad input: a clear message and a bounded result', () => {
    it('binary bytes', async () => {
      const r = await analyze({ lang: 'python', code: 'import openai\n\u0000\u0001\u00ff' });
      assert.match(r.skipped ?? '', /binary/);
    });
    it('a file above maxFileBytes', async () => {
      const r = await analyze({ lang: 'python', code: '# x\n'.repeat(1000), config: { maxFileBytes: 1000 } });
      assert.match(r.skipped ?? '', /above the .* limit \(maxFileBytes\)/);
    });
    it('minified JavaScript', async () => {
      const r = await analyze({ lang: 'javascript', code: 'var a=function(b){return b+1};'.repeat(2000) });
      assert.match(r.skipped ?? '', /minified/);
    });
    it('a 1 MB single-line prompt is analysed, counted, in bounded time', async () => {
      const big = 'lorem ipsum dolor sit amet, '.repeat(38000);
      const t0 = Date.now();
      const r = await analyze({ lang: 'python', code: `from openai import OpenAI\nclient = OpenAI()\n${PY_CALL(big)}\n`, config: { maxFileBytes: 4e6 } });
      assert.ok(Date.now() - t0 < 10000);
      assert.strictEqual(r.calls.length, 1);
      assert.ok(r.costs[0].inputTokens > 200000);
    });
    it('100k letters without a space do not freeze the tokenizer', async () => {
      const t0 = Date.now();
      const r = await analyze({ lang: 'typescript', code: `import OpenAI from 'openai';\nnew OpenAI().chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: '${'abcdefghij'.repeat(10000)}' }] });\n`, config: { maxFileBytes: 4e6 } });
      assert.ok(Date.now() - t0 < 5000, `${Date.now() - t0} ms`);
      assert.ok(r.costs[0].inputTokens > 1000);
    });
    it('long runs of identifiers, dots, equals signs and parentheses stay linear', async () => {
      const runs = ['a'.repeat(100000), 'a.'.repeat(50000), 'x = '.repeat(25000), '('.repeat(50000), 'prompt'.repeat(20000),
        'self.'.repeat(20000) + 'model = 1'];
      for (const run of runs) {
        for (const lang of ['python', 'typescript'] as const) {
          const t0 = Date.now();
          await analyze({ lang, code: `from openai import OpenAI\n${run}\n`, config: { maxFileBytes: 4e6 } });
          assert.ok(Date.now() - t0 < 3000, `${Date.now() - t0} ms on ${run.slice(0, 12)}… (${lang})`);
        }
      }
    });
    it('deeply nested code', async () => {
      const code = `from openai import OpenAI\nclient = OpenAI()\nx = ${'['.repeat(5000)}${']'.repeat(5000)}\n${PY_CALL('after')}\n`;
      const r = await analyze({ lang: 'python', code });
      assert.ok(r.calls.length <= 1);
      assert.strictEqual(r.skipped, undefined);
    });
    it('an unsupported file type', async () => {
      const e = await getEngine();
      const r = e.analyze({ path: 'notes.md', text: '# hi' }, config());
      assert.match(r.skipped ?? '', /not a Python, TypeScript or JavaScript file/);
    });
    it('an unknown model is unpriced, never $0', async () => {
      const r = await analyze({ lang: 'python', code: 'from openai import OpenAI\nOpenAI().chat.completions.create(model="my-model-x", messages=[], max_tokens=5)\n' });
      assert.strictEqual(r.costs[0].costPerCall, null);
      assert.strictEqual(r.costs[0].monthlyCost, null);
      assert.strictEqual(r.unpricedCalls, 1);
      assert.strictEqual(r.monthlyCost, 0);
    });
  });
});
