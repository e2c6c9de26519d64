import * as assert from 'assert';
import { resolveConfig } from '../../../src/core/config/load';
import { PriceBook } from '../../../src/core/pricing/priceBook';
import { FALLBACK_MAX_OUTPUT_TOKENS, projectCall } from '../../../src/core/projection/projectCall';
import type { LlmCall, PromptTokens } from '../../../src/core/types';

// A house model with round prices so every figure below can be checked by hand:
// $2 per million input tokens, $8 per million output, 10,000-token context, 4,000 output tokens at most.
const book = new PriceBook({
  overrides: { 'house-model': { input: 2, output: 8, contextWindow: 10_000, maxOutputTokens: 4_000 } },
  overridesSource: '.promptcost.json',
});
const price = book.lookup('openai', 'house-model')!;
const config = resolveConfig([{ values: { expectedOutputTokens: 500, callsPerMonth: 1000, paths: [{ glob: 'jobs/**', callsPerMonth: 30_000 }] }, origin: '.promptcost.json' }], '/repo');

function call(over: Partial<LlmCall> = {}): LlmCall {
  return {
    id: 'c1', span: { start: 0, end: 10 }, nameSpan: { start: 0, end: 6 }, provider: 'openai', sdk: 'openai',
    api: 'chat.completions.create', kind: 'chat', model: 'house-model', modelSource: 'literal', modelSpan: null,
    outputCap: null, capInsertion: null, stream: false, inLoop: false, promptIds: ['p1', 'p2'], messageCount: 2, dynamicInputs: 0,
    options: {}, ...over,
  };
}
const cap = (value: number | null) => ({ param: 'max_completion_tokens', value, span: { start: 0, end: 1 } });
const prompts = (...tokens: number[]): PromptTokens[] =>
  tokens.map((t, i) => ({ promptId: `p${i + 1}`, tokens: t, exact: true, encoding: 'o200k_base' }));
const near = (a: number | null, b: number) => assert.ok(a !== null && Math.abs(a - b) < 1e-9, `${a} ≠ ${b}`);

