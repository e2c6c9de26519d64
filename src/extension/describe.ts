// The words and numbers the editor shows for a call or a prompt (CodeLens title, hover Markdown, inline counts).
// vscode-free and pure, so unit tests check the wording against hand-made results.

import type { ResolvedConfig } from '../core/config/types';
import type { CallCost, FileResult, LlmCall, ModelSource, Prompt, PromptTokens, ProviderId } from '../core/types';
import { approx, formatCompact, formatInt, formatPerMillion, formatUsd } from './format';

/** 1-based line of an offset, for "line 12" references. */
export type LineOf = (offset: number) => number;

const MODEL_SOURCE: Record<ModelSource, string> = {
  literal: 'a literal in the call',
  constant: 'a constant in this file',
  constructor: 'the client or model constructor',
  'env-default': "an environment variable's default",
  dynamic: 'not knowable from this file (dynamic)',
};

const PROVIDER_NAMES: Record<ProviderId, string> = {
  openai: 'OpenAI', 'azure-openai': 'Azure OpenAI', anthropic: 'Anthropic', google: 'Google', mistral: 'Mistral',
  cohere: 'Cohere', groq: 'Groq', litellm: 'LiteLLM', 'self-hosted': 'self-hosted model server', unknown: 'unknown provider',
};

export function costOf(result: FileResult, callId: string): CallCost | undefined {
  return result.costs.find((c) => c.callId === callId);
}

export function tokensOf(result: FileResult, promptId: string): PromptTokens | undefined {
  return result.promptTokens.find((t) => t.promptId === promptId);
}

function hasOutput(call: LlmCall, cost: CallCost): boolean {
  return call.kind === 'chat' || call.kind === 'completion' || cost.outputTokens > 0 || cost.worstCaseOutputTokens > 0;
}

/** "≈ 1,240 in · ≤ 400 out tokens · $0.0041/call · $123/mo at 30k calls" */
export function lensTitle(call: LlmCall, cost: CallCost | undefined): string {
  if (!cost) return `${call.api} · ${call.model ?? 'dynamic model'}`;
  const parts: string[] = [];
  const input = `${approx(cost.inputTokensExact)}${formatInt(cost.inputTokens)}`;
  if (hasOutput(call, cost)) {
    parts.push(`${input} in`, cost.outputTokensSource === 'cap'
      ? `≤ ${formatInt(cost.outputTokens)} out tokens`
      : `~${formatInt(cost.outputTokens)} out tokens (no cap)`);
  } else {
    parts.push(`${input} input tokens`);
  }
  if (cost.price && cost.costPerCall !== null) {
    parts.push(`${formatUsd(cost.costPerCall)}/call`,
      `${formatUsd(cost.monthlyCost)}/mo at ${formatCompact(cost.callsPerMonth)} calls`);
  } else {
    parts.push(call.model ? `no price for ${call.model}` : 'model unknown: not priced');
  }
  return parts.join(' · ');
}

/** Inline count after a prompt literal: "≈ 312 tokens". */
export function inlineTokensLabel(t: PromptTokens | undefined): string | undefined {
  if (!t) return undefined;
  return `${approx(t.exact)}${formatInt(t.tokens)} token${t.tokens === 1 ? '' : 's'}`;
}

/** Where a configurable figure came from: `the default (\`promptCost.x\`)`, `setting promptCost.x`, `.promptcost.json`. */
function origin(config: ResolvedConfig, key: keyof ResolvedConfig['origins'], setting: string): string {
  const o = config.origins?.[key];
  return o && o !== 'default' ? o : `the default, \`${setting}\``;
}

function callsPerMonthSource(cost: CallCost): string {
  const s = cost.callsPerMonthSource;
  switch (s.kind) {
    case 'annotation': return `the \`prompt-cost:\` comment on the call`;
    case 'path': return `the path rule ${s.detail}`;
    default: return !s.detail || s.detail === 'default' ? 'the default, `promptCost.callsPerMonth`' : s.detail;
  }
}

/** Escapes what could start emphasis, code, links or HTML mid-line (names and sources are shown verbatim). */
function escapeMd(s: string): string {
  return s.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
}

function code(s: string): string {
  const clean = s.replace(/\s+/g, ' ');
  return clean.includes('`') ? `\`\` ${clean} \`\`` : `\`${clean}\``;
}

function promptLabel(p: Prompt, lineOf: LineOf): string {
  return p.name ? code(p.name) : `line ${lineOf(p.span.start)}`;
}

function placeholderLine(prompts: Prompt[], config: ResolvedConfig): string | undefined {
  const names = [...new Set(prompts.flatMap((p) => p.placeholders.map((ph) => ph.text)))];
  if (!names.length) return undefined;
  const shown = names.slice(0, 8).map(code).join(' · ') + (names.length > 8 ? ` … (+${names.length - 8})` : '');
  return `Placeholders: ${shown}, each counted as ${formatInt(config.placeholderTokens)} tokens ` +
    `(from ${origin(config, 'placeholderTokens', 'promptCost.placeholderTokens')})`;
}

