// Applies a phrase table to the prose of a text: one match at a time, each kept only when it saves tokens in its
// neighbourhood (a removal can cost a token: "Please summarize" is 2 tokens, "Summarize" is 3). Prompts in code
// are often hard-wrapped, so a phrase may span one line break, and a sentence may continue on the next line.

import { mask, isMaskChar } from './protect';
import type { CompressLevel, CompressPass, PassContext, PassId } from './types';
import type { PhraseRule } from './phrases';
import { RESTRICTION_WORDS } from './phrases';
import { opensSentence } from './sentences';
import { lineRoles } from './regions';

export interface CompiledPhrases {
  re: RegExp;
  byKey: ReadonlyMap<string, PhraseRule>;
}

const key = (s: string) => s.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ');
/** Between two words of a phrase: spaces, or one line break (never a blank line). */
const GAP = '(?:[ \\t]+|[ \\t]*\\n[ \\t]*)';

export function compilePhrases(rules: readonly PhraseRule[], level: CompressLevel): CompiledPhrases {
  const active = rules.filter((r) => level === 'aggressive' || r.level === 'safe');
  const byKey = new Map(active.map((r) => [key(r.find), r]));
  const alternatives = [...byKey.keys()]
    .sort((a, b) => b.length - a.length)
    .map((f) => f.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]")).join(GAP));
  const re = new RegExp(`(?<![\\w'’-])(?:${alternatives.join('|')})(?![\\w'’-])`, 'gi');
  return { re, byKey };
}

/** A negation up to two words back ("not very", "must not be very"). */
const NEGATION_BEFORE = new RegExp(`(?:\\b(?:${RESTRICTION_WORDS.join('|')})|n['’]t)(?:\\s+[\\w'’]+){0,2}\\s*$`, 'i');
/** What may follow a "thank you" sentence and go with it. */
const THANKS_TAIL = /^(?:[ \t]+(?:very much|so much|a lot|again))?(?:[ \t]+(?:in advance))?(?:[ \t]+for[ \t]+(?:your|the|all[ \t]+your)[ \t]+(?:help|time|assistance|patience|cooperation|understanding|work))?/i;
/** Context kept on each side when comparing tokens around one edit. */
const WINDOW = 64;
/** Words that take "an" (vowel sound); crude on purpose: a wrong guess only costs the edit. */
const AN_WORD = /^(?:[aei]|o(?!ne)|u(?:n|p|ti)|hour|honest|honou?r)/i;

function matchCase(replacement: string, matched: string): string {
  return /^[A-Z]/.test(matched) ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}

