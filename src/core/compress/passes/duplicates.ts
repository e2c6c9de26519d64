// Instructions said twice: a sentence removed when another sentence kept in the prompt says it already, either
// word for word (case, spacing and punctuation aside) or as a near-duplicate whose content words all appear in
// the kept one, with no condition added there ("Respond in JSON." beside "Always respond in valid JSON.").
// Examples (few-shot turns, <example> blocks, numbered steps) are data, never duplicates.

import { extractFacts, type Facts } from '../invariants';
import { mask } from '../protect';
import { CONDITIONAL_WORDS, RESTRICTION_WORDS, STOP_WORDS } from '../phrases';
import { lineRoles } from '../regions';
import { splitSentences } from '../sentences';
import type { CompressPass, PassContext } from '../types';

interface Unit {
  /** Offsets in the masked text. */
  start: number;
  end: number;
  line: number;
  original: string;
  key: string;
  words: Set<string>;
  facts?: Facts;
}

const STOP = new Set(STOP_WORDS);
const GUARDED = new Set([...CONDITIONAL_WORDS, ...RESTRICTION_WORDS]);
const HEADING = /^[ \t]*#+[ \t]/;
const NUMBERED = /^[ \t]*(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,5})[.)][ \t]/;
const BULLET = /^[ \t]*(?:[-*+•][ \t]+)/;

const normalise = (s: string) =>
  s.toLowerCase().replace(/^[ \t]*(?:[-*+•][ \t]+)/, '').replace(/[.,;:!?"'“”‘’()*_`]/g, ' ').replace(/\s+/g, ' ').trim();

const stem = (w: string) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);

function contentWords(key: string): Set<string> {
  return new Set(key.split(' ').filter((w) => w && !STOP.has(w)).map(stem));
}

function factsOf(u: Unit): Facts {
  return (u.facts ??= extractFacts(u.original));
}

/** Every protected fact of `small` is also in `big` (names by word, the rest as multisets). */
function factsWithin(small: Facts, big: Facts, bigText: string): boolean {
  for (const kind of ['placeholders', 'code', 'json', 'urls', 'emails', 'numbers', 'quotes', 'restrictions'] as const) {
    const pool = [...big[kind]];
    for (const item of small[kind]) {
      const i = pool.indexOf(item);
      if (i < 0) return false;
      pool.splice(i, 1);
    }
  }
  const words = new Set(bigText.match(/[\w'’-]+/g) ?? []);
  return small.names.every((n) => words.has(n));
}

function covers(kept: Unit, u: Unit, aggressive: boolean): boolean {
  if (kept.key === u.key) return true;
  if (u.words.size < 3) return false;
  for (const w of u.words) if (!kept.words.has(w)) return false;
  const extra = [...kept.words].filter((w) => !u.words.has(w));
  if (extra.some((w) => GUARDED.has(w))) return false;
  if (extra.length > (aggressive ? 5 : 2)) return false;
  return factsWithin(factsOf(u), factsOf(kept), kept.original);
}

/** Units (sentences of prose lines) that may be compared; examples, data, templates and numbered steps are left out. */
function collectUnits(maskedText: string, unmask: (s: string) => string): Unit[] {
  const units: Unit[] = [];
  const lines = maskedText.split('\n');
  const roles = lineRoles(lines, unmask);
  let offset = 0;
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li];
    const lineStart = offset;
    offset += line.length + 1;
    if (roles[li] !== 'prose' || NUMBERED.test(line) || HEADING.test(line)) continue;
    for (const s of splitSentences(line)) {
      const text = line.slice(s.start, s.end);
      const orig = unmask(text);
      const key = normalise(orig);
      if (key.split(' ').length < 4) continue;
      units.push({ start: lineStart + s.start, end: lineStart + s.end, line: li, original: orig, key, words: contentWords(key) });
    }
  }
  return units;
}

function run(text: string, ctx: PassContext): { text: string; removed?: string[] } {
  const masked = mask(text);
  if (!masked) return { text };
  const units = collectUnits(masked.text, masked.unmask);
  if (units.length < 2) return { text };
  const order = [...units].sort((a, b) => b.words.size - a.words.size || a.start - b.start);
  const kept: Unit[] = [];
  const removed: Unit[] = [];
  for (const u of order) {
    if (kept.some((k) => covers(k, u, ctx.level === 'aggressive'))) removed.push(u);
    else kept.push(u);
  }
  if (!removed.length) return { text };
  // Cut each removed sentence with the spaces after it; a line left with only a bullet goes entirely.
  const lines = masked.text.split('\n');
  const starts: number[] = [];
  lines.reduce((pos, l) => (starts.push(pos), pos + l.length + 1), 0);
  for (const u of [...removed].sort((a, b) => b.start - a.start)) {
    const ls = starts[u.line];
    const line = lines[u.line];
    const from = u.start - ls;
    let to = u.end - ls;
    while (to < line.length && /[ \t]/.test(line[to])) to++;
    let left = line.slice(0, from);
    if (to >= line.length) left = left.replace(/[ \t]+$/, '');
    lines[u.line] = left + line.slice(to);
  }
  const out = lines.filter((l, i) => !(removed.some((u) => u.line === i) && (!l.trim() || BULLET.test(l) && !l.replace(BULLET, '').trim())));
  return { text: masked.unmask(out.join('\n')), removed: removed.map((u) => u.original) };
}

export const duplicatesPass: CompressPass = {
  id: 'duplicates',
  description: 'removes sentences that repeat an instruction the prompt already gives',
  level: 'safe',
  run,
};
