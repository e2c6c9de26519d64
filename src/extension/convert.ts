// The single conversion from the engine's UTF-16 offsets to editor ranges. Results are cached with the document
// version they were computed on, so offsets always refer to the text `positionAt` sees.

import * as vscode from 'vscode';
import type { Span } from '../core/types';

/** Anything that maps an offset to a position: an open TextDocument, or `textPositions(text)` for a scanned file. */
export interface PositionSource {
  positionAt(offset: number): vscode.Position;
}

export function rangeOf(source: PositionSource, span: Span): vscode.Range {
  return new vscode.Range(source.positionAt(span.start), source.positionAt(span.end));
}

/** A PositionSource for text that is not open in an editor (workspace scan results). */
export function textPositions(text: string): PositionSource {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return {
    positionAt(offset: number): vscode.Position {
      const o = Math.max(0, Math.min(offset, text.length));
      let lo = 0;
      let hi = lineStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lineStarts[mid] <= o) lo = mid; else hi = mid - 1;
      }
      // A position never points between \r and \n (as TextDocument.positionAt behaves).
      let character = o - lineStarts[lo];
      if (text[o - 1] === '\r' && text[o] === '\n') character--;
      return new vscode.Position(lo, character);
    },
  };
}
