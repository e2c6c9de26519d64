// Where sentences start and end, shared by the passes and the invariants so both read the text the same way.

/** What may precede the first word of a line's sentence: indentation, bullets, `1.`/`a)` labels, an opening quote. */
const LINE_OPENER = /^[ \t]*(?:[-*+•>#]+[ \t]*|\(?\w{1,4}[.)][ \t]+)*["'“‘(\[]?$/;
/** The end of a previous sentence (or a colon/semicolon) and the whitespace after it. */
const AFTER_SENTENCE_END = /[.!?:;]["'”’)]?\s+["'“‘(\[]?$/;

/** True when the text just before a word (on its line; `fromLineStart` says whether it starts the line) opens a sentence. */
export function opensSentence(before: string, fromLineStart: boolean): boolean {
  if (fromLineStart && LINE_OPENER.test(before)) return true;
  return AFTER_SENTENCE_END.test(before);
}

/** Whether the word at `index` starts a sentence in `text`. */
export function atSentenceStart(text: string, index: number): boolean {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  const from = Math.max(lineStart, index - 200);
  return opensSentence(text.slice(from, index), from === lineStart);
}

export interface SentenceUnit {
  start: number;
  end: number;
}

/**
 * Splits one line into sentences: a sentence ends at . ! ? (one or more, optional closing quote) followed by
 * whitespace or the end of the line. Offsets are relative to the line.
 */
export function splitSentences(line: string): SentenceUnit[] {
  const units: SentenceUnit[] = [];
  const re = /[.!?]+["'”’)]?(?=\s|$)/g;
  let start = /^\s*/.exec(line)![0].length;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) {
    const end = m.index + m[0].length;
    // "e.g." / "i.e." / "etc." / "vs." / single initials do not end sentences.
    const word = /(\S+)$/.exec(line.slice(start, end))?.[1] ?? '';
    if (/^(?:e\.g\.|i\.e\.|etc\.|vs\.|approx\.|incl\.|[A-Za-z]\.|No\.|Mr\.|Mrs\.|Dr\.)$/i.test(word)) continue;
    if (end > start) units.push({ start, end });
    start = end + (/^\s*/.exec(line.slice(end))![0].length);
  }
  if (start < line.length && line.slice(start).trim()) units.push({ start, end: line.replace(/\s+$/, '').length });
  return units;
}
