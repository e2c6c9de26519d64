// What compression must never change, extracted as comparable facts. Checked after every pass: an output that
// breaks one is discarded with the reason. Facts are multisets, except proper names (a set: each name must still
// appear) and enumeration labels (a sequence). A pass that removes repeated sentences declares them; their facts
// may disappear once, provided each is still present in the output.

import { findFences, findInlineCode, findPlaceholders, findTags, findUrls, findEmails, findQuotes } from './protect';
import { findJsonRegions } from './jsonRegions';
import { atSentenceStart } from './sentences';
import { NUMBER_WORDS, RESTRICTION_PHRASES, RESTRICTION_WORDS, UNITS } from './phrases';

export type InvariantId =
  | 'placeholders'
  | 'code'
  | 'json'
  | 'urls'
  | 'emails'
  | 'numbers'
  | 'quotes'
  | 'names'
  | 'labels'
  | 'restrictions';

export interface Facts {
  placeholders: string[];
  code: string[];
  json: string[];
  urls: string[];
  emails: string[];
  numbers: string[];
  quotes: string[];
  restrictions: string[];
  /** Capitalised words that are not just sentence openers, and words with inner capitals or all capitals. */
  names: string[];
  labels: string[];
}

export interface Violation {
  invariant: InvariantId;
  /** The fact that was lost or added, e.g. `{name}`, `not`, `1.`. */
  item: string;
  change: 'lost' | 'added' | 'reordered';
}

const MULTISET_KINDS = ['placeholders', 'code', 'json', 'urls', 'emails', 'numbers', 'quotes', 'restrictions'] as const;

const slices = (text: string, spans: { start: number; end: number }[]) => spans.map((s) => text.slice(s.start, s.end));

/** A fenced block compared without its common indentation and trailing spaces (dedent is allowed). */
function normaliseCode(block: string): string {
  const lines = block.split('\n').map((l) => l.replace(/[ \t]+$/, ''));
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  const body = lines.map((l) => l.slice(common)).join('\n');
  // JSON inside a fence may be minified: compare parsed values.
  const inner = body.replace(/^[`~]{3,}[^\n]*\n?/, '').replace(/\n?[`~]{3,}\s*$/, '');
  const json = findJsonRegions(inner);
  if (json.length === 1 && inner.trim() === inner.slice(json[0].start, json[0].end).trim()) {
    return `json:${json[0].canonical}`;
  }
  return body;
}

/** One pass over the text: phrases first in the alternation so "no more than" is not read as "no". */
const RESTRICTION_RE = new RegExp(
  `(?<![\\w'’])(?:${[...RESTRICTION_PHRASES, ...RESTRICTION_WORDS].map((w) => w.replace(/ /g, '\\s+')).join('|')})(?![\\w'’])|\\w(?:n['’]t)(?![\\w])`,
  'gi',
);
const NUMBER_RE = new RegExp(
  `(?<![\\w.])[$€£]?\\d+(?:[.,]\\d+)*(?:\\s?(?:${UNITS.filter((u) => u !== '%').join('|')})(?![\\w])|%)?` +
    `|(?<![\\w'])(?:${NUMBER_WORDS.join('|')})(?![\\w'])`,
  'gi',
);

