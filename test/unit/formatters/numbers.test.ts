import * as assert from 'assert';
import { formatInt, formatUsd, roundUsd } from '../../../src/core/formatters/numbers';

describe('formatters/numbers', () => {
  it('groups thousands', () => {
    assert.deepStrictEqual([0, 7, 999, 1000, 16384, 1234567, -30000].map(formatInt),
      ['0', '7', '999', '1,000', '16,384', '1,234,567', '-30,000']);
  });

  it('spells dollars at a precision that fits their size', () => {
    const cases: [number | null, string][] = [
      [4915.2, '$4,915'], [123.4, '$123'], [99.999, '$100'], [12.345, '$12.35'], [1, '$1.00'],
      [0.0041, '$0.0041'], [0.12, '$0.12'], [0.5, '$0.50'], [0.0001, '$0.0001'], [0.00012, '$0.00012'], [0.000012, '$0.000012'], [0, '$0.00'], [null, 'unpriced'],
      [1e-9, '<$0.000001'],
    ];
    for (const [x, s] of cases) assert.strictEqual(formatUsd(x), s, String(x));
  });

  it('rounds float noise away but keeps small prices', () => {
    assert.strictEqual(roundUsd(0.1 + 0.2), 0.3);
    assert.strictEqual(roundUsd(2.4e-7), 2.4e-7);
    assert.strictEqual(roundUsd(null), null);
  });
});