/** "a" / "an" before the word that now follows it. */
function fixArticle(left: string, right: string): string {
  const m = /(?<![\w'’-])(a|an|A|An)([ \t]+)$/.exec(left);
  const next = /^[A-Za-z]+/.exec(right)?.[0];
  if (!m || !next) return left;
  const want = AN_WORD.test(next) ? 'an' : 'a';
  if (m[1].toLowerCase() === want) return left;
  const word = m[1][0] === 'A' ? want[0].toUpperCase() + want.slice(1) : want;
  return left.slice(0, m.index) + word + m[2];
}

/** The text with [start, end) removed and the seam tidied (commas, spaces, capitalisation, articles). */
function removeAt(text: string, start: number, end: number, rule: PhraseRule, capitalise: boolean, opening: boolean): string {
  let left = text.slice(0, start);
  let right = text.slice(end);
  if (rule.sentence) right = right.replace(/^[.!]*[ \t]*/, '');
  if (/,[ \t]*$/.test(left) && /^[ \t]*(?:[.!?;:]|$|\n)/.test(right)) left = left.replace(/,[ \t]*$/, '');
  if (opening) right = right.replace(/^[ \t]*,?[ \t]*/, '');
  else if (/[ \t]$/.test(left) || left === '' || left.endsWith('\n')) right = right.replace(/^[ \t]+/, '');
  if (/^(?:[.!?;:,]|\n)/.test(right)) left = left.replace(/[ \t]+$/, '');
  right = right.replace(/^[ \t]+\n/, '\n'); // the phrase ended its line: the sentence goes on below
  // The sentence's own end, not past a blank line.
  if (rule.question && opening) right = right.replace(/^((?:(?!\n[ \t]*\n)[^.!?])*)\?/, '$1.');
  if (capitalise && opening) right = right.replace(/^([ \t]*\n?[ \t]*)(\p{Ll})/u, (_, ws: string, c: string) => ws + c.toUpperCase());
  if (rule.sentence && !right.trim()) left = left.replace(/[ \t]+$/, '');
  return fixArticle(left, right) + right;
}

/** Applies the phrases to the prose of `text` (protected regions excluded). */
export function applyPhrases(text: string, phrases: CompiledPhrases, ctx: PassContext): string {
  const masked = mask(text);
  if (!masked) return text;
  // Examples, data and templates are material the model reads or reproduces: only runs of prose lines are edited,
  // each on its own (a phrase never spans two runs).
  const lines = masked.text.split('\n');
  const roles = lineRoles(lines, masked.unmask);
  const out: string[] = [];
  for (let i = 0; i < lines.length;) {
    const prose = roles[i] === 'prose';
    let j = i;
    while (j < lines.length && (roles[j] === 'prose') === prose) j++;
    const run = lines.slice(i, j).join('\n');
    out.push(prose ? applyToProse(run, lines.slice(j).join('\n'), phrases, ctx, i === 0 && ctx.continuesSentence, masked.unmask) : run);
    i = j;
  }
  return masked.unmask(out.join('\n'));
}

/** Applies the phrases to a run of prose lines (masked); `after` is the text that follows the run. */
function applyToProse(text: string, after: string, phrases: CompiledPhrases, ctx: PassContext, continuesSentence: boolean, unmask: (s: string) => string): string {
  const count = (s: string) => ctx.countTokens(unmask(s));
  let current = text;
  const rx = new RegExp(phrases.re.source, phrases.re.flags);
  let m: RegExpExecArray | null;
  while ((m = rx.exec(current))) {
    const start = m.index;
    const end = start + m[0].length;
    const rule = phrases.byKey.get(key(m[0]));
    const candidate = rule ? propose(current, start, end, m[0], rule, continuesSentence, after) : null;
    if (candidate === null) continue;
    const from = Math.max(0, start - WINDOW);
    const tail = Math.min(current.length - end, WINDOW);
    const before = current.slice(from, end + tail);
    const edited = candidate.slice(from, candidate.length - (current.length - end - tail));
    if (count(edited) < count(before)) {
      current = candidate;
      rx.lastIndex = Math.max(0, start - 1);
    }
  }
  return current;
}

/** The edited text for one match, or null when a guard says the phrase is not filler here. */
function propose(text: string, start: number, end: number, matched: string, rule: PhraseRule, continuesSentence: boolean, after = ''): string | null {
  const words = matched.split(/\s+/);
  if (/[A-Z]{2}/.test(matched) && matched === matched.toUpperCase()) return null; // SHOUTED: deliberate emphasis
  if (words.slice(1).some((w) => /^[A-Z]/.test(w))) return null; // Title Case: a name or a heading
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const left = text.slice(Math.max(lineStart, start - 200), start);
  const fromLineStart = start - left.length === lineStart && (lineStart > 0 || !continuesSentence);
  const opening = opensSentence(left, fromLineStart) || /[\uE000-\uF8FF][ \t]*$/.test(left);
  if (/^[A-Z]/.test(matched) && !opening) return null;
  if ((rule.sentenceStart || rule.sentence) && !opening) return null;
  if (rule.leadIn) {
    const following = after ? `${text}\n${after}` : text;
    const lineEnd = following.indexOf('\n', end);
    const rest = following.slice(end, lineEnd < 0 ? following.length : lineEnd);
    const next = lineEnd < 0 ? '' : following.slice(lineEnd + 1, following.indexOf('\n', lineEnd + 1) >>> 0);
    // The label must keep a word ("Here is:" stays) and introduce a block; at the very end of a prompt it is the
    // start of the answer ("Here is the rewritten code:"), not a label.
    if (!/\p{L}/u.test(rest) || !(/:[ \t]*$/.test(rest) || /^[ \t]*(?:[<`]|[\uE000-\uF8FF])/.test(next))) return null;
    if (lineEnd < 0 || !following.slice(lineEnd).trim()) return null;
  }
  if (rule.notAfterNegation && NEGATION_BEFORE.test(text.slice(Math.max(0, start - 60), start))) return null;
  const previousWord = /([\w'’]+)\s*$/.exec(text.slice(Math.max(0, start - 40), start))?.[1]?.toLowerCase();
  if (rule.notAfter && previousWord && rule.notAfter.includes(previousWord)) return null;
  if (rule.beforeWord && !/^\s+\p{L}/u.test(text.slice(end))) return null;
  const nextWord = /^[ \t]+([\w'’]+)/.exec(text.slice(end))?.[1]?.toLowerCase();
  if (rule.notBefore && nextWord && rule.notBefore.includes(nextWord)) return null;
  // "End with: Thank you." — after a colon the sentence is content to produce, not politeness.
  if (rule.sentence && /:["'“‘]?\s*$/.test(left)) return null;
  let stop = end;
  if (rule.sentence) {
    stop += THANKS_TAIL.exec(text.slice(end))![0].length;
    const rest = text.slice(stop);
    if (!/^[.!]*(?:\s|$)/.test(rest) || /^[ \t]*[-*+•][ \t]/.test(left)) return null;
    if (!/^[.!]/.test(rest) && rest.trim() && !/^\s+[A-Z\uE000-\uF8FF]/.test(rest)) return null;
  }
  const right = text.slice(stop);
  if (rule.replace) {
    // Never glue a replacement onto a protected region.
    if (isMaskChar(text[start - 1]) || isMaskChar(text[end])) return null;
    return text.slice(0, start) + matchCase(rule.replace, matched) + right;
  }
  if (/^\s*(?:not|n['’]t)\b/i.test(right)) return null; // "You should not" must not become "Not"
  // A phrase alone on its line (a heading, a list item) is not filler inside a sentence.
  if (!rule.sentence && /^[ \t]*(?:\n|$)/.test(right) && /^[ \t]*(?:[-*+•>#]+|\(?\w{1,4}[.)])?[ \t]*$/.test(left) && fromLineStart) return null;
  // Nor is one that is the whole of a label ("Remember to:" introduces the list below it).
  if (!rule.sentence && /^[ \t]*:/.test(right)) return null;
  return removeAt(text, start, stop, rule, /^[A-Z]/.test(matched), opening);
}

/** A pass that applies one phrase table (compiled once per level). */
export function phrasePass(id: PassId, description: string, table: readonly PhraseRule[]): CompressPass {
  const compiled = { safe: compilePhrases(table, 'safe'), aggressive: compilePhrases(table, 'aggressive') };
  return { id, description, level: 'safe', run: (text, ctx) => ({ text: applyPhrases(text, compiled[ctx.level], ctx) }) };
}
