// Applies a phrase table to the prose of a text: one match at a time, each kept only when it saves tokens in its
// neighbourhood (a removal can cost a token: "Please summarize" is 2 tokens, "Summarize" is 3).

import { mask, isMaskChar } from './protect';
import type { CompressLevel, CompressPass, PassContext, PassId } from './types';
import type { PhraseRule } from './phrases';
import { RESTRICTION_WORDS } from './phrases';
import { opensSentence } from './sentences';

export interface CompiledPhrases {
  re: RegExp;
  byKey: ReadonlyMap<string, PhraseRule>;
}

const key = (s: string) => s.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ');

export function compilePhrases(rules: readonly PhraseRule[], level: CompressLevel): CompiledPhrases {
  const active = rules.filter((r) => level === 'aggressive' || r.level === 'safe');
  const byKey = new Map(active.map((r) => [key(r.find), r]));
  const alternatives = [...byKey.keys()]
    .sort((a, b) => b.length - a.length)
    .map((f) => f.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]")).join('[ \\t]+'));
  const re = new RegExp(`(?<![\\w'’-])(?:${alternatives.join('|')})(?![\\w'’-])`, 'gi');
  return { re, byKey };
}

/** A negation up to two words back ("not very", "must not be very"). */
const NEGATION_BEFORE = new RegExp(`(?:\\b(?:${RESTRICTION_WORDS.join('|')})|n['’]t)(?:[ \\t]+[\\w'’]+){0,2}[ \\t]*$`, 'i');
/** Context kept on each side when comparing tokens around one edit. */
const WINDOW = 160;

function matchCase(replacement: string, matched: string): string {
  return /^[A-Z]/.test(matched) ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}

/** The line with [start, end) removed and the seam tidied (commas, doubled spaces, capitalisation). */
function removeAt(line: string, start: number, end: number, rule: PhraseRule, capitalise: boolean, opening: boolean): string {
  let left = line.slice(0, start);
  let right = line.slice(end);
  if (rule.sentence) right = right.replace(/^[.!]*[ \t]*/, '');
  if (/,[ \t]*$/.test(left) && /^[ \t]*(?:[.!?;:]|$)/.test(right)) left = left.replace(/,[ \t]*$/, '');
  if (opening) right = right.replace(/^[ \t]*,?[ \t]*/, '');
  else if (/[ \t]$/.test(left) || left === '') right = right.replace(/^[ \t]+/, '');
  if (/^[.!?;:,]/.test(right)) left = left.replace(/[ \t]+$/, '');
  if (rule.question && opening) right = right.replace(/^([^.!?\n]*)\?/, '$1.');
  if (capitalise && opening) right = right.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  if (rule.sentence && !right.trim()) left = left.replace(/[ \t]+$/, '');
  return left + right;
}

/** Applies the phrases to every line of `text` (protected regions excluded). */
export function applyPhrases(text: string, phrases: CompiledPhrases, ctx: PassContext): string {
  const masked = mask(text);
  if (!masked) return text;
  const count = (s: string) => ctx.countTokens(masked.unmask(s));
  // A piece that continues a concatenation does not start its first line.
  const lines = masked.text.split('\n').map((line, i) => editLine(line, phrases, count, i > 0 || !ctx.continuesSentence));
  return masked.unmask(lines.join('\n'));
}

function editLine(line: string, { re, byKey }: CompiledPhrases, count: (s: string) => number, lineStart: boolean): string {
  const rx = new RegExp(re.source, re.flags);
  let m: RegExpExecArray | null;
  while ((m = rx.exec(line))) {
    const matched = m[0];
    const start = m.index;
    const end = start + matched.length;
    const rule = byKey.get(key(matched));
    const candidate = rule ? propose(line, start, end, matched, rule, lineStart) : null;
    if (candidate === null) continue;
    const from = Math.max(0, start - WINDOW);
    const tailLength = line.length - end;
    const keepTail = Math.min(tailLength, WINDOW);
    const before = line.slice(from, end + keepTail);
    const after = candidate.slice(from, candidate.length - (tailLength - keepTail));
    if (count(after) < count(before)) {
      line = candidate;
      rx.lastIndex = Math.max(0, start - 1);
    }
  }
  return line;
}

/** The edited line for one match, or null when a guard says the phrase is not filler here. */
function propose(line: string, start: number, end: number, matched: string, rule: PhraseRule, lineStart: boolean): string | null {
  const words = matched.split(/[ \t]+/);
  if (/[A-Z]{2}/.test(matched) && matched === matched.toUpperCase()) return null; // SHOUTED: deliberate emphasis
  if (words.slice(1).some((w) => /^[A-Z]/.test(w))) return null; // Title Case: a name or a heading
  const left = line.slice(0, start);
  const opening = opensSentence(left, lineStart) || /[\uE000-\uF8FF][ \t]*$/.test(left);
  if (/^[A-Z]/.test(matched) && !opening) return null;
  if ((rule.sentenceStart || rule.sentence) && !opening) return null;
  if (rule.notAfterNegation && NEGATION_BEFORE.test(left)) return null;
  const right = line.slice(end);
  if (rule.sentence) {
    if (!/^[.!]*(?:[ \t]|$)/.test(right) || /^[ \t]*[-*+•]/.test(left)) return null;
    if (!/^[.!]/.test(right) && right.trim() && !/^[ \t]+[A-Z\uE000-\uF8FF]/.test(right)) return null;
  }
  if (rule.replace) {
    // Never glue a replacement onto a protected region or split a hyphenated word.
    if (isMaskChar(line[start - 1]) || isMaskChar(line[end])) return null;
    return left + matchCase(rule.replace, matched) + right;
  }
  if (/^[ \t]*(?:not|n['’]t)\b/i.test(right)) return null; // "You should not" must not become "Not"
  if (!right.trim() && !rule.sentence && /^[ \t]*$/.test(left.replace(/^[ \t]*(?:[-*+•>#]+|\(?\w{1,4}[.)])?[ \t]*/, ''))) return null;
  return removeAt(line, start, end, rule, /^[A-Z]/.test(matched), opening);
}

/** A pass that applies one phrase table (compiled once per level). */
export function phrasePass(id: PassId, description: string, table: readonly PhraseRule[]): CompressPass {
  const compiled = { safe: compilePhrases(table, 'safe'), aggressive: compilePhrases(table, 'aggressive') };
  return { id, description, level: 'safe', run: (text, ctx) => ({ text: applyPhrases(text, compiled[ctx.level], ctx) }) };
}