describe('projection/projectCall', () => {
  it('uncapped chat call: prompts + 3 per message + 3, expected output, worst case = model limit', () => {
    const r = projectCall({ call: call(), prompts: prompts(20, 30), price, priceBook: book, config, filePath: '/repo/app.py' });
    // input = 20 + 30 + 2×3 + 3 = 59
    assert.strictEqual(r.inputTokens, 59);
    assert.strictEqual(r.inputTokensExact, true);
    assert.deepStrictEqual([r.outputTokens, r.outputTokensSource, r.worstCaseOutputTokens], [500, 'expected', 4000]);
    near(r.costPerCall, (59 * 2 + 500 * 8) / 1e6); // $0.004118
    near(r.worstCaseCostPerCall, (59 * 2 + 4000 * 8) / 1e6); // $0.032118
    assert.strictEqual(r.callsPerMonth, 1000);
    assert.deepStrictEqual(r.callsPerMonthSource, { kind: 'default', detail: '.promptcost.json' });
    near(r.monthlyCost, 4.118);
    near(r.worstCaseMonthlyCost, 32.118);
    assert.strictEqual(r.price, price);
    assert.strictEqual(r.callId, 'c1');
  });

  it('a cap below the expectation is the output; above it, only the worst case', () => {
    const low = projectCall({ call: call({ outputCap: cap(400) }), prompts: prompts(10), price, priceBook: book, config, filePath: 'a.py' });
    assert.deepStrictEqual([low.outputTokens, low.outputTokensSource, low.worstCaseOutputTokens], [400, 'cap', 400]);
    near(low.costPerCall, ((10 + 2 * 3 + 3) * 2 + 400 * 8) / 1e6);
    near(low.worstCaseCostPerCall, low.costPerCall!);

    const high = projectCall({ call: call({ outputCap: cap(2000) }), prompts: prompts(10), price, priceBook: book, config, filePath: 'a.py' });
    assert.deepStrictEqual([high.outputTokens, high.outputTokensSource, high.worstCaseOutputTokens], [500, 'expected', 2000]);
  });

  it('never puts the worst case above what the model allows: its limit, or the context left after the input', () => {
    const over = projectCall({ call: call({ outputCap: cap(50_000) }), prompts: prompts(10), price, priceBook: book, config, filePath: 'a.py' });
    assert.strictEqual(over.worstCaseOutputTokens, 4000);
    // 9,500 prompt tokens + 9 overhead leave 491 of the 10,000-token window: also below the expected 500.
    const full = projectCall({ call: call(), prompts: prompts(9_000, 500), price, priceBook: book, config, filePath: 'a.py' });
    assert.strictEqual(full.inputTokens, 9_509);
    assert.strictEqual(full.worstCaseOutputTokens, 491);
    assert.strictEqual(full.outputTokens, 491);
  });

  it('a dynamic cap (value unknown) falls back to the model limit for the worst case', () => {
    const r = projectCall({ call: call({ outputCap: cap(null) }), prompts: prompts(10), price, priceBook: book, config, filePath: 'a.py' });
    assert.deepStrictEqual([r.outputTokens, r.outputTokensSource, r.worstCaseOutputTokens], [500, 'expected', 4000]);
  });

  it('embeddings and moderation produce no output and no chat overhead', () => {
    for (const kind of ['embedding', 'moderation'] as const) {
      const r = projectCall({ call: call({ kind, messageCount: 0, api: 'embeddings.create' }), prompts: prompts(1000), price, priceBook: book, config, filePath: 'a.py' });
      assert.deepStrictEqual([r.inputTokens, r.outputTokens, r.worstCaseOutputTokens], [1000, 0, 0]);
      near(r.costPerCall, 1000 * 2 / 1e6);
      near(r.worstCaseCostPerCall, 1000 * 2 / 1e6);
    }
  });

  it('a completion call has no message overhead; a chat call without a message count gets one per prompt', () => {
    const completion = projectCall({ call: call({ kind: 'completion', messageCount: 0 }), prompts: prompts(40), price, priceBook: book, config, filePath: 'a.py' });
    assert.strictEqual(completion.inputTokens, 40);
    const responses = projectCall({ call: call({ messageCount: 0, api: 'responses.create' }), prompts: prompts(40), price, priceBook: book, config, filePath: 'a.py' });
    assert.strictEqual(responses.inputTokens, 40 + 3 + 3);
  });

  it('n > 1 multiplies the output, expected and worst case', () => {
    const r = projectCall({ call: call({ options: { n: 3 }, outputCap: cap(300) }), prompts: prompts(10), price, priceBook: book, config, filePath: 'a.py' });
    assert.deepStrictEqual([r.outputTokens, r.worstCaseOutputTokens], [900, 900]);
    near(r.costPerCall, ((10 + 9) * 2 + 900 * 8) / 1e6);
    const gemini = projectCall({ call: call({ options: { candidateCount: 2 } }), prompts: prompts(10), price, priceBook: book, config, filePath: 'a.py' });
    assert.strictEqual(gemini.outputTokens, 1000);
    const ignored = projectCall({ call: call({ options: { n: 'many' } }), prompts: prompts(10), price, priceBook: book, config, filePath: 'a.py' });
    assert.strictEqual(ignored.outputTokens, 500);
  });

  it('takes calls per month from the annotation, then the path rules, then the default', () => {
    const annotated = projectCall({
      call: call({ annotation: { callsPerMonth: 20_000, span: { start: 0, end: 1 } } }), prompts: prompts(10), price, priceBook: book, config,
      filePath: '/repo/jobs/nightly.py',
    });
    assert.strictEqual(annotated.callsPerMonth, 20_000);
    assert.strictEqual(annotated.callsPerMonthSource.kind, 'annotation');
    near(annotated.monthlyCost, annotated.costPerCall! * 20_000);
    const byPath = projectCall({ call: call(), prompts: prompts(10), price, priceBook: book, config, filePath: '/repo/jobs/nightly.py' });
    assert.strictEqual(byPath.callsPerMonth, 30_000);
    assert.strictEqual(byPath.callsPerMonthSource.kind, 'path');
    near(byPath.worstCaseMonthlyCost, byPath.worstCaseCostPerCall! * 30_000);
  });

  it('an unknown price gives null costs, and the worst case still comes from the model family or the fallback', () => {
    const known = projectCall({ call: call({ model: 'gpt-4o-2099-01-01' }), prompts: prompts(10), price: null, priceBook: book, config, filePath: 'a.py' });
    assert.deepStrictEqual([known.costPerCall, known.worstCaseCostPerCall, known.monthlyCost, known.worstCaseMonthlyCost], [null, null, null, null]);
    assert.strictEqual(known.worstCaseOutputTokens, 16_384, 'gpt-4o family limit');
    assert.strictEqual(known.callsPerMonth, 1000);
    const unknown = projectCall({ call: call({ model: 'mystery' }), prompts: prompts(10), price: null, priceBook: book, config, filePath: 'a.py' });
    assert.strictEqual(unknown.worstCaseOutputTokens, FALLBACK_MAX_OUTPUT_TOKENS);
    const dynamic = projectCall({ call: call({ model: null, modelSource: 'dynamic' }), prompts: prompts(10), price: null, priceBook: book, config, filePath: 'a.py' });
    assert.strictEqual(dynamic.worstCaseOutputTokens, FALLBACK_MAX_OUTPUT_TOKENS);
  });

  it('is inexact when any prompt is an estimate or no prompt was found', () => {
    const mixed = [...prompts(10), { promptId: 'p2', tokens: 12, exact: false, encoding: 'o200k_base×1.2' }];
    assert.strictEqual(projectCall({ call: call(), prompts: mixed, price, priceBook: book, config, filePath: 'a.py' }).inputTokensExact, false);
    const none = projectCall({ call: call({ promptIds: [] }), prompts: [], price, priceBook: book, config, filePath: 'a.py' });
    assert.strictEqual(none.inputTokensExact, false);
    assert.strictEqual(none.inputTokens, 2 * 3 + 3);
  });

  it('prices a dataset model with its tier when the input is large (Gemini 1.5 Pro over 128k)', () => {
    const real = new PriceBook({ at: new Date('2026-10-01T00:00:00Z') });
    const gemini = real.lookup('google', 'gemini-1.5-pro')!;
    const r = projectCall({
      call: call({ provider: 'google', sdk: 'google-genai', model: 'gemini-1.5-pro', messageCount: 1 }), prompts: prompts(150_000), price: gemini,
      priceBook: real, config, filePath: 'a.py',
    });
    const tier = gemini.tiers!.find((t) => t.startTokens === 128_000)!;
    near(r.costPerCall, (150_006 * tier.input + 500 * tier.output) / 1e6);
  });
});
