// String literals as written in Python and JS/TS source: decode one to the text compression works on, and write a
// compressed text back into the same literal shape (prefix, quote style, raw-ness, f-string and template braces).
//
// The text handed to compression has escapes decoded, but keeps interpolations exactly as written (`{expr!r:>4}`,
// `${expr}`) and, in f-strings, doubled braces as `{{`/`}}`: the placeholder invariants then protect both, and
// the rewrite copies them back byte for byte. Characters the original always wrote as an escape (`\u00e9`, `\t`)
// are escaped the same way again, so an unchanged stretch of text reads as it did.

import type { LanguageId } from '../types';

export interface LiteralShape {
  language: LanguageId;
  prefix: string;
  quote: string;
  /** Between the quotes, as written. */
  content: string;
  raw: boolean;
  /** Python f-string (or t-string): `{…}` are fields, `{{`/`}}` literal braces. */
  fstring: boolean;
  bytes: boolean;
  /** JS template literal: `${…}` are substitutions. */
  template: boolean;
  triple: boolean;
}

type Segment =
  /** Literal text: its source spelling and its value. */
  | { kind: 'text'; source: string; value: string }
  /** Copied verbatim into the text and back: an interpolation, or an f-string's doubled brace. */
  | { kind: 'verbatim'; source: string };

export type LiteralResult<T> = ({ ok: true } & T) | { ok: false; reason: string };

