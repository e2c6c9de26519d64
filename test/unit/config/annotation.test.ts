import * as assert from 'assert';
import { parseCallsAnnotation, PER_MONTH } from '../../../src/core/config/annotation';

describe('config/parseCallsAnnotation', () => {
  const cases: [string, number | null][] = [
    ['# prompt-cost: 20000/month', 20_000],
    ['// prompt-cost: 500/day', 15_000],
    ['prompt-cost: 1.5k/hour', 1_080_000],
    ['prompt-cost: 30,000 / week', Math.round(30_000 * 30 / 7)],
    ['prompt-cost: 100', 100],
    ['/* prompt-cost: 2M/month */', 2_000_000],
    ['# Prompt-Cost : 12 per day', 360],
    ['# prompt-cost: 3 calls a minute', 3 * 43_200],
    ['# prompt-cost: 1200/year', 100],
    ['# prompt-cost: 10/d', 300],
    ['# prompt-cost: 7/wk', 30],
    ['# prompt-cost: 2/h', 1440],
    ['# prompt-cost: 40/mo - nightly batch', 40],
    ['# TODO(ana) prompt-cost: 5_000/day; check with ops', 150_000],
    ['# prompt-cost: .5k', 500],
    ['# prompt-cost: 0/month', 0],
    ['<!-- prompt-cost: 9 / hours -->', 9 * 720],
    // Not annotations.
    ['# prompt-cost: lots/day', null],
    ['# prompt-cost: 500/fortnight', null],
    ['# prompt-cost: 1,5k/day', null],
    ['# prompt-cost: 500abc', null],
    ['# prompt-cost: ignore missing-output-cap', null],
    ['# promptcost: 500/day', null],
    ['# cost: 500/day', null],
    ['', null],
  ];
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)} → ${expected}`, () => assert.strictEqual(parseCallsAnnotation(text), expected));
  }

  it('documents a 30-day month', () => {
    assert.deepStrictEqual(PER_MONTH, { month: 1, day: 30, week: 30 / 7, hour: 720, minute: 43_200, year: 1 / 12 });
  });
});
