import * as assert from 'assert';
import { formatCompact, formatInt, formatPerMillion, formatUsd } from '../../../src/extension/format';

describe('editor number formatting', () => {
  it('formats dollars with precision that fits the size', () => {
    assert.strictEqual(formatUsd(4915.2), '$4,915');
    assert.strictEqual(formatUsd(12.4), '$12.40');
    assert.strictEqual(formatUsd(0.0041), '$0.0041');
    assert.strictEqual(formatUsd(0.00001234), '$0.000012');
    assert.strictEqual(formatUsd(0), '$0');
    assert.strictEqual(formatUsd(null), '—');
  });

  it('formats counts and prices', () => {
    assert.strictEqual(formatInt(1240.4), '1,240');
    assert.strictEqual(formatCompact(30000), '30k');
    assert.strictEqual(formatCompact(1500000), '1.5M');
    assert.strictEqual(formatCompact(950), '950');
    assert.strictEqual(formatPerMillion(2.5), '$2.50');
    assert.strictEqual(formatPerMillion(0.0375), '$0.0375');
    assert.strictEqual(formatPerMillion(15), '$15');
    assert.strictEqual(formatPerMillion(0.075), '$0.075');
  });
});
