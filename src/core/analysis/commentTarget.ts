// Which code line a directive comment (`prompt-cost: N/month`, `prompt-cost-disable-next-line`) is about: the line
// it trails, or the first code line below it, past blank lines and other comments (directives may be stacked).

import type { LineIndex } from '../formatters/lineIndex';
import type { Span } from '../types';

const COMMENT_ONLY = /^\s*(#|\/\/|\/\*|\*)/;

/** 1-based line of the code the comment at `span` applies to. */
export function commentTargetLine(span: Span, lines: LineIndex): number {
  const { line, column } = lines.position(span.start);
  const before = lines.lineText(line).slice(0, column - 1);
  if (before.trim()) return line; // a trailing comment: about its own line
  const endLine = lines.position(span.end).line;
  for (let l = endLine + 1; l <= lines.lineCount; l++) {
    const t = lines.lineText(l);
    if (t.trim() && !COMMENT_ONLY.test(t)) return l;
  }
  return endLine + 1;
}
