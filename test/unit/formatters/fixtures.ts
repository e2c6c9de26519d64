// Hand-built scan results for the formatter tests: small source texts and the FileResults the engine would give
// for them, with spans found in the text (never typed as numbers) so regions can be checked independently.

import type { RuleMeta } from '../../../src/core/rules/types';
import type { CallCost, FileResult, Finding, LlmCall, ModelPrice, Prompt, Span } from '../../../src/core/types';
import { LineIndex } from '../../../src/core/formatters/lineIndex';
import { summarize } from '../../../src/core/formatters/summary';
import type { BudgetViolation, ScanResult, ScannedFile } from '../../../src/core/formatters/types';

export const RULES: RuleMeta[] = [
  { id: 'missing-output-cap', description: 'An LLM call without an output cap can cost up to the model maximum.', defaultSeverity: 'warning', fixable: true, docs: 'docs/rules/missing-output-cap.md' },
  { id: 'unknown-model', description: 'The model has no known price.', defaultSeverity: 'warning', fixable: false, docs: 'docs/rules/unknown-model.md' },
  { id: 'over-budget', description: 'A call or file costs more per month than its budget.', defaultSeverity: 'error', fixable: false, docs: 'docs/rules/over-budget.md' },
  { id: 'context-overflow', description: 'The prompt does not fit the model context window.', defaultSeverity: 'error', fixable: false, docs: 'docs/rules/context-overflow.md' },
];

export const DOCS_BASE = 'https://example.invalid/prompt-cost-lint/blob/main/';

export const PY_TEXT = [
  'import os',
  'from openai import OpenAI',
  '',
  'client = OpenAI()',
  'SYSTEM_PROMPT = """You are a support assistant. Answer briefly."""',
  '',
  'def answer(question):',
  '    return client.chat.completions.create(',
  '        model="gpt-4o",',
  '        messages=[',
  '            {"role": "system", "content": SYSTEM_PROMPT},',
  '            {"role": "user", "content": f"Question: {question}"},',
  '        ],',
  '    )',
  '',
  'for doc in docs:',
  '    client.embeddings.create(model=os.getenv("EMBED_MODEL", "text-embedding-3-small"), input=doc)',
  '',
].join('\n');

// CRLF line ends and an emoji before the call on its line: columns count UTF-16 code units.
export const TS_TEXT = [
  "import Anthropic from '@anthropic-ai/sdk';",
  'const anthropic = new Anthropic();',
  '// prompt-cost: 500/day',
  "export const summarize = (text: string) => { const tag = '🚀|ok'; return anthropic.messages.create({",
  "  model: 'claude-mystery-9',",
  '  max_tokens: 512,',
  '  messages: [{ role: \'user\', content: `Summarize: ${text}` }],',
  '}); };',
  '',
].join('\r\n');

/** Span of the `occurrence`-th match of `needle`; with `endNeedle`, up to the end of the next `endNeedle`. */
export function find(text: string, needle: string, endNeedle?: string, occurrence = 1): Span {
  let start = -1;
  for (let i = 0; i < occurrence; i++) start = text.indexOf(needle, start + 1);
  if (start < 0) throw new Error(`fixture: ${needle} not found`);
  if (!endNeedle) return { start, end: start + needle.length };
  const endAt = text.indexOf(endNeedle, start + needle.length);
  if (endAt < 0) throw new Error(`fixture: ${endNeedle} not found after ${needle}`);
  return { start, end: endAt + endNeedle.length };
}

const GPT4O: ModelPrice = {
  provider: 'openai', model: 'gpt-4o', input: 2.5, cachedInput: 1.25, output: 10, contextWindow: 128000,
  maxOutputTokens: 16384, source: '@pydantic/genai-prices 0.1.8', date: '2025-06-01',
};
const EMBED: ModelPrice = {
  provider: 'openai', model: 'text-embedding-3-small', input: 0.02, cachedInput: null, output: 0,
  contextWindow: 8191, maxOutputTokens: null, source: '@pydantic/genai-prices 0.1.8', date: '2025-06-01',
};

