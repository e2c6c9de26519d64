// Joins a file's calls with their costs and prompts, and maps spans to 1-based regions, once for every format.

import type { CallCost, Finding, LlmCall, Prompt, PromptTokens, Severity } from '../types';
import { regionOf, type Region } from './lineIndex';
import type { ScannedFile } from './types';

export interface PromptView {
  prompt: Prompt;
  tokens: PromptTokens | undefined;
  region: Region;
}

export interface CallView {
  call: LlmCall;
  cost: CallCost | undefined;
  region: Region;
  prompts: PromptView[];
}

export interface FindingView {
  finding: Finding;
  region: Region;
}

export function promptViews(file: ScannedFile): PromptView[] {
  const tokens = new Map(file.result.promptTokens.map((t) => [t.promptId, t]));
  return [...file.result.prompts]
    .sort((a, b) => a.span.start - b.span.start)
    .map((prompt) => ({ prompt, tokens: tokens.get(prompt.id), region: regionOf(file.lines, prompt.span) }));
}

export function callViews(file: ScannedFile): CallView[] {
  const costs = new Map(file.result.costs.map((c) => [c.callId, c]));
  const prompts = new Map(promptViews(file).map((p) => [p.prompt.id, p]));
  return [...file.result.calls]
    .sort((a, b) => a.span.start - b.span.start)
    .map((call) => ({
      call,
      cost: costs.get(call.id),
      region: regionOf(file.lines, call.span),
      prompts: call.promptIds.map((id) => prompts.get(id)).filter((p): p is PromptView => p !== undefined),
    }));
}

export function findingViews(file: ScannedFile): FindingView[] {
  return [...file.result.findings]
    .sort((a, b) => a.span.start - b.span.start || compareText(a.ruleId, b.ruleId))
    .map((finding) => ({ finding, region: regionOf(file.lines, finding.span) }));
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** The model label people read: the resolved name, or why there is none. */
export function modelLabel(call: LlmCall): string {
  return call.model ?? `(${call.modelSource === 'dynamic' ? 'dynamic' : 'unresolved'})`;
}