export function parseLiteral(source: string, language: LanguageId): LiteralResult<{ shape: LiteralShape }> {
  if (language === 'python') {
    const m = /^([A-Za-z]{0,2})('''|"""|'|")/.exec(source);
    if (!m || !/^(?:[rRuUbBfFtT]|[rR][bBfFtT]|[bBfFtT][rR])?$/.test(m[1])) return { ok: false, reason: 'not a Python string literal' };
    const [, prefix, quote] = m;
    if (source.length < prefix.length + 2 * quote.length || !source.endsWith(quote)) return { ok: false, reason: 'unterminated string literal' };
    const p = prefix.toLowerCase();
    return {
      ok: true,
      shape: {
        language, prefix, quote,
        content: source.slice(prefix.length + quote.length, source.length - quote.length),
        raw: p.includes('r'), fstring: p.includes('f') || p.includes('t'), bytes: p.includes('b'), template: false,
        triple: quote.length === 3,
      },
    };
  }
  const quote = source[0];
  if ((quote !== '"' && quote !== "'" && quote !== '`') || source.length < 2 || source[source.length - 1] !== quote) {
    return { ok: false, reason: 'not a JavaScript string literal' };
  }
  return {
    ok: true,
    shape: {
      language, prefix: '', quote, content: source.slice(1, -1),
      raw: false, fstring: false, bytes: false, template: quote === '`', triple: false,
    },
  };
}

/** Index just past the `}` closing a Python f-string field opened at `open` (strings and brackets counted). */
function pythonFieldEnd(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const ch = s[i];
    if (ch === '"' || ch === "'") {
      const end = s.indexOf(ch, i + 1);
      if (end < 0) return -1;
      i = end;
    } else if (ch === '{' || ch === '[' || ch === '(') depth++;
    else if (ch === '}' || ch === ']' || ch === ')') {
      depth--;
      if (depth === 0) return ch === '}' ? i + 1 : -1;
    }
  }
  return -1;
}

/** Index just past the `}` closing a JS `${` substitution opened at `open` (the `$`). */
function jsSubstitutionEnd(s: string, open: number): number {
  let depth = 0;
  for (let i = open + 1; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\\') { i++; continue; }
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < s.length && s[j] !== ch) j += s[j] === '\\' ? 2 : 1;
      if (j >= s.length) return -1;
      i = j;
    } else if (ch === '`') {
      let j = i + 1;
      while (j < s.length && s[j] !== '`') {
        if (s[j] === '\\') j += 2;
        else if (s[j] === '$' && s[j + 1] === '{') {
          const e = jsSubstitutionEnd(s, j);
          if (e < 0) return -1;
          j = e;
        } else j++;
      }
      if (j >= s.length) return -1;
      i = j;
    } else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

const SIMPLE_PY: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"' };
const SIMPLE_JS: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v' };

/** Decodes one escape at `i` (a backslash); returns its value and the index after it, or an error. */
function decodeEscape(shape: LiteralShape, s: string, i: number): { value: string; next: number } | string {
  const c = s[i + 1];
  if (c === undefined) return 'backslash at the end of the literal';
  if (c === '\n') return { value: '', next: i + 2 };
  if (c === '\r') return { value: '', next: s[i + 2] === '\n' ? i + 3 : i + 2 };
  const hex = (len: number) => (new RegExp(`^[0-9a-fA-F]{${len}}$`).test(s.slice(i + 2, i + 2 + len)) ? parseInt(s.slice(i + 2, i + 2 + len), 16) : -1);
  if (shape.language === 'python') {
    if (c in SIMPLE_PY) return { value: SIMPLE_PY[c], next: i + 2 };
    if (/[0-7]/.test(c)) {
      const m = /^[0-7]{1,3}/.exec(s.slice(i + 1))![0];
      return { value: String.fromCharCode(parseInt(m, 8)), next: i + 1 + m.length };
    }
    if (c === 'x') { const v = hex(2); return v < 0 ? 'bad \\x escape' : { value: String.fromCharCode(v), next: i + 4 }; }
    if (!shape.bytes && (c === 'u' || c === 'U')) {
      const v = hex(c === 'u' ? 4 : 8);
      return v < 0 || v > 0x10ffff ? `bad \\${c} escape` : { value: String.fromCodePoint(v), next: i + (c === 'u' ? 6 : 10) };
    }
    if (!shape.bytes && c === 'N') return 'named \\N{…} escapes are not rewritten';
    return { value: '\\' + c, next: i + 2 }; // Python keeps unknown escapes as written
  }
  if (c in SIMPLE_JS) return { value: SIMPLE_JS[c], next: i + 2 };
  if (c === '0' && !/[0-9]/.test(s[i + 2] ?? '')) return { value: '\0', next: i + 2 };
  if (/[0-9]/.test(c)) return 'legacy octal escapes are not rewritten';
  if (c === 'x') { const v = hex(2); return v < 0 ? 'bad \\x escape' : { value: String.fromCharCode(v), next: i + 4 }; }
  if (c === 'u') {
    if (s[i + 2] === '{') {
      const close = s.indexOf('}', i + 3);
      const v = close < 0 ? NaN : parseInt(s.slice(i + 3, close), 16);
      return Number.isNaN(v) || v > 0x10ffff ? 'bad \\u{} escape' : { value: String.fromCodePoint(v), next: close + 1 };
    }
    const v = hex(4);
    return v < 0 ? 'bad \\u escape' : { value: String.fromCharCode(v), next: i + 6 };
  }
  if (c === '\u2028' || c === '\u2029') return { value: '', next: i + 2 };
  if (shape.template && c === '$') return 'an escaped "${" in a template is not rewritten';
  return { value: c, next: i + 2 };
}

/** Splits a literal's content into text (decoded) and verbatim parts. */
function segmentSource(shape: LiteralShape): LiteralResult<{ segments: Segment[]; style: EscapeStyle }> {
  const s = shape.content;
  const segments: Segment[] = [];
  const spelling = new Map<string, string>();
  const rawSeen = new Set<string>();
  let eol: EscapeStyle['eol'] = '\n';
  let src = '';
  let val = '';
  const flush = () => { if (src) segments.push({ kind: 'text', source: src, value: val }); src = ''; val = ''; };
  for (let i = 0; i < s.length;) {
    const ch = s[i];
    if (shape.fstring && (ch === '{' || ch === '}')) {
      if (s[i + 1] === ch) { flush(); segments.push({ kind: 'verbatim', source: ch + ch }); i += 2; continue; }
      if (ch === '}') return { ok: false, reason: "single '}' in an f-string" };
      const end = pythonFieldEnd(s, i);
      if (end < 0) return { ok: false, reason: 'unbalanced f-string field' };
      flush(); segments.push({ kind: 'verbatim', source: s.slice(i, end) }); i = end; continue;
    }
    if (shape.template && ch === '$' && s[i + 1] === '{') {
      const end = jsSubstitutionEnd(s, i);
      if (end < 0) return { ok: false, reason: 'unbalanced template substitution' };
      flush(); segments.push({ kind: 'verbatim', source: s.slice(i, end) }); i = end; continue;
    }
    if (ch === '\\' && !shape.raw) {
      const e = decodeEscape(shape, s, i);
      if (typeof e === 'string') return { ok: false, reason: e };
      // One escape spelling one character: remember it, to spell that character the same way again.
      if (Array.from(e.value).length === 1 && !spelling.has(e.value)) spelling.set(e.value, s.slice(i, e.next));
      src += s.slice(i, e.next); val += e.value; i = e.next; continue;
    }
    if (ch === '\\' && shape.raw && i + 1 < s.length) { src += s.slice(i, i + 2); val += s.slice(i, i + 2); i += 2; continue; }
    if (ch === '\r' && s[i + 1] === '\n') {
      // Both languages read a raw CRLF inside a literal as one "\n".
      eol = '\r\n'; rawSeen.add('\n');
      src += '\r\n'; val += '\n'; i += 2; continue;
    }
    rawSeen.add(ch);
    src += ch; val += ch; i++;
  }
  flush();
  for (const ch of rawSeen) spelling.delete(ch);
  if (shape.template && segments.some((g) => g.kind === 'text' && g.value.includes('${'))) {
    return { ok: false, reason: 'a literal "${" in a template is not rewritten' };
  }
  return { ok: true, segments, style: { spelling, eol } };
}

/** The text compression sees for this literal (see the header comment). */
export function decodeLiteral(source: string, language: LanguageId): LiteralResult<{ text: string; shape: LiteralShape }> {
  const parsed = parseLiteral(source, language);
  if (!parsed.ok) return parsed;
  const seg = segmentSource(parsed.shape);
  if (!seg.ok) return seg;
  return { ok: true, shape: parsed.shape, text: seg.segments.map((g) => (g.kind === 'text' ? g.value : g.source)).join('') };
}

/** Splits compressed text back into literal text and verbatim parts, by the literal's own rules. */
function segmentText(shape: LiteralShape, text: string): LiteralResult<{ segments: Segment[] }> {
  const segments: Segment[] = [];
  let val = '';
  const flush = () => { if (val) segments.push({ kind: 'text', source: '', value: val }); val = ''; };
  for (let i = 0; i < text.length;) {
    const ch = text[i];
    if (shape.fstring && (ch === '{' || ch === '}')) {
      if (text[i + 1] === ch) { flush(); segments.push({ kind: 'verbatim', source: ch + ch }); i += 2; continue; }
      if (ch === '}') return { ok: false, reason: "the new text has a single '}'" };
      const end = pythonFieldEnd(text, i);
      if (end < 0) return { ok: false, reason: 'the new text has an unbalanced field' };
      flush(); segments.push({ kind: 'verbatim', source: text.slice(i, end) }); i = end; continue;
    }
    if (shape.template && ch === '$' && text[i + 1] === '{') {
      const end = jsSubstitutionEnd(text, i);
      if (end < 0) return { ok: false, reason: 'the new text has an unbalanced substitution' };
      flush(); segments.push({ kind: 'verbatim', source: text.slice(i, end) }); i = end; continue;
    }
    val += ch; i++;
  }
  flush();
  return { ok: true, segments };
}

interface EscapeStyle {
  /** Characters the original wrote only as escapes, with the spelling it used. */
  spelling: Map<string, string>;
  /** How the literal's own line breaks are written (a CRLF file keeps CRLF). */
  eol: '\n' | '\r\n';
}

const hex2 = (n: number) => n.toString(16).padStart(2, '0');

/** Source spelling of one character of literal text. */
function encodeChar(shape: LiteralShape, style: EscapeStyle, ch: string, next: string | undefined, atEnd: boolean): string | null {
  const q = shape.quote[0];
  const code = ch.codePointAt(0)!;
  if (shape.raw) return ch === '\n' ? style.eol : ch; // validated as a whole afterwards
  if (ch === '\\') return '\\\\';
  const styled = style.spelling.get(ch);
  if (ch === q) {
    if (!shape.triple || next === q || atEnd) return styled ?? '\\' + q;
    return styled ?? ch;
  }
  if (ch === '\n') return shape.triple || shape.template ? styled ?? style.eol : '\\n';
  if (ch === '\r') return '\\r';
  if (styled) return styled;
  if (ch === '\t') return ch;
  if (code < 0x20 || code === 0x7f) return shape.language === 'python' ? `\\x${hex2(code)}` : `\\x${hex2(code)}`;
  if (shape.language === 'javascript' || shape.language === 'typescript' || shape.language === 'tsx') {
    if (!shape.template && (ch === '\u2028' || ch === '\u2029')) return `\\u${code.toString(16)}`;
  }
  if (shape.bytes && code > 0x7f) return code <= 0xff ? `\\x${hex2(code)}` : null;
  return ch;
}

function encodeText(shape: LiteralShape, style: EscapeStyle, value: string, isLast: boolean): string | null {
  let out = '';
  const chars = Array.from(value);
  for (let i = 0; i < chars.length; i++) {
    const enc = encodeChar(shape, style, chars[i], chars[i + 1], isLast && i === chars.length - 1);
    if (enc === null) return null;
    out += enc;
  }
  return out;
}

function rawProblem(shape: LiteralShape, content: string): string | null {
  const q = shape.quote[0];
  if (/(^|[^\\])(\\\\)*\\$/.test(content)) return 'a raw string cannot end with a backslash';
  if (!shape.triple && /[\r\n]/.test(content)) return 'a one-line raw string cannot hold a line break';
  if (shape.triple ? content.includes(shape.quote) || content.endsWith(q) : content.includes(q)) return 'a raw string cannot hold its own quote';
  return null;
}

/**
 * Writes `text` (as `decodeLiteral` would produce it) back into the shape of the literal `source`.
 * Refuses, with the reason, when the shape cannot hold the text or an interpolation would change.
 */
export function rewriteLiteral(source: string, language: LanguageId, text: string): LiteralResult<{ source: string }> {
  const parsed = parseLiteral(source, language);
  if (!parsed.ok) return parsed;
  const shape = parsed.shape;
  const original = segmentSource(shape);
  if (!original.ok) return original;
  const target = segmentText(shape, text);
  if (!target.ok) return target;
  // Interpolations may repeat or disappear only as the invariants allow; they may never be new.
  const known = new Set(original.segments.filter((g) => g.kind === 'verbatim').map((g) => g.source));
  const unknown = target.segments.find((g) => g.kind === 'verbatim' && !known.has(g.source));
  if (unknown) return { ok: false, reason: `the new text has an interpolation the literal did not: ${unknown.source}` };
  const style = original.style;
  let content = '';
  for (let i = 0; i < target.segments.length; i++) {
    const g = target.segments[i];
    if (g.kind === 'verbatim') { content += g.source; continue; }
    const enc = encodeText(shape, style, g.value, i === target.segments.length - 1);
    if (enc === null) return { ok: false, reason: 'a bytes literal cannot hold this text' };
    content += enc;
  }
  if (shape.raw) {
    const problem = rawProblem(shape, content);
    if (problem) return { ok: false, reason: problem };
  }
  const out = shape.prefix + shape.quote + content + shape.quote;
  const check = decodeLiteral(out, language);
  if (!check.ok || check.text !== text) return { ok: false, reason: 'the rewritten literal does not read back as the new text' };
  return { ok: true, source: out };
}
