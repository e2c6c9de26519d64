// The words and figures of the CodeLens, hovers and inline counts, on a hand-made result.
import * as assert from 'assert';
import { resolveConfig } from '../../../src/core/config/load';
import type { CallCost, FileResult, LlmCall, Prompt } from '../../../src/core/types';
import { callHover, inlineTokensLabel, lensTitle, promptHover } from '../../../src/extension/describe';

const call: LlmCall = {
  id: 'c100', span: { start: 100, end: 180 }, nameSpan: { start: 124, end: 130 }, provider: 'openai', sdk: 'openai',
  api: 'chat.completions.create', kind: 'chat', model: 'gpt-4o', modelSource: 'constant', modelSpan: { start: 10, end: 18 },
  outputCap: null, capInsertion: null, stream: false, inLoop: true, promptIds: ['p40'], messageCount: 2, dynamicInputs: 0, options: {},
};
const prompt: Prompt = {
  id: 'p40', role: 'system', text: 'Answer about {topic}.', name: 'SYSTEM', span: { start: 40, end: 65 }, callIds: ['c100'],
  placeholders: [{ text: '{topic}', name: 'topic', syntax: 'format' }],
  pieces: [{ span: { start: 40, end: 65 }, contentSpan: { start: 41, end: 64 }, prefix: '', quote: '"', interpolated: false }],
};
const cost: CallCost = {
  callId: 'c100', inputTokens: 1240, inputTokensExact: false, outputTokens: 500, outputTokensSource: 'expected',
  worstCaseOutputTokens: 16384, costPerCall: 0.0081, worstCaseCostPerCall: 0.167, callsPerMonth: 30000,
  callsPerMonthSource: { kind: 'annotation', detail: '"prompt-cost:" comment on the call' }, monthlyCost: 243,
  worstCaseMonthlyCost: 5010,
  price: { provider: 'openai', model: 'gpt-4o', input: 2.5, cachedInput: 1.25, output: 10, contextWindow: 128000,
    maxOutputTokens: 16384, source: '@pydantic/genai-prices 0.1.8', date: '2025-06-01' },
};
const result: FileResult = {
  path: 'a.py', language: 'python', calls: [call], prompts: [prompt], costs: [cost], findings: [], notices: [],
  promptTokens: [{ promptId: 'p40', tokens: 57, exact: false, encoding: 'o200k_base' }], hasSyntaxErrors: false,
  monthlyCost: 243, unpricedCalls: 0, timings: { parseMs: 1, analyzeMs: 2 },
};
const lineOf = (o: number) => 1 + Math.floor(o / 20);
const config = resolveConfig([{ values: { placeholderTokens: 50 }, origin: 'setting promptCost.placeholderTokens' }], '');

describe('editor wording', () => {
  it('CodeLens: tokens in and out, cost per call, per month at the rate', () => {
    assert.strictEqual(lensTitle(call, cost), '≈ 1,240 in · ~500 out tokens (no cap) · $0.0081/call · $243/mo at 30k calls');
    const capped = { ...cost, outputTokens: 400, outputTokensSource: 'cap' as const, inputTokensExact: true };
    assert.strictEqual(lensTitle(call, capped), '1,240 in · ≤ 400 out tokens · $0.0081/call · $243/mo at 30k calls');
    assert.strictEqual(lensTitle({ ...call, model: 'mystery' }, { ...cost, price: null, costPerCall: null }),
      '≈ 1,240 in · ~500 out tokens (no cap) · no price for mystery');
    const embed = { ...call, kind: 'embedding' as const };
    assert.match(lensTitle(embed, { ...cost, outputTokens: 0, worstCaseOutputTokens: 0 }), /^≈ 1,240 input tokens · /);
  });

  it('call hover: model origin, messages, placeholders, price with source and date, costs and their basis', () => {
    const md = callHover(result, call, config, lineOf);
    assert.match(md, /\*\*gpt-4o\*\* · OpenAI `chat\.completions\.create` · inside a loop/);
    assert.match(md, /Model from a constant in this file \(line 1\)\./);
    assert.match(md, /\| `SYSTEM` \| system \| ≈ 57 \|/);
    assert.match(md, /\| message overhead \| \| 1,183 \|/);
    const dyn = callHover(result, { ...call, dynamicInputs: 2 }, config, lineOf);
    assert.match(dyn, /\| 2 inputs built elsewhere \| \| ≈ 100 \|/);
    assert.match(dyn, /\| message overhead \| \| 1,083 \|/);
    assert.match(md, /`\{topic\}`, each counted as 50 tokens \(from setting promptCost\.placeholderTokens\)/);
    assert.match(md, /input \$2\.50 · cached \$1\.25 · output \$10 — @pydantic\/genai-prices 0\.1\.8, 2025-06-01/);
    assert.match(md, /worst case 16,384 out = \$0\.17/);
    assert.match(md, /\$243 expected · worst case \$5,010 at 30,000 calls\/month, from the `prompt-cost:` comment on the call\./);
  });

  it('prompt hover and inline label', () => {
    const md = promptHover(result, prompt, config, lineOf);
    assert.match(md, /\*\*Prompt\*\* `SYSTEM` · system · ≈ 57 tokens \(estimate, o200k_base\)/);
    assert.match(md, /Sent by: `chat\.completions\.create` line 6 \(gpt-4o\)/);
    assert.strictEqual(inlineTokensLabel(result.promptTokens[0]), '≈ 57 tokens');
    assert.strictEqual(inlineTokensLabel({ promptId: 'x', tokens: 1, exact: true, encoding: 'o200k_base' }), '1 token');
  });
});
