// Compress one prompt of a file and prove the edit safe by re-analysing the edited text with the engine: the
// file must parse as before, the same call(s) must still send a prompt at the same place, with the same role,
// pieces and placeholders, and fewer tokens. Otherwise the edit is refused with the reason.

import type { ResolvedConfig } from '../config/types';
import type { FileResult, LlmCall, Prompt, ProviderId, TextEdit } from '../types';
import { applyEdits, planPromptCompression, type PlanOptions, type PromptPlan } from './plan';
import type { CompressLevel, CountTokens, PassReport } from './types';
import { int, usd } from '../rules/format';

/** What this module needs of the engine (`Engine` satisfies it). */
export interface CompressEngine {
  analyze(input: { path: string; text: string; languageId?: string }, config: ResolvedConfig): FileResult;
  readonly tokens: { count(text: string, model: string | null, provider: ProviderId): { tokens: number } };
}

export interface CompressInFileOptions {
  level?: CompressLevel;
  disabledPasses?: readonly string[];
  /** Replaces the deterministic pipeline (see PlanOptions.rewrite). */
  rewrite?: PlanOptions['rewrite'];
  /** The analysis of `input` when the caller has it already (saves one analysis). */
  analysis?: FileResult;
}

export type CompressInFileResult =
  | {
      ok: true;
      promptId: string;
      edits: TextEdit[];
      /** The whole file after the edits. */
      newText: string;
      /** The prompt's tokens as the engine counts them (placeholders included), before and after. */
      tokensBefore: number;
      tokensAfter: number;
      saved: number;
      /** ≈ USD per month saved over the calls that send the prompt (null when no call is priced). */
      monthlySaving: number | null;
      passes: PassReport[];
      plan: PromptPlan;
    }
  | { ok: false; promptId: string; reason: string };

/** The counter for a prompt: its first call's model, or o200k for a prompt not (yet) sent. */
export function promptCounter(engine: CompressEngine, result: FileResult, prompt: Prompt): CountTokens {
  const call = result.calls.find((c) => prompt.callIds.includes(c.id));
  return (text) => engine.tokens.count(text, call?.model ?? null, call?.provider ?? 'openai').tokens;
}

/** USD per month saved by sending `saved` fewer input tokens in each call of the prompt. */
export function monthlySavingOf(result: Pick<FileResult, 'costs'>, prompt: Prompt, saved: number): number | null {
  let total: number | null = null;
  for (const id of prompt.callIds) {
    const cost = result.costs.find((c) => c.callId === id);
    if (!cost?.price) continue;
    total = (total ?? 0) + (saved * cost.price.input / 1e6) * cost.callsPerMonth;
  }
  return total;
}

/** The code action's title: "Compress prompt (−123 tokens, ≈ −$45/month)". */
export function compressActionTitle(saved: number, monthlySaving: number | null): string {
  const money = monthlySaving !== null && monthlySaving > 0 ? `, ≈ −${usd(monthlySaving)}/month` : '';
  return `Compress prompt (−${int(saved)} tokens${money})`;
}

const placeholderSet = (p: Prompt) => [...new Set(p.placeholders.map((x) => x.text))].sort().join('\u0000');
const callIndexes = (r: FileResult, ids: readonly string[]) => ids.map((id) => r.calls.findIndex((c: LlmCall) => c.id === id)).join(',');

export function compressPromptInFile(
  engine: CompressEngine,
  input: { path: string; text: string; languageId?: string },
  config: ResolvedConfig,
  promptId: string,
  opts: CompressInFileOptions = {},
): CompressInFileResult {
  const refuse = (reason: string): CompressInFileResult => ({ ok: false, promptId, reason });
  const before = opts.analysis ?? engine.analyze(input, config);
  if (before.skipped) return refuse(`the file is not analysed: ${before.skipped}`);
  if (!before.language) return refuse('not a Python, TypeScript or JavaScript file');
  const prompt = before.prompts.find((p) => p.id === promptId);
  if (!prompt) return refuse(`no prompt ${promptId} in this file`);
  const countTokens = promptCounter(engine, before, prompt);
  const plan = planPromptCompression(input.text, before.language, prompt, {
    countTokens, level: opts.level, disabledPasses: opts.disabledPasses, rewrite: opts.rewrite,
  });
  if (!plan.edits.length) {
    return refuse(plan.refused.length ? plan.refused.map((r) => `piece ${r.index + 1}: ${r.reason}`).join('; ') : 'nothing to compress');
  }

  const newText = applyEdits(input.text, plan.edits);
  const after = engine.analyze({ ...input, text: newText }, config);
  if (after.skipped) return refuse(`the edited file would not be analysed: ${after.skipped}`);
  if (after.hasSyntaxErrors && !before.hasSyntaxErrors) return refuse('the edit would introduce a syntax error');
  // Edits never move the first literal's start (they replace literals from their start on).
  const first = prompt.pieces[0].span.start;
  const same = after.prompts.find((p) => p.pieces[0]?.span.start === first && p.role === prompt.role) ??
    after.prompts.find((p) => p.pieces[0]?.span.start === first);
  if (!same) return refuse('after the edit the prompt is no longer found at its place');
  if (after.calls.length !== before.calls.length) return refuse('after the edit the file has a different number of LLM calls');
  if (callIndexes(after, same.callIds) !== callIndexes(before, prompt.callIds)) return refuse('after the edit the prompt is sent by different calls');
  if (same.role !== prompt.role) return refuse(`after the edit the prompt's role changes (${prompt.role} → ${same.role})`);
  if (same.pieces.length !== prompt.pieces.length) return refuse('after the edit the prompt is built from a different number of literals');
  if (placeholderSet(same) !== placeholderSet(prompt)) return refuse('after the edit the prompt has different placeholders');
  const tokensBefore = before.promptTokens.find((t) => t.promptId === prompt.id)?.tokens ?? plan.tokensBefore;
  const tokensAfter = after.promptTokens.find((t) => t.promptId === same.id)?.tokens ?? plan.tokensAfter;
  if (tokensAfter >= tokensBefore) return refuse('the edit saves no tokens once the whole prompt is counted');
  const saved = tokensBefore - tokensAfter;
  return {
    ok: true, promptId, edits: plan.edits, newText, tokensBefore, tokensAfter, saved,
    monthlySaving: monthlySavingOf(before, prompt, saved), passes: plan.passes, plan,
  };
}