function restrictions(text: string): string[] {
  // Contractions ("don't", "can't", "won't") count as `not`.
  return (text.match(RESTRICTION_RE) ?? []).map((m) => (/n['’]t$/i.test(m) ? 'not' : m.toLowerCase().replace(/\s+/g, ' ')));
}

function numbers(text: string): string[] {
  // Emphasis markers are not part of a number: `**3** sentences` states "3 sentences" as `3 sentences` does.
  const plain = text.replace(/(?<=\d)(?:\*{1,2}|_{1,2})(?=\s)/g, '').replace(/(?<=^|\s)(?:\*{1,2}|_{1,2})(?=[$€£]?\d)/gm, '');
  return (plain.match(NUMBER_RE) ?? []).map((n) => n.toLowerCase().replace(/\s+/g, ''));
}

function names(text: string): string[] {
  const out = new Set<string>();
  const re = /(?<![\w'’])[A-Za-z][\w'’-]*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const w = m[0];
    const innerCaps = /[A-Z]/.test(w.slice(1)) && /[a-z]/.test(w); // OpenAI, iPhone, McDonald
    const allCaps = w.length > 1 && w === w.toUpperCase() && /[A-Z]/.test(w);
    const capital = /^[A-Z]/.test(w);
    if (w === 'I' || /^I['’]/.test(w)) continue;
    if (innerCaps || allCaps || (capital && !atSentenceStart(text, m.index))) out.add(w);
  }
  return [...out];
}

const LABEL_RE = /^[ \t]*(\d{1,3}[.)]|[A-Za-z][.)](?=[ \t])|\(\w{1,4}\)|(?:step|rule|part|section)[ \t]+\d{1,3}:?|[ivxIVX]{1,5}[.)](?=[ \t]))/gim;

function labels(text: string): string[] {
  return (text.match(LABEL_RE) ?? []).map((l) => l.trim().toLowerCase());
}

export function extractFacts(text: string): Facts {
  const fences = findFences(text);
  return {
    placeholders: [...slices(text, findPlaceholders(text)), ...slices(text, findTags(text))].map((p) => p.replace(/\s+/g, ' ')),
    code: [...slices(text, fences).map(normaliseCode), ...slices(text, findInlineCode(text).filter((c) => !fences.some((f) => c.start < f.end && f.start < c.end)))],
    json: findJsonRegions(text).map((r) => r.canonical),
    urls: slices(text, findUrls(text)),
    emails: slices(text, findEmails(text)),
    numbers: numbers(text),
    quotes: slices(text, findQuotes(text)),
    restrictions: restrictions(text),
    names: names(text),
    labels: labels(text),
  };
}

function countMap(items: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of items) m.set(i, (m.get(i) ?? 0) + 1);
  return m;
}

/**
 * Compares the facts of `before` and `after`. `removed` lists whole fragments a pass deleted as repetitions:
 * their facts may be missing from `after` once each, as long as `after` still holds them.
 */
export function checkInvariants(before: string, after: string, removed: readonly string[] = []): Violation[] {
  if (before === after) return [];
  return compareFacts(extractFacts(before), extractFacts(after), after, removed);
}

/** `checkInvariants` with the facts of both sides already extracted (the pipeline reuses them). */
export function compareFacts(b: Facts, a: Facts, after: string, removed: readonly string[] = []): Violation[] {
  const r = removed.map(extractFacts);
  const violations: Violation[] = [];
  for (const kind of MULTISET_KINDS) {
    const want = countMap(b[kind]);
    const got = countMap(a[kind]);
    const dropped = countMap(r.flatMap((f) => f[kind]));
    for (const [item, n] of want) {
      const have = got.get(item) ?? 0;
      const allowed = dropped.get(item) ?? 0;
      if (have < n && (have + allowed < n || have === 0)) violations.push({ invariant: kind, item, change: 'lost' });
    }
    for (const item of got.keys()) if (!want.has(item)) violations.push({ invariant: kind, item, change: 'added' });
  }
  const afterWords = new Set(after.match(/[\w'’-]+/g) ?? []);
  for (const name of b.names) if (!afterWords.has(name)) violations.push({ invariant: 'names', item: name, change: 'lost' });
  if (b.labels.join('\u0000') !== a.labels.join('\u0000')) {
    const lost = b.labels.find((l, i) => a.labels[i] !== l) ?? a.labels[b.labels.length] ?? '';
    violations.push({ invariant: 'labels', item: lost, change: a.labels.length === b.labels.length ? 'reordered' : 'lost' });
  }
  return violations;
}

export function describeViolation(v: Violation): string {
  const what: Record<InvariantId, string> = {
    placeholders: 'placeholder',
    code: 'code',
    json: 'JSON example',
    urls: 'URL',
    emails: 'e-mail address',
    numbers: 'number',
    quotes: 'quoted text',
    names: 'proper name',
    labels: 'enumeration label',
    restrictions: 'negation/restriction word',
  };
  const item = v.item.length > 40 ? `${v.item.slice(0, 37)}…` : v.item;
  return `${v.change} ${what[v.invariant]} ${JSON.stringify(item)}`;
}