/** The hover for a call: messages and their tokens, model and its origin, price and source, costs and their basis. */
export function callHover(result: FileResult, call: LlmCall, config: ResolvedConfig, lineOf: LineOf): string {
  const cost = costOf(result, call.id);
  const lines: string[] = [];
  const provider = PROVIDER_NAMES[call.provider];
  const model = call.model ? `**${escapeMd(call.model)}**` : '**model unknown**';
  lines.push(`${model} · ${provider} ${code(call.api)}${call.stream ? ' (streaming)' : ''}${call.inLoop ? ' · inside a loop' : ''}`);
  lines.push('', `Model from ${MODEL_SOURCE[call.modelSource]}${call.modelSource === 'literal' || !call.modelSpan ? '' : ` (line ${lineOf(call.modelSpan.start)})`}.`);

  const prompts = call.promptIds.map((id) => result.prompts.find((p) => p.id === id)).filter((p): p is Prompt => !!p);
  if (prompts.length) {
    lines.push('', '| message | role | tokens |', '|---|---|---:|');
    let sum = 0;
    for (const p of prompts) {
      const t = tokensOf(result, p.id);
      sum += t?.tokens ?? 0;
      lines.push(`| ${promptLabel(p, lineOf)} | ${p.role} | ${t ? `${approx(t.exact)}${formatInt(t.tokens)}` : '—'} |`);
    }
    const dynamic = (call.dynamicInputs ?? 0) * config.placeholderTokens;
    if (dynamic > 0) {
      lines.push(`| ${call.dynamicInputs} input${call.dynamicInputs === 1 ? '' : 's'} built elsewhere | | ≈ ${formatInt(dynamic)} |`);
      sum += dynamic;
    }
    if (cost && cost.inputTokens > sum) lines.push(`| message overhead | | ${formatInt(cost.inputTokens - sum)} |`);
    const ph = placeholderLine(prompts, config);
    if (ph) lines.push('', ph);
  } else {
    lines.push('', 'No prompt text found in this file for this call (its input is built elsewhere).');
  }

  if (!cost) return lines.join('\n');
  const price = cost.price;
  lines.push('');
  if (price) {
    const cached = price.cachedInput !== null ? ` · cached ${formatPerMillion(price.cachedInput)}` : '';
    lines.push(`**Price** per 1M tokens: input ${formatPerMillion(price.input)}${cached} · output ` +
      `${formatPerMillion(price.output)} — ${escapeMd(price.source)}${price.date ? `, ${price.date}` : ''}`);
  } else {
    lines.push(`**Price**: unknown for ${call.model ? code(call.model) : 'a dynamic model'}, so not priced ` +
      '(map it with `modelAliases` or add a price in `promptCost.prices` / `.promptcost.json`).');
  }
  const capText = call.outputCap
    ? `cap ${code(`${call.outputCap.param}=${call.outputCap.value ?? '?'}`)}`
    : `no cap; expected output from ${origin(config, 'expectedOutputTokens', 'promptCost.expectedOutputTokens')}`;
  if (hasOutput(call, cost)) {
    lines.push('', `**Per call**: ${approx(cost.inputTokensExact)}${formatInt(cost.inputTokens)} in + ` +
      `${cost.outputTokensSource === 'cap' ? '≤ ' : '~'}${formatInt(cost.outputTokens)} out (${capText}) = ${formatUsd(cost.costPerCall)}` +
      (cost.outputTokensSource === 'cap' ? '' : `; worst case ${formatInt(cost.worstCaseOutputTokens)} out = ${formatUsd(cost.worstCaseCostPerCall)}`));
  } else {
    lines.push('', `**Per call**: ${approx(cost.inputTokensExact)}${formatInt(cost.inputTokens)} input tokens = ${formatUsd(cost.costPerCall)}`);
  }
  const worst = cost.worstCaseMonthlyCost !== null && cost.worstCaseMonthlyCost !== cost.monthlyCost
    ? ` · worst case ${formatUsd(cost.worstCaseMonthlyCost)}` : '';
  lines.push('', `**Monthly**: ${formatUsd(cost.monthlyCost)} expected${worst} at ${formatInt(cost.callsPerMonth)} ` +
    `calls/month, from ${callsPerMonthSource(cost)}.`);
  return lines.join('\n');
}

/** The hover for a prompt literal: tokens, exactness, placeholders and the calls that send it. */
export function promptHover(result: FileResult, prompt: Prompt, config: ResolvedConfig, lineOf: LineOf): string {
  const t = tokensOf(result, prompt.id);
  const lines: string[] = [];
  const name = prompt.name ? ` ${code(prompt.name)}` : '';
  lines.push(`**Prompt**${name} · ${prompt.role} · ${t ? `${approx(t.exact)}${formatInt(t.tokens)} tokens` : 'not counted'}` +
    (t ? ` (${t.exact ? 'exact' : 'estimate'}, ${t.encoding})` : ''));
  const ph = placeholderLine([prompt], config);
  if (ph) lines.push('', ph);
  const calls = prompt.callIds.map((id) => result.calls.find((c) => c.id === id)).filter((c): c is LlmCall => !!c);
  lines.push('', calls.length
    ? 'Sent by: ' + calls.map((c) => `${code(c.api)} line ${lineOf(c.span.start)} (${c.model ?? 'model unknown'})`).join(' · ')
    : 'Not passed to any LLM call found in this file.');
  return lines.join('\n');
}
