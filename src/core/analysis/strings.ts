// Decoding string literals into text and placeholders, for both languages.

import type { Placeholder } from '../types';
import type { StrPart } from './ir';

const PY_SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\n': '',
};

/** Python escape sequences; unknown ones keep their backslash, as Python does. */
export function decodePython(s: string): string {
  if (!s.includes('\\')) return s;
  return s.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|N\{[^}]*\}|\r\n|[\s\S])/g, (m, e: string) => {
    if (e in PY_SIMPLE_ESCAPES) return PY_SIMPLE_ESCAPES[e];
    if (e === '\r\n') return '';
    const c = e[0];
    if (c === 'x' || c === 'u' || c === 'U') return safeFromCodePoint(parseInt(e.slice(1), 16), m);
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return m;
  });
}

const JS_SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0', '\n': '', '\r': '',
};

export function decodeJs(s: string): string {
  if (!s.includes('\\')) return s;
  return s.replace(/\\(x[0-9a-fA-F]{2}|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|\r\n|[\s\S])/g, (m, e: string) => {
    if (e in JS_SIMPLE_ESCAPES) return JS_SIMPLE_ESCAPES[e];
    if (e === '\r\n') return '';
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e[0] === 'u') return safeFromCodePoint(parseInt(e.replace(/[u{}]/g, ''), 16), m);
    return e;
  });
}

function safeFromCodePoint(cp: number, fallback: string): string {
  return Number.isFinite(cp) && cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : fallback;
}

const MUSTACHE = /\{\{\s*([A-Za-z_][\w.\-]*)\s*\}\}/g;
// `{name}`, `{name.attr}`, `{0}`, `{name!r:>10}` but not JSON (`{"a": 1}`) nor mustache.
const FORMAT = /(?<!\{)\{([A-Za-z_][\w.]*|\d+)(![rsa])?(:[^{}\n]*)?\}(?!\})/g;
const FORMAT_POSITIONAL = /(?<!\{)\{\}(?!\})/g;
const PERCENT = /%(\([A-Za-z_]\w*\))?[-#0+]*\d*(?:\.\d+)?[sdifrx]/g;

export interface ScanOptions {
  /** Recognise `{}` fields (only when `.format()` is applied). */
  positionalFormat?: boolean;
  /** Recognise `%s` fields (only when the `%` operator is applied). */
  percent?: boolean;
}

/** Splits static text into text and placeholder parts (`{x}`, `{{x}}`, optionally `{}` and `%s`). */
export function scanPlaceholders(text: string, opts: ScanOptions = {}): StrPart[] {
  if (!text.includes('{') && !(opts.percent && text.includes('%'))) return [{ text }];
  const hits: { start: number; end: number; ph: Placeholder }[] = [];
  const add = (re: RegExp, syntax: Placeholder['syntax'], nameOf: (m: RegExpExecArray) => string) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index, end = m.index + m[0].length;
      if (hits.some((h) => start < h.end && end > h.start)) continue;
      hits.push({ start, end, ph: { text: m[0], name: nameOf(m), syntax } });
    }
  };
  add(MUSTACHE, 'mustache', (m) => m[1]);
  add(FORMAT, 'format', (m) => m[1]);
  if (opts.positionalFormat) add(FORMAT_POSITIONAL, 'format', () => '');
  if (opts.percent) add(PERCENT, 'percent', (m) => (m[1] ? m[1].slice(1, -1) : ''));
  if (!hits.length) return [{ text }];
  hits.sort((a, b) => a.start - b.start);
  const parts: StrPart[] = [];
  let at = 0;
  for (const h of hits) {
    if (h.start > at) parts.push({ text: text.slice(at, h.start) });
    parts.push({ placeholder: h.ph });
    at = h.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}

/** Python's textwrap.dedent: removes the common leading whitespace of the non-blank lines. */
export function dedent(text: string): string {
  const lines = text.split('\n');
  let common: string | null = null;
  for (const line of lines) {
    if (!line.trim()) continue;
    const ws = /^[ \t]*/.exec(line)![0];
    if (common === null || !ws.startsWith(common)) {
      let i = 0;
      const c: string = common ?? ws;
      while (i < c.length && i < ws.length && c[i] === ws[i]) i++;
      common = common === null ? ws : c.slice(0, i);
    }
  }
  if (!common) return lines.map((l) => (l.trim() ? l : '')).join('\n');
  const n = common.length;
  return lines.map((l) => (l.trim() ? l.slice(n) : '')).join('\n');
}

export function partsText(parts: StrPart[]): string {
  let s = '';
  for (const p of parts) s += 'text' in p ? p.text : p.placeholder.text;
  return s;
}

/** Applies a text transformation (dedent, strip…) to parts, keeping placeholders intact. */
export function mapPartsText(parts: StrPart[], fn: (s: string) => string): StrPart[] {
  const phs: StrPart[] = [];
  let joined = '';
  for (const p of parts) {
    if ('text' in p) joined += p.text;
    else { joined += String.fromCharCode(0xe000 + (phs.length % 6000)); phs.push(p); }
  }
  const out: StrPart[] = [];
  let buf = '';
  for (const ch of fn(joined)) {
    const code = ch.charCodeAt(0);
    if (code >= 0xe000 && code < 0xe000 + phs.length) {
      if (buf) { out.push({ text: buf }); buf = ''; }
      out.push(phs[code - 0xe000]);
    } else buf += ch;
  }
  if (buf) out.push({ text: buf });
  return out;
}
