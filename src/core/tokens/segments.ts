// Splits a long text into segments that tokenize to exactly the same count as the whole, so the WASM tokenizer never
// sees one huge piece (its BPE is quadratic in the piece length: 100k letters take ~9 s; 16k take ~230 ms).
//
// tiktoken first cuts text into pieces with its pre-tokenizer regex, then runs BPE inside each piece; the count is
// the sum over pieces. A position is a safe split point when (1) some piece ends there in the whole text and (2) the
// regex, run on either side alone, yields the same pieces. Both o200k_base and cl100k_base patterns are
//   letters/marks (+ contraction) | \p{N}{1,3} | ` ?[^\s\p{L}\p{N}]+[\r\n/]*` | `\s*[\r\n]+` | `\s+(?!\S)` | `\s+`
// (the letter alternative may start with one character that is neither letter, digit nor \r\n), with no lookbehind
// and no anchors, so (2) holds whenever the characters around the cut cannot be read differently at the end of the
// left part. The rules used here, with X the character before position p and Y the one at p:
//  (a) Y is ' ' or '\t' and X is a letter, digit, punctuation or symbol: no alternative consumes a space after a
//      non-space character (only a leading ' ?' and whitespace-only alternatives take spaces).
//  (b) X is '\n' and Y is a letter or digit: pieces holding '\n' end with newlines or `/`, never a letter or digit,
//      and the letter alternative's optional first character excludes \r\n.
//  (c) X is a letter or digit and Y is punctuation or a symbol other than "'": the letter and digit alternatives stop
//      there (the apostrophe could begin a contraction such as 's).
//  (d) X is a letter and Y a digit, or the reverse.
// A run with no safe split point longer than LONG_RUN characters (base64 without separators, one repeated character,
// a long rule of '=') is cut into CHUNK-sized pieces; only that part of the count is then approximate.
// The equality is tested against unsplit counts on prose, code, JSON, several scripts and random mixtures.

/** Character classes that matter to the split rules. */
const enum C {
  Letter = 1,
  Digit = 2,
  /** Punctuation or symbol other than the apostrophe. */
  Punct = 3,
  Apostrophe = 4,
  /** ' ' or '\t'. */
  Space = 5,
  Newline = 6,
  /** Other whitespace: \r, \v, \f, Unicode spaces. */
  OtherSpace = 7,
  /** Combining marks, controls, format characters, unassigned: never next to a split. */
  Other = 8,
}

const ASCII: Uint8Array = (() => {
  const t = new Uint8Array(128).fill(C.Other);
  for (let c = 0x21; c < 0x7f; c++) t[c] = C.Punct;
  for (let c = 0x30; c <= 0x39; c++) t[c] = C.Digit;
  for (let c = 0x41; c <= 0x5a; c++) t[c] = C.Letter;
  for (let c = 0x61; c <= 0x7a; c++) t[c] = C.Letter;
  t[0x27] = C.Apostrophe;
  t[0x20] = C.Space;
  t[0x09] = C.Space;
  t[0x0a] = C.Newline;
  t[0x0b] = C.OtherSpace;
  t[0x0c] = C.OtherSpace;
  t[0x0d] = C.OtherSpace;
  return t;
})();

// One sticky test per non-ASCII code point; `\s` plus U+0085 covers Unicode White_Space (the Rust regex's \s).
const NON_ASCII = /(\p{L})|(\p{N})|([\p{P}\p{S}])|([\s\u0085])/uy;

function classifyNonAscii(cp: number): C {
  NON_ASCII.lastIndex = 0;
  const m = NON_ASCII.exec(String.fromCodePoint(cp));
  if (!m) return C.Other;
  if (m[1] !== undefined) return C.Letter;
  if (m[2] !== undefined) return C.Digit;
  if (m[3] !== undefined) return C.Punct;
  return C.OtherSpace;
}

function isSplit(x: C, y: C): boolean {
  switch (y) {
    case C.Space: return x === C.Letter || x === C.Digit || x === C.Punct || x === C.Apostrophe;
    case C.Letter: return x === C.Newline || x === C.Digit;
    case C.Digit: return x === C.Newline || x === C.Letter;
    case C.Punct: return x === C.Letter || x === C.Digit;
    default: return false;
  }
}

export interface Segment {
  start: number;
  end: number;
  /** false for a run without safe split points that was cut into chunks (its count is approximate). */
  exact: boolean;
}

export interface SegmentOptions {
  /** Segments grow up to about this many characters (bigger means fewer tokenizer calls). */
  target?: number;
  /** A run without split points longer than this is chunked. */
  longRun?: number;
  /** Chunk size for such runs. */
  chunk?: number;
}

export const SEGMENT_DEFAULTS: Required<SegmentOptions> = { target: 8192, longRun: 256, chunk: 256 };

/**
 * Splits `text` into consecutive segments whose token counts add up to the count of the whole text (exact segments),
 * plus chunked runs (inexact). `classes` memoises non-ASCII classification across calls.
 */
export function segmentText(text: string, opts: SegmentOptions = {}, classes?: Map<number, number>): Segment[] {
  const target = opts.target ?? SEGMENT_DEFAULTS.target;
  const longRun = opts.longRun ?? SEGMENT_DEFAULTS.longRun;
  const chunk = Math.max(2, opts.chunk ?? SEGMENT_DEFAULTS.chunk);
  const n = text.length;
  if (n <= longRun) return n ? [{ start: 0, end: n, exact: true }] : [];
  const out: Segment[] = [];
  let segStart = 0;
  let atomStart = 0;
  let prev: C = C.Other;

  const flushChunked = (from: number, to: number) => {
    for (let s = from; s < to;) {
      let e = Math.min(to, s + chunk);
      // Never cut a surrogate pair.
      if (e < to && (text.charCodeAt(e) & 0xfc00) === 0xdc00) e++;
      out.push({ start: s, end: e, exact: false });
      s = e;
    }
  };
  const atBoundary = (b: number) => {
    if (b - atomStart > longRun) {
      if (atomStart > segStart) out.push({ start: segStart, end: atomStart, exact: true });
      flushChunked(atomStart, b);
      segStart = b;
    } else if (b - segStart > target && atomStart > segStart) {
      out.push({ start: segStart, end: atomStart, exact: true });
      segStart = atomStart;
    }
    atomStart = b;
  };

  for (let i = 0; i < n;) {
    const code = text.charCodeAt(i);
    let cls: C;
    let width = 1;
    if (code < 128) {
      cls = ASCII[code] as C;
    } else {
      let cp = code;
      if ((code & 0xfc00) === 0xd800 && i + 1 < n) {
        const lo = text.charCodeAt(i + 1);
        if ((lo & 0xfc00) === 0xdc00) {
          cp = ((code - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
          width = 2;
        }
      }
      let known = classes?.get(cp);
      if (known === undefined) {
        known = (code & 0xf800) === 0xd800 && width === 1 ? C.Other : classifyNonAscii(cp);
        classes?.set(cp, known);
      }
      cls = known as C;
    }
    if (i > 0 && isSplit(prev, cls)) atBoundary(i);
    prev = cls;
    i += width;
  }
  atBoundary(n);
  if (segStart < n) out.push({ start: segStart, end: n, exact: true });
  return out;
}
