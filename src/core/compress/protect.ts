// Finds the parts of a prompt no prose pass may touch (code, placeholders, tags, URLs, e-mails, quoted text) and
// hides them behind one private-use character each, so phrase and sentence passes see them as opaque words.
// The invariants (invariants.ts) re-extract the same kinds with the same scanners and compare before/after.

export type ProtectedKind = 'fence' | 'code' | 'placeholder' | 'tag' | 'url' | 'email' | 'quote';

export interface ProtectedSpan {
  start: number;
  end: number;
  kind: ProtectedKind;
}

const PUA_FIRST = 0xe000;
const PUA_COUNT = 0xf8ff - 0xe000 + 1;
const PUA_RE = /[\uE000-\uF8FF]/;

/** Fenced code blocks (``` or ~~~), including the fence lines; an unclosed fence runs to the end. */
export function findFences(text: string): ProtectedSpan[] {
  const spans: ProtectedSpan[] = [];
  const open = /^([ \t]*)(`{3,}|~{3,})[^\n]*$/gm;
  let m: RegExpExecArray | null;
  while ((m = open.exec(text))) {
    const fence = m[2];
    const close = new RegExp(`^[ \\t]*${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`, 'gm');
    close.lastIndex = m.index + m[0].length;
    const c = close.exec(text);
    const end = c ? c.index + c[0].length : text.length;
    spans.push({ start: m.index, end, kind: 'fence' });
    open.lastIndex = Math.max(end, m.index + 1);
  }
  return spans;
}

/** Inline code: a backtick run closed by a run of the same length on the same line. */
export function findInlineCode(text: string): ProtectedSpan[] {
  const spans: ProtectedSpan[] = [];
  const re = /(`+)([^`\n]|[^`\n][^\n]*?[^`\n])\1(?!`)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) spans.push({ start: m.index, end: m.index + m[0].length, kind: 'code' });
  return spans;
}

/** Index just past the brace that closes the one at `open`, counting nested braces; -1 when unclosed or too long. */
function closeBrace(text: string, open: number, max: number, allowNewlines: boolean): number {
  let depth = 0;
  const limit = Math.min(text.length, open + max);
  for (let i = open; i < limit; i++) {
    const ch = text[i];
    if (ch === '\n' && !allowNewlines) return -1;
    if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/**
 * Placeholders and format fields: `{{x}}` (mustache / escaped braces), `${expr}`, `{x}`, `{0}`, `{}`,
 * `{user.name!r:>10}`, `%s`, `%(name)s`, `%.2f`. A brace group that starts with a quote or a space is JSON, not a field.
 */
export function findPlaceholders(text: string): ProtectedSpan[] {
  const spans: ProtectedSpan[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '$' && text[i + 1] === '{') {
      const end = closeBrace(text, i + 1, 2000, true);
      if (end > 0) { spans.push({ start: i, end, kind: 'placeholder' }); i = end - 1; }
      continue;
    }
    if (ch !== '{') continue;
    if (text[i + 1] === '{') {
      const m = /^\{\{\{?[^{}\n]{0,200}\}?\}\}/.exec(text.slice(i, i + 210));
      // `{{"key": …}}` is a JSON object written with a format string's doubled braces (minified), not a field.
      if (m && !/^\{\{\s*"[^"\n]*"\s*:/.test(m[0])) { spans.push({ start: i, end: i + m[0].length, kind: 'placeholder' }); i += m[0].length - 1; }
      else i++; // a doubled brace that opens JSON: skip both
      continue;
    }
    const next = text[i + 1];
    if (next === '}') { spans.push({ start: i, end: i + 2, kind: 'placeholder' }); i++; continue; }
    if (next === undefined || /[\s"'{]/.test(next)) continue;
    const end = closeBrace(text, i, 300, false);
    if (end > 0 && !/":\s/.test(text.slice(i, end))) { spans.push({ start: i, end, kind: 'placeholder' }); i = end - 1; }
  }
  const percent = /%(?:\([A-Za-z_]\w*\))?[-#0+]*\d*(?:\.\d+)?[sdifrxXeEgGco]\b/g;
  let m: RegExpExecArray | null;
  while ((m = percent.exec(text))) {
    const before = text[m.index - 1];
    if (before === '%' || (before !== undefined && /\d/.test(before))) continue;
    spans.push({ start: m.index, end: m.index + m[0].length, kind: 'placeholder' });
  }
  return spans;
}

/** XML-like tags and angle-bracket placeholders: `<context>`, `</rules>`, `<br/>`, `<user_name>`. */
export function findTags(text: string): ProtectedSpan[] {
  return matchAll(text, /<\/?[A-Za-z][\w.:-]*(?:\s+[^<>\n]{0,200}?)?\s*\/?>/g, 'tag');
}

export function findUrls(text: string): ProtectedSpan[] {
  const spans: ProtectedSpan[] = [];
  const re = /\b(?:(?:https?|ftp|file|wss?):\/\/|www\.)[^\s<>"'`]+/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    let url = m[0].replace(/[.,;:!?]+$/, '');
    // A closing bracket belongs to the URL only when it opened one inside it.
    while (/[)\]}]$/.test(url) && count(url, { ')': '(', ']': '[', '}': '{' }[url[url.length - 1]]!) < count(url, url[url.length - 1])) {
      url = url.slice(0, -1);
    }
    spans.push({ start: m.index, end: m.index + url.length, kind: 'url' });
  }
  return spans;
}

export function findEmails(text: string): ProtectedSpan[] {
  if (!text.includes('@')) return [];
  return matchAll(text, /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g, 'email');
}

/**
 * Quoted text on one line: "…", “…”, ‘…’, «…», and '…' when the quotes stand at word edges
 * (so apostrophes in "don't" or "users' data" never open or close a quotation).
 */
export function findQuotes(text: string): ProtectedSpan[] {
  const spans = [
    ...matchAll(text, /"[^"\n]{1,400}"/g, 'quote'),
    ...matchAll(text, /“[^”\n]{1,400}”/g, 'quote'),
    ...matchAll(text, /‘[^’\n]{1,400}’/g, 'quote'),
    ...matchAll(text, /«[^»\n]{1,400}»/g, 'quote'),
    ...matchAll(text, /(?<![\w'])'(?=\S)[^'\n]{1,400}?(?<=\S)'(?![\w'])/g, 'quote'),
  ];
  return spans;
}

function matchAll(text: string, re: RegExp, kind: ProtectedKind): ProtectedSpan[] {
  const spans: ProtectedSpan[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[0].length === 0) { re.lastIndex++; continue; }
    spans.push({ start: m.index, end: m.index + m[0].length, kind });
  }
  return spans;
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

/** Every protected span, earlier kinds first (fences hide what is inside them). */
export function findProtectedSpans(text: string): ProtectedSpan[] {
  const fences = findFences(text);
  const outsideFences = (spans: ProtectedSpan[]) => spans.filter((s) => !fences.some((f) => s.start < f.end && f.start < s.end));
  return [
    ...fences,
    ...outsideFences(findInlineCode(text)),
    ...findPlaceholders(text),
    ...findTags(text),
    ...findUrls(text),
    ...findEmails(text),
    ...findQuotes(text),
  ];
}

/** Merges overlapping spans into disjoint, sorted regions. */
export function mergeSpans(spans: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: { start: number; end: number }[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

export interface Masked {
  /** The text with each protected region replaced by one private-use character. */
  text: string;
  /** Puts the regions back (in any text derived from `text` by editing outside the placeholders). */
  unmask(s: string): string;
  /** The original content behind a mask character. */
  regions: string[];
}

/**
 * Masks the protected regions. Returns null when the text already holds private-use characters or has more
 * regions than there are of them: the prose passes then leave it alone.
 */
export function mask(text: string): Masked | null {
  if (PUA_RE.test(text)) return null;
  const merged = mergeSpans(findProtectedSpans(text));
  if (merged.length > PUA_COUNT) return null;
  const regions: string[] = [];
  let out = '';
  let pos = 0;
  for (const r of merged) {
    out += text.slice(pos, r.start) + String.fromCharCode(PUA_FIRST + regions.length);
    regions.push(text.slice(r.start, r.end));
    pos = r.end;
  }
  out += text.slice(pos);
  const unmask = (s: string) => s.replace(/[\uE000-\uF8FF]/g, (c) => regions[c.charCodeAt(0) - PUA_FIRST] ?? c);
  return { text: out, unmask, regions };
}

/** True for a mask character. */
export function isMaskChar(ch: string | undefined): boolean {
  return ch !== undefined && PUA_RE.test(ch);
}