function call(partial: Partial<LlmCall> & Pick<LlmCall, 'span' | 'nameSpan' | 'provider' | 'sdk' | 'api' | 'kind'>): LlmCall {
  return {
    id: `c${partial.span.start}`, model: null, modelSource: 'dynamic', modelSpan: null, outputCap: null,
    capInsertion: null, stream: false, inLoop: false, promptIds: [], messageCount: 0, dynamicInputs: 0, options: {}, ...partial,
  };
}

function prompt(text: string, span: Span, partial: Partial<Prompt> & Pick<Prompt, 'role' | 'text'>): Prompt {
  return {
    id: `p${span.start}`, placeholders: [], span, callIds: [],
    pieces: [{ span, contentSpan: { start: span.start + 1, end: span.end - 1 }, prefix: '', quote: '"', interpolated: false }],
    ...partial,
  };
}

function cost(callId: string, price: ModelPrice | null, inputTokens: number, outputTokens: number,
  outputTokensSource: CallCost['outputTokensSource'], worstCaseOutputTokens: number, callsPerMonth: number,
  callsPerMonthSource: CallCost['callsPerMonthSource'], inputTokensExact = true): CallCost {
  const per = (out: number) => (price ? (inputTokens * price.input + out * price.output) / 1e6 : null);
  const costPerCall = per(outputTokens);
  const worst = per(worstCaseOutputTokens);
  return {
    callId, inputTokens, inputTokensExact, outputTokens, outputTokensSource, worstCaseOutputTokens, price,
    costPerCall, worstCaseCostPerCall: worst, callsPerMonth, callsPerMonthSource,
    monthlyCost: costPerCall === null ? null : costPerCall * callsPerMonth,
    worstCaseMonthlyCost: worst === null ? null : worst * callsPerMonth,
  };
}

function finding(f: Omit<Finding, 'fixes'> & { fixes?: Finding['fixes'] }): Finding {
  return { fixes: [], ...f };
}

function result(path: string, partial: Partial<FileResult>): FileResult {
  const base: FileResult = {
    path, language: null, calls: [], prompts: [], promptTokens: [], costs: [], findings: [], notices: [],
    hasSyntaxErrors: false, monthlyCost: 0, unpricedCalls: 0, timings: { parseMs: 0, analyzeMs: 0 }, ...partial,
  };
  base.monthlyCost = base.costs.reduce((s, c) => s + (c.monthlyCost ?? 0), 0);
  base.unpricedCalls = base.costs.filter((c) => c.monthlyCost === null).length;
  return base;
}

export function pythonFile(text = PY_TEXT, path = 'app/chat.py'): FileResult {
  const chatSpan = find(text, 'client.chat.completions.create(', '\n    )');
  const chat = call({
    span: chatSpan, nameSpan: find(text, 'create', undefined, 1), provider: 'openai', sdk: 'openai',
    api: 'chat.completions.create', kind: 'chat', model: 'gpt-4o', modelSource: 'literal',
    modelSpan: find(text, '"gpt-4o"'), messageCount: 2,
  });
  const embedSpan = find(text, 'client.embeddings.create(', 'input=doc)');
  const embed = call({
    span: embedSpan, nameSpan: find(text, 'create', undefined, 2), provider: 'openai', sdk: 'openai',
    api: 'embeddings.create', kind: 'embedding', model: 'text-embedding-3-small', modelSource: 'env-default',
    modelSpan: find(text, '"text-embedding-3-small"'), inLoop: true,
  });
  const system = prompt(text, find(text, '"""You are', 'briefly."""'), {
    role: 'system', text: 'You are a support assistant. Answer briefly.', name: 'SYSTEM_PROMPT', callIds: [chat.id],
  });
  const user = prompt(text, find(text, 'f"Question: {question}"'), {
    role: 'user', text: 'Question: {question}', callIds: [chat.id],
    placeholders: [{ text: '{question}', name: 'question', syntax: 'fstring' }],
  });
  chat.promptIds = [system.id, user.id];
  const chatCost = cost(chat.id, GPT4O, 40, 350, 'expected', 16384, 30000, { kind: 'default', detail: 'default 30,000/month' });
  const embedCost = cost(embed.id, EMBED, 12, 0, 'expected', 0, 30000, { kind: 'default', detail: 'default 30,000/month' }, false);
  return result(path, {
    language: 'python',
    calls: [chat, embed],
    prompts: [system, user],
    promptTokens: [
      { promptId: system.id, tokens: 10, exact: true, encoding: 'o200k_base' },
      { promptId: user.id, tokens: 12, exact: false, encoding: 'o200k_base' },
    ],
    costs: [chatCost, embedCost],
    findings: [finding({
      ruleId: 'missing-output-cap', severity: 'warning', span: find(text, 'create', undefined, 1), callId: chat.id,
      message: 'No output cap: worst case 16,384 output tokens × 30,000 calls/month ≈ $4,918/month; expected ≈ $108 | set max_completion_tokens',
      monthlySaving: (chatCost.worstCaseMonthlyCost ?? 0) - (chatCost.monthlyCost ?? 0),
      fixes: [{ title: 'Add max_completion_tokens=1024', kind: 'quickfix', safe: true, edits: [] }],
    })],
  });
}

