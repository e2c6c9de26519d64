import { strict as assert } from 'assert';
import { FILLER_PHRASES, RESTRICTION_PHRASES, RESTRICTION_WORDS, WORDY_PHRASES } from '../../../src/core/compress/phrases';

// The tables are data other people extend: these checks keep a new row from breaking an invariant by design.
describe('compress phrase tables', () => {
  const rows = [...FILLER_PHRASES, ...WORDY_PHRASES];
  const restriction = new RegExp(`\\b(?:${[...RESTRICTION_WORDS, ...RESTRICTION_PHRASES].join('|')})\\b|n't`, 'i');

  it('no row removes or adds a negation or restriction word', () => {
    for (const r of rows) {
      assert.ok(!restriction.test(r.find), `find "${r.find}"`);
      assert.ok(!restriction.test(r.replace), `replace "${r.replace}"`);
    }
  });

  it('finds are lowercase words separated by single spaces, each once', () => {
    const seen = new Set<string>();
    for (const r of rows) {
      assert.match(r.find, /^[a-z']+(?: [a-z']+)*$/, r.find);
      assert.ok(!seen.has(r.find), `duplicate "${r.find}"`);
      seen.add(r.find);
    }
  });

  it('replacements are shorter than what they replace and hold no digits', () => {
    for (const r of rows) {
      assert.ok(r.replace.length < r.find.length, `"${r.find}" → "${r.replace}"`);
      assert.ok(!/\d/.test(r.replace + r.find));
    }
  });
});
