// JSON examples embedded in a prompt: where they are, whether they parse, and their whitespace-free form.
// Only whitespace outside strings is ever changed, so keys, order, numbers and escapes stay exactly as written.

export interface JsonRegion {
  start: number;
  end: number;
  /** The region's text with `{{`/`}}` read as literal braces (format strings), when that is how it parsed. */
  doubledBraces: boolean;
  /** Canonical form for comparison (JSON.stringify of the parsed value; placeholders as written). */
  canonical: string;
}

/** Index just past the bracket closing the one at `start` (string-aware), or -1. */
function scanBalanced(text: string, start: number, limit: number): number {
  const stack: string[] = [];
  let inString = false;
  for (let i = start; i < Math.min(text.length, limit); i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      else if (ch === '\n') return -1;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') stack.push(ch === '{' ? '}' : ']');
    else if (ch === '}' || ch === ']') {
      if (stack.pop() !== ch) return -1;
      if (stack.length === 0) return i + 1;
    }
  }
  return -1;
}

/** Placeholder-like atoms that may stand for a JSON value in an example (`<number>`, `{name}`, `...`). */
const VALUE_PLACEHOLDER = /<[A-Za-z][^<>\n]{0,80}>|\$\{[^{}\n]{1,80}\}|\{\{[^{}\n]{1,80}\}\}|\{[A-Za-z_][\w.]{0,80}\}|\.\.\.|…/g;

/** Parses JSON, accepting placeholder atoms where values stand; returns the canonical form or null. */
function parseLoose(body: string): string | null {
  const placeholders: string[] = [];
  // Placeholders inside strings are ordinary characters; replace only those outside strings.
  let out = '';
  let i = 0;
  while (i < body.length) {
    const ch = body[i];
    if (ch === '"') {
      const end = stringEnd(body, i);
      if (end < 0) return null;
      out += body.slice(i, end);
      i = end;
      continue;
    }
    VALUE_PLACEHOLDER.lastIndex = i;
    const m = VALUE_PLACEHOLDER.exec(body);
    if (m && m.index === i) {
      out += JSON.stringify(`\u0000${placeholders.length}`);
      placeholders.push(m[0]);
      i += m[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  // An ellipsis for "more items" leaves `, "\u00000"` or `"\u00000",`: drop that element.
  const cleaned = out.replace(/,\s*"\u0000\d+"\s*(?=[\]}])/g, '').replace(/(?<=[[{])\s*"\u0000\d+"\s*,/g, '');
  try {
    const value = JSON.parse(cleaned);
    if (typeof value !== 'object' || value === null) return null;
    return JSON.stringify(value).replace(/"\\u0000(\d+)"/g, (_, n) => placeholders[Number(n)] ?? '');
  } catch {
    return null;
  }
}

function stringEnd(text: string, quote: number): number {
  for (let i = quote + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
    else if (text[i] === '\n') return -1;
  }
  return -1;
}

/** `{{`→`{` and `}}`→`}` outside `{field}` placeholders; null when a single brace is left (not a format string). */
export function undoubleBraces(text: string): string | null {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if ((ch === '{' || ch === '}') && text[i + 1] === ch) { out += ch; i++; continue; }
    if (ch === '{') {
      const m = /^\{[A-Za-z_][\w.]*\}/.exec(text.slice(i, i + 100));
      if (!m) return null;
      out += m[0];
      i += m[0].length - 1;
      continue;
    }
    if (ch === '}') return null;
    out += ch;
  }
  return out;
}

/** Doubles every literal brace again, leaving `{field}` placeholders single. */
export function redoubleBraces(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      const end = stringEnd(text, i);
      const s = end < 0 ? text.slice(i) : text.slice(i, end);
      // Inside strings a `{field}` is a placeholder; other braces are literal.
      out += s.replace(/\{[A-Za-z_][\w.]*\}|[{}]/g, (m) => (m.length > 1 ? m : m + m));
      i = (end < 0 ? text.length : end) - 1;
      continue;
    }
    if (ch === '{' || ch === '}') {
      const m = ch === '{' ? /^\{[A-Za-z_][\w.]*\}/.exec(text.slice(i, i + 100)) : null;
      if (m) { out += m[0]; i += m[0].length - 1; continue; }
      out += ch + ch;
      continue;
    }
    out += ch;
  }
  return out;
}

/**
 * JSON objects and arrays in the text that parse (with placeholder atoms allowed), outermost only.
 * `skip` marks offsets that start nothing (e.g. inside a placeholder).
 */
export function findJsonRegions(text: string, maxRegionChars = 50_000): JsonRegion[] {
  const regions: JsonRegion[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '{' && ch !== '[') continue;
    // A format string's doubled-brace object (`{{ "a": [{{ … }}] }}`) is read whole, nested objects included.
    if (text.startsWith('{{', i)) {
      const r = doubled(text, i, maxRegionChars);
      if (r) { regions.push(r); i = r.end - 1; continue; }
    }
    // A JSON value opens with `{"`, `{\n`, `[{`, `["`, `[\n`, `[1`…; a lone `{name}` is a placeholder.
    const after = /^[\[{]\s*(["{\[\d-]|\}|\]|\n|$)/.exec(text.slice(i, i + 200));
    if (!after) continue;
    const end = scanBalanced(text, i, i + maxRegionChars);
    if (end < 0) continue;
    const body = text.slice(i, end);
    if (!/[:,\n]/.test(body)) continue; // `[1]`, `{}`: too small to be an example
    const canonical = parseLoose(body);
    if (canonical !== null) {
      regions.push({ start: i, end, doubledBraces: false, canonical });
      i = end - 1;
    }
  }
  return regions;
}

function doubled(text: string, start: number, maxRegionChars: number): JsonRegion | null {
  // Find the matching `}}` by counting doubled braces.
  let depth = 0;
  for (let i = start; i < Math.min(text.length, start + maxRegionChars); i++) {
    if (text.startsWith('{{', i)) { depth++; i++; continue; }
    if (text.startsWith('}}', i)) {
      depth--; i++;
      if (depth === 0) {
        const body = text.slice(start, i + 1);
        const single = undoubleBraces(body);
        if (single === null || !/[:,]/.test(single)) return null;
        const canonical = parseLoose(single);
        return canonical === null ? null : { start, end: i + 1, doubledBraces: true, canonical };
      }
    }
  }
  return null;
}

/** Removes whitespace outside strings; `spaced` keeps one space after `:` and `,` (sometimes fewer tokens). */
export function minifyJson(body: string, spaced: boolean): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '"') {
      const end = stringEnd(body, i);
      const stop = end < 0 ? body.length : end;
      out += body.slice(i, stop);
      i = stop - 1;
      continue;
    }
    if (/\s/.test(ch)) {
      // Whitespace inside a placeholder atom (`<string or null>`) is part of it.
      const prev = out[out.length - 1];
      let j = i;
      while (j < body.length && /\s/.test(body[j])) j++;
      const next = body[j];
      if (prev !== undefined && next !== undefined && !/[{}[\],:]/.test(prev) && !/[{}[\],:]/.test(next)) out += body.slice(i, j);
      i = j - 1;
      continue;
    }
    out += ch;
    if (spaced && (ch === ':' || ch === ',')) out += ' ';
  }
  return out;
}
