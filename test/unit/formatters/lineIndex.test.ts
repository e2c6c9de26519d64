import * as assert from 'assert';
import { LineIndex, regionOf } from '../../../src/core/formatters/lineIndex';

describe('formatters/LineIndex', () => {
  it('maps offsets to 1-based line and column across \\n, \\r\\n and lone \\r', () => {
    const text = 'ab\ncd\r\nef\rgh';
    const idx = new LineIndex(text);
    assert.strictEqual(idx.lineCount, 4);
    for (const [ch, line, column] of [['a', 1, 1], ['b', 1, 2], ['c', 2, 1], ['d', 2, 2], ['e', 3, 1], ['f', 3, 2], ['g', 4, 1], ['h', 4, 2]] as const) {
      assert.deepStrictEqual(idx.position(text.indexOf(ch)), { line, column }, ch);
    }
    // The line break itself belongs to the line it ends.
    assert.deepStrictEqual(idx.position(text.indexOf('\r\n')), { line: 2, column: 3 });
    assert.deepStrictEqual(idx.position(text.indexOf('\n', 4)), { line: 2, column: 4 });
  });

  it('counts columns in UTF-16 code units (an emoji is two)', () => {
    const text = 'x = "🚀"; y()';
    const idx = new LineIndex(text);
    assert.strictEqual(idx.position(text.indexOf('y')).column, text.indexOf('y') + 1);
    assert.strictEqual(idx.position(text.indexOf('y')).column, 11); // 10 units before it, the emoji being 2
  });

  it('clamps offsets outside the text and handles an empty text', () => {
    const idx = new LineIndex('ab\ncd');
    assert.deepStrictEqual(idx.position(-5), { line: 1, column: 1 });
    assert.deepStrictEqual(idx.position(999), { line: 2, column: 3 });
    assert.deepStrictEqual(new LineIndex('').position(3), { line: 1, column: 1 });
  });

  it('gives line texts without their line breaks', () => {
    const idx = new LineIndex('one\r\ntwo\nthree\r');
    assert.deepStrictEqual([1, 2, 3, 4, 5].map((n) => idx.lineText(n)), ['one', 'two', 'three', '', '']);
  });

  it('maps a span to a region whose end column is exclusive', () => {
    const text = 'foo(\n  bar)\n';
    const region = regionOf(new LineIndex(text), { start: 0, end: text.indexOf(')') + 1 });
    assert.deepStrictEqual(region, { line: 1, column: 1, endLine: 2, endColumn: 7 });
  });

  it('finds the line of every offset in a long text like a linear scan does', () => {
    const lines = Array.from({ length: 500 }, (_, i) => 'x'.repeat(i % 17) + (i % 3 === 0 ? '\r\n' : '\n'));
    const text = lines.join('');
    const idx = new LineIndex(text);
    let line = 1;
    let col = 1;
    for (let o = 0; o < text.length; o++) {
      const pos = idx.position(o);
      assert.strictEqual(pos.line, line);
      assert.strictEqual(pos.column, col);
      if (text[o] === '\n') { line++; col = 1; } else col++;
    }
  });
});