export function typescriptFile(text = TS_TEXT, path = 'web/summarize.ts'): FileResult {
  const span = find(text, 'anthropic.messages.create({', '})');
  const c = call({
    span, nameSpan: find(text, 'create({'), provider: 'anthropic', sdk: 'anthropic', api: 'messages.create',
    kind: 'chat', model: 'claude-mystery-9', modelSource: 'literal', modelSpan: find(text, "'claude-mystery-9'"),
    outputCap: { param: 'max_tokens', value: 512, span: find(text, 'max_tokens: 512') }, messageCount: 1,
    annotation: { callsPerMonth: 15000, span: find(text, '// prompt-cost: 500/day') },
  });
  const p = prompt(text, find(text, '`Summarize: ${text}`'), {
    role: 'user', text: 'Summarize: ${text}', callIds: [c.id],
    placeholders: [{ text: '${text}', name: 'text', syntax: 'template' }],
  });
  c.promptIds = [p.id];
  return result(path, {
    language: 'typescript',
    calls: [c],
    prompts: [p],
    promptTokens: [{ promptId: p.id, tokens: 8, exact: false, encoding: 'claude-estimate' }],
    costs: [cost(c.id, null, 8, 512, 'cap', 512, 15000, { kind: 'annotation', detail: '500/day' }, false)],
    findings: [finding({
      ruleId: 'unknown-model', severity: 'error', span: find(text, "'claude-mystery-9'"), callId: c.id,
      message: 'Unknown model "claude-mystery-9": no price, so this call is not in the monthly total.',
    })],
    notices: [{ level: 'info', message: 'Token counts for Claude models are estimates.' }],
  });
}

export function skippedFile(path = 'vendor/blob.py'): FileResult {
  return result(path, { skipped: 'binary file (contains NUL bytes)' });
}

export function scannedFile(result: FileResult, text: string): ScannedFile {
  return { result, lines: new LineIndex(text) };
}

export function fixtureScan(opts: { budgets?: BudgetViolation[]; pyText?: string } = {}): ScanResult {
  const py = opts.pyText ?? PY_TEXT;
  const files = [
    scannedFile(pythonFile(py), py),
    scannedFile(skippedFile(), ''),
    scannedFile(typescriptFile(), TS_TEXT),
  ];
  return {
    tool: { name: 'prompt-cost', version: '0.1.0', informationUri: 'https://example.invalid/prompt-cost-lint' },
    files,
    summary: summarize(files.map((f) => f.result)),
    budgets: opts.budgets ?? [],
    notices: [],
  };
}

export const TOTAL_BUDGET: BudgetViolation = {
  scope: 'total', source: '--max-monthly-cost', limit: 100, actual: 108.0072,
  message: 'total ≈ $108/month exceeds $100/month (--max-monthly-cost)',
};
