// From a prompt found by the engine to literal edits: each piece (string literal) is decoded, compressed on its
// own and written back in its own shape. Pieces of a concatenation keep the whitespace that joins them; a
// literal passed to `textwrap.dedent`/`inspect.cleandoc`/a `dedent` tag keeps its source indentation (it is free
// at run time). A piece that cannot be rewritten is left as it is, with the reason.

import type { LanguageId, Prompt, PromptPiece, TextEdit } from '../types';
import { decodeLiteral, rewriteLiteral } from './literal';
import { compressText } from './pipeline';
import { dedent } from './passes/whitespace';
import type { CompressLevel, CompressResult, CountTokens, PassReport } from './types';

export interface PlanOptions {
  level?: CompressLevel;
  disabledPasses?: readonly string[];
  countTokens: CountTokens;
  /** Replaces the deterministic pipeline for a piece's text (model-assisted proposals already checked). */
  rewrite?: (text: string, piece: PromptPiece, index: number) => string | null;
}

export interface PieceChange {
  index: number;
  span: PromptPiece['span'];
  /** The literal as written, and as it will be. */
  before: string;
  after: string;
  /** Texts as compression saw them. */
  textBefore: string;
  textAfter: string;
  tokensBefore: number;
  tokensAfter: number;
}

export interface PromptPlan {
  edits: TextEdit[];
  changes: PieceChange[];
  /** Pieces left as written, and why. */
  refused: { index: number; reason: string }[];
  tokensBefore: number;
  tokensAfter: number;
  saved: number;
  /** Per-pass savings summed over pieces. */
  passes: PassReport[];
}

type Wrapper = 'none' | 'dedent' | 'tagged';

/** Is the literal at `start` the argument of a dedent helper, or a tagged template? */
function wrapperOf(fileText: string, start: number, language: LanguageId): Wrapper {
  const before = fileText.slice(Math.max(0, start - 40), start);
  if (language === 'python') return /(?:\b(?:textwrap\.)?dedent|\b(?:inspect\.)?cleandoc)\(\s*$/.test(before) ? 'dedent' : 'none';
  if (fileText[start] !== '`') return 'none';
  if (/\bdedent\s*$/.test(before) || /\bdedent\(\s*$/.test(before)) return 'dedent';
  return /[\w$)\]]\s*$/.test(before) && !/\b(?:return|typeof|await|yield|case|in|of|void|delete|throw|new)\s*$/.test(before) ? 'tagged' : 'none';
}

/** Compresses text that a dedent helper will dedent at run time, keeping the source indentation and edges. */
function compressIndented(text: string, opts: PlanOptions): { result: CompressResult; text: string } {
  const lead = /^\s*/.exec(text)![0];
  const trail = /\s*$/.exec(text.slice(lead.length))![0];
  const core = text.slice(lead.length, text.length - trail.length);
  const lines = core.split('\n');
  const firstIndent = lead.includes('\n') ? lead.slice(lead.lastIndexOf('\n') + 1) : '';
  const rest = lines.slice(1).filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0]);
  const indent = rest.length ? rest.reduce((a, b) => (a.length <= b.length ? a : b)) : firstIndent;
  const result = compressText(dedent(core), { countTokens: opts.countTokens, level: opts.level, disabledPasses: opts.disabledPasses });
  const reindented = result.text.split('\n').map((l, i) => (i === 0 || !l ? l : indent + l)).join('\n');
  return { result, text: lead + reindented + trail };
}

function addPasses(into: PassReport[], from: readonly PassReport[]): void {
  for (const p of from) {
    const t = into.find((q) => q.id === p.id);
    if (!t) into.push({ ...p, rejected: [...p.rejected] });
    else {
      t.saved += p.saved;
      t.applied += p.applied;
      for (const r of p.rejected) if (!t.rejected.includes(r)) t.rejected.push(r);
    }
  }
}

/** Plans the compression of one prompt of a file: the literal edits and the token counts, piece by piece. */
export function planPromptCompression(fileText: string, language: LanguageId, prompt: Prompt, opts: PlanOptions): PromptPlan {
  const plan: PromptPlan = { edits: [], changes: [], refused: [], tokensBefore: 0, tokensAfter: 0, saved: 0, passes: [] };
  const seen = new Set<number>();
  let previousText = '';
  prompt.pieces.forEach((piece, index) => {
    const continuesSentence = index > 0 && !/(?:[.!?:;]["'”’)]?\s+|\n[ \t]*)$/.test(previousText);
    if (seen.has(piece.span.start)) return; // the same literal twice (a constant used twice): edit it once
    seen.add(piece.span.start);
    const source = fileText.slice(piece.span.start, piece.span.end);
    const wrapper = wrapperOf(fileText, piece.span.start, language);
    if (wrapper === 'tagged') return plan.refused.push({ index, reason: 'a tagged template: its tag decides what the text becomes' });
    const decoded = decodeLiteral(source, language);
    if (!decoded.ok) return plan.refused.push({ index, reason: decoded.reason });
    const text = decoded.text;
    previousText = text;
    let newText: string;
    if (opts.rewrite) {
      const proposed = opts.rewrite(text, piece, index);
      if (proposed === null) return;
      newText = proposed;
    } else if (wrapper === 'dedent') {
      const r = compressIndented(text, opts);
      addPasses(plan.passes, r.result.passes);
      newText = r.text;
    } else {
      const r = compressText(text, {
        countTokens: opts.countTokens, level: opts.level, disabledPasses: opts.disabledPasses,
        keepLeadingWhitespace: index > 0, keepTrailingWhitespace: index < prompt.pieces.length - 1, continuesSentence,
      });
      addPasses(plan.passes, r.passes);
      if (r.skipped) return plan.refused.push({ index, reason: r.skipped });
      newText = r.text;
    }
    if (newText === text) return;
    let rewritten = rewriteLiteral(source, language, newText);
    // A raw string cannot end with its quote character: keep the whitespace that ended it.
    const trail = /\s*$/.exec(text)![0];
    if (!rewritten.ok && trail && !newText.endsWith(trail)) {
      const retry = rewriteLiteral(source, language, newText + trail);
      if (retry.ok) { rewritten = retry; newText += trail; }
    }
    if (!rewritten.ok) return plan.refused.push({ index, reason: rewritten.reason });
    if (newText === text) return;
    const tokensBefore = opts.countTokens(text);
    const tokensAfter = opts.countTokens(newText);
    if (tokensAfter >= tokensBefore) return;
    plan.edits.push({ span: piece.span, newText: rewritten.source });
    plan.changes.push({ index, span: piece.span, before: source, after: rewritten.source, textBefore: text, textAfter: newText, tokensBefore, tokensAfter });
    plan.tokensBefore += tokensBefore;
    plan.tokensAfter += tokensAfter;
  });
  plan.saved = plan.tokensBefore - plan.tokensAfter;
  return plan;
}

/** Applies non-overlapping edits to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

