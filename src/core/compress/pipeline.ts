// Runs the passes in order, round after round until nothing changes (so compressing the result again changes
// nothing). Each pass output is measured and checked against the invariants; it is kept only when it saves
// tokens and breaks none, otherwise discarded with the reason.

import { checkInvariants, compareFacts, describeViolation, extractFacts, type Facts } from './invariants';
import { duplicatesPass } from './passes/duplicates';
import { fillerPass } from './passes/filler';
import { jsonPass } from './passes/json';
import { markdownPass } from './passes/markdown';
import { whitespacePass } from './passes/whitespace';
import { wordyPass } from './passes/wordy';
import type { CompressOptions, CompressPass, CompressResult, CountTokens, PassContext, PassReport } from './types';

/** In pipeline order. */
export const PASSES: readonly CompressPass[] = [whitespacePass, markdownPass, jsonPass, fillerPass, wordyPass, duplicatesPass];

/** Texts above this size are left alone (the rule and code action must never block the editor). */
export const MAX_COMPRESS_CHARS = 200_000;
const MAX_ROUNDS = 20;

/** A per-call cache in front of the counter: the passes count the same windows and texts repeatedly. */
function memoised(count: CountTokens): CountTokens {
  const cache = new Map<string, number>();
  return (text) => {
    let n = cache.get(text);
    if (n === undefined) {
      n = count(text);
      if (cache.size < 20_000) cache.set(text, n);
    }
    return n;
  };
}

export function compressText(text: string, options: CompressOptions): CompressResult {
  return compressWith(PASSES, text, options);
}

/** The pipeline over a given pass list (tests inject passes that break invariants). */
export function compressWith(all: readonly CompressPass[], text: string, options: CompressOptions): CompressResult {
  const level = options.level ?? 'safe';
  const countTokens = memoised(options.countTokens);
  const ctx: PassContext = {
    level,
    countTokens,
    keepLeadingWhitespace: options.keepLeadingWhitespace ?? false,
    keepTrailingWhitespace: options.keepTrailingWhitespace ?? false,
    continuesSentence: options.continuesSentence ?? options.keepLeadingWhitespace ?? false,
  };
  const disabled = new Set(options.disabledPasses ?? []);
  const passes = all.filter((p) => !disabled.has(p.id) && (level === 'aggressive' || p.level === 'safe'));
  const reports: PassReport[] = passes.map((p) => ({ id: p.id, saved: 0, applied: 0, rejected: [] }));
  const tokensBefore = countTokens(text);
  const removedAll: string[] = [];
  const result = (out: string, skipped?: string): CompressResult => {
    const tokensAfter = out === text ? tokensBefore : countTokens(out);
    return {
      original: text, text: out, tokensBefore, tokensAfter, saved: tokensBefore - tokensAfter, level, passes: reports,
      removed: out === text ? [] : removedAll, ...(skipped ? { skipped } : {}),
    };
  };
  if (text.length > MAX_COMPRESS_CHARS) return result(text, `longer than ${MAX_COMPRESS_CHARS} characters`);
  if (/[\uE000-\uF8FF]/.test(text)) return result(text, 'holds private-use characters the passes reserve');

  let current = text;
  let currentTokens = tokensBefore;
  let currentFacts: Facts = extractFacts(text);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let changed = false;
    passes.forEach((pass, i) => {
      const out = pass.run(current, ctx);
      if (out.text === current) return;
      const report = reports[i];
      const reject = (reason: string) => { if (!report.rejected.includes(reason)) report.rejected.push(reason); };
      const outFacts = extractFacts(out.text);
      const violations = compareFacts(currentFacts, outFacts, out.text, out.removed);
      if (violations.length) return reject(violations.map(describeViolation).join('; '));
      const tokens = countTokens(out.text);
      // Layout clean-up that costs nothing is kept (trailing blank lines merge into one token with the text).
      if (tokens > currentTokens || (tokens === currentTokens && pass.id !== 'whitespace')) return;
      report.saved += currentTokens - tokens;
      report.applied++;
      removedAll.push(...(out.removed ?? []));
      current = out.text;
      currentTokens = tokens;
      currentFacts = outFacts;
      changed = true;
    });
    if (!changed) break;
  }
  // Belt and braces: the whole change must hold the invariants against the original too.
  const overall = checkInvariants(text, current, removedAll);
  if (overall.length) {
    for (const r of reports) r.saved = 0;
    return result(text, `combined passes broke an invariant: ${overall.map(describeViolation).join('; ')}`);
  }
  return result(current);
}
