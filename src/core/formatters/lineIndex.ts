// Converts the engine's UTF-16 offsets to 1-based line and column.
// Lines end at "\r\n", "\n" or a lone "\r" (as VS Code and Python count them). Columns count UTF-16 code units
// from the start of the line, plus one: an astral character (emoji) takes two columns, as in VS Code and in SARIF
// with `columnKind: "utf16CodeUnits"`. An end offset maps to the column *after* the last character (exclusive).

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column in UTF-16 code units. */
  column: number;
}

export class LineIndex {
  /** Offset at which each line starts; always starts with 0. */
  private readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    if (text.indexOf('\r') === -1) {
      // The common case, with the native search: a character loop over a large file costs ~0.5 ms per analysis.
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offsets outside the text are clamped to it. */
  position(offset: number): Position {
    const o = Math.max(0, Math.min(Number.isFinite(offset) ? Math.floor(offset) : 0, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo] + 1 };
  }

  /** The text of a 1-based line without its line break ('' when out of range). */
  lineText(line: number): string {
    if (line < 1 || line > this.starts.length) return '';
    const start = this.starts[line - 1];
    let end = line < this.starts.length ? this.starts[line] : this.text.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return this.text.slice(start, end);
  }
}

/** A 1-based range: `endColumn` is the column after the last character. */
export interface Region {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function regionOf(lines: LineIndex, span: { start: number; end: number }): Region {
  const s = lines.position(span.start);
  const e = lines.position(Math.max(span.start, span.end));
  return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}
