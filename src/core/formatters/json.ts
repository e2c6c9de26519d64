// The JSON report: a public contract (docs/cli.md). Fields are only ever added, never renamed or removed.
// Lines and columns are 1-based; columns count UTF-16 code units; `endColumn` is the column after the range.
// A call's `line`/`column` is where the whole call expression starts (the start of a chain).

import type { CallCost, Notice } from '../types';
import { roundUsd } from './numbers';
import type { FormatOptions, ScanResult, ScannedFile } from './types';
import { callViews, findingViews, promptViews, type CallView, type PromptView } from './views';

export function formatJson(scan: ScanResult, _opts?: FormatOptions): string {
  return `${JSON.stringify(toJsonReport(scan), null, 2)}\n`;
}

/** The report as a plain object (what `--format json` prints). */
export function toJsonReport(scan: ScanResult) {
  return {
    tool: { name: scan.tool.name, version: scan.tool.version },
    files: scan.files.map(fileJson),
    summary: scan.summary,
    budgets: scan.budgets.map((b) => ({ ...b, limit: roundUsd(b.limit), actual: roundUsd(b.actual) })),
    notices: scan.notices.map(noticeJson),
  };
}

function fileJson(file: ScannedFile) {
  const r = file.result;
  return {
    path: r.path,
    language: r.language,
    skipped: r.skipped ?? null,
    hasSyntaxErrors: r.hasSyntaxErrors,
    monthlyCost: roundUsd(r.monthlyCost),
    unpricedCalls: r.unpricedCalls,
    calls: callViews(file).map(callJson),
    prompts: promptViews(file).map((p) => ({ ...promptJson(p), callIds: p.prompt.callIds })),
    findings: findingViews(file).map(({ finding: f, region }) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      ...region,
      message: f.message,
      callId: f.callId ?? null,
      promptId: f.promptId ?? null,
      monthlySaving: f.monthlySaving === undefined ? null : roundUsd(f.monthlySaving),
      fixable: f.fixes.some((x) => x.safe),
    })),
    notices: r.notices.map(noticeJson),
  };
}

function callJson({ call, cost, region, prompts }: CallView) {
  return {
    id: call.id,
    ...region,
    provider: call.provider,
    sdk: call.sdk,
    api: call.api,
    kind: call.kind,
    model: call.model,
    modelSource: call.modelSource,
    outputCap: call.outputCap ? { param: call.outputCap.param, value: call.outputCap.value } : null,
    stream: call.stream,
    inLoop: call.inLoop,
    messageCount: call.messageCount,
    prompts: prompts.map(promptJson),
    ...costJson(cost),
  };
}

function costJson(cost: CallCost | undefined) {
  if (!cost) {
    // The engine prices every call; a missing entry is reported as unknown rather than invented.
    return {
      inputTokens: null, inputTokensExact: false, outputTokens: null, outputTokensSource: null,
      worstCaseOutputTokens: null, costPerCall: null, worstCaseCostPerCall: null, callsPerMonth: null,
      callsPerMonthSource: null, monthlyCost: null, worstCaseMonthlyCost: null, price: null,
    };
  }
  const p = cost.price;
  return {
    inputTokens: cost.inputTokens,
    inputTokensExact: cost.inputTokensExact,
    outputTokens: cost.outputTokens,
    outputTokensSource: cost.outputTokensSource,
    worstCaseOutputTokens: cost.worstCaseOutputTokens,
    costPerCall: roundUsd(cost.costPerCall),
    worstCaseCostPerCall: roundUsd(cost.worstCaseCostPerCall),
    callsPerMonth: cost.callsPerMonth,
    callsPerMonthSource: cost.callsPerMonthSource,
    monthlyCost: roundUsd(cost.monthlyCost),
    worstCaseMonthlyCost: roundUsd(cost.worstCaseMonthlyCost),
    price: p
      ? { provider: p.provider, model: p.model, input: p.input, cachedInput: p.cachedInput, output: p.output,
          source: p.source, date: p.date }
      : null,
  };
}

function promptJson({ prompt, tokens, region }: PromptView) {
  return {
    id: prompt.id,
    line: region.line,
    endLine: region.endLine,
    role: prompt.role,
    name: prompt.name ?? null,
    tokens: tokens?.tokens ?? null,
    tokensExact: tokens?.exact ?? false,
    placeholders: prompt.placeholders.map((p) => p.text),
  };
}

function noticeJson(n: Notice) {
  return { level: n.level, message: n.message };
}
