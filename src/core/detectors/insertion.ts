// Where a new keyword argument / property / dict entry goes in an argument list or literal, matching its layout:
// one line stays one line; a multi-line list gets a new line with the siblings' indentation and comma style.

import type { Node } from '../languages/parser';
import type { InsertionPoint } from '../types';

export function insertionInto(container: Node, text: string, style: InsertionPoint['style'], param: string): InsertionPoint | null {
  const open = container.startIndex + 1;
  const close = container.endIndex - 1;
  if (close < open || !'({'.includes(text[container.startIndex] ?? '') || !')}'.includes(text[close] ?? '')) return null;
  const items = container.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
  const jsObject = style === 'js-property';
  if (!items.length) {
    const inner = text.slice(open, close);
    if (inner.includes('\n')) {
      const indent = lineIndent(text, container.startIndex) + '    ';
      return { offset: open, style, prefix: '\n' + indent, suffix: ',\n' + lineIndent(text, container.startIndex), indent, param };
    }
    return { offset: open, style, prefix: jsObject ? ' ' : '', suffix: jsObject ? ' ' : '', indent: null, param };
  }
  const last = items[items.length - 1];
  const between = text.slice(last.endIndex, close);
  const comma = between.indexOf(',');
  const hasTrailingComma = comma >= 0 && !/\S/.test(between.slice(0, comma).replace(/#.*|\/\/.*|\/\*[\s\S]*?\*\//g, ''));
  const multiline = text.slice(open, items[0].startIndex).includes('\n') || text.slice(last.endIndex, close).includes('\n');
  if (multiline) {
    const indent = lineIndent(text, last.startIndex);
    if (hasTrailingComma) return { offset: last.endIndex + comma + 1, style, prefix: '\n' + indent, suffix: ',', indent, param };
    return { offset: last.endIndex, style, prefix: ',\n' + indent, suffix: '', indent, param };
  }
  if (hasTrailingComma) return { offset: last.endIndex + comma + 1, style, prefix: ' ', suffix: '', indent: null, param };
  return { offset: last.endIndex, style, prefix: ', ', suffix: '', indent: null, param };
}

/** Whitespace at the start of the line holding `offset`. */
export function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

/** The text a fix inserts for a cap of `value` at this point. */
export function capInsertionText(p: InsertionPoint, value: number): string {
  const entry = (style: InsertionPoint['style']) =>
    style === 'python-kwarg' ? `${p.param}=${value}` : style === 'python-dict-entry' ? `"${p.param}": ${value}` : `${p.param}: ${value}`;
  if (!p.wrapper) return p.prefix + entry(p.style) + p.suffix;
  const innerStyle = p.style === 'js-property' ? 'js-property' : 'python-dict-entry';
  return p.prefix + p.wrapper.open + entry(innerStyle) + p.wrapper.close + p.suffix;
}
