import * as assert from 'assert';
import { maxOutputTokensFor } from '../../../src/core/pricing/maxOutputTokens';
import { levenshtein, suggestModels } from '../../../src/core/pricing/suggest';
import { nameVariants, parseModelName } from '../../../src/core/pricing/modelNames';
import { PriceBook } from '../../../src/core/pricing/priceBook';

describe('pricing/maxOutputTokensFor', () => {
  const table: [string, number | null][] = [
    ['gpt-4o', 16_384], ['gpt-4o-mini-2024-07-18', 16_384], ['chatgpt-4o-latest', 16_384], ['gpt-4.1', 32_768],
    ['gpt-4.1-nano', 32_768], ['gpt-5', 128_000], ['gpt-5-mini', 128_000], ['gpt-5.2', 128_000], ['gpt-5-pro', 272_000],
    ['o1', 100_000], ['o3-mini', 100_000], ['o4-mini-2025-04-16', 100_000], ['o1-mini', 65_536],
    ['gpt-4-turbo', 4_096], ['gpt-4', 8_192], ['gpt-3.5-turbo', 4_096],
    ['claude-3-5-sonnet-20241022', 8_192], ['claude-3-5-haiku-latest', 8_192], ['claude-3-haiku-20240307', 4_096],
    ['claude-3-7-sonnet-latest', 64_000], ['claude-sonnet-4-20250514', 64_000], ['claude-sonnet-4-5', 64_000],
    ['claude-opus-4-1-20250805', 32_000], ['claude-opus-4-20250514', 32_000], ['claude-opus-4-5', 64_000],
    ['claude-opus-4-7', 128_000], ['claude-sonnet-4-6', 128_000], ['claude-sonnet-5', 128_000],
    ['gemini-1.5-pro', 8_192], ['gemini-1.5-flash-002', 8_192], ['gemini-2.0-flash', 8_192], ['gemini-2.5-pro', 65_536],
    ['gemini-2.5-flash', 65_536], ['models/gemini-2.5-flash', 65_536], ['anthropic/claude-3-5-sonnet-latest', 8_192],
    ['openai/gpt-4o', 16_384], ['llama-3.3-70b-versatile', 32_768], ['mistral-large-latest', null], ['my-model', null],
  ];
  for (const [model, tokens] of table) {
    it(`${model} → ${tokens}`, () => assert.strictEqual(maxOutputTokensFor(model), tokens));
  }
});

describe('pricing/modelNames', () => {
  it('splits gateway prefixes and Google model paths', () => {
    assert.deepStrictEqual(parseModelName('anthropic/claude-3-5-sonnet'), { bare: 'claude-3-5-sonnet', vendor: 'anthropic', azure: false });
    assert.deepStrictEqual(parseModelName('models/gemini-1.5-flash'), { bare: 'gemini-1.5-flash', vendor: null, azure: false });
    assert.deepStrictEqual(parseModelName('azure/prod'), { bare: 'prod', vendor: 'azure', azure: true });
    assert.deepStrictEqual(parseModelName('gpt-4o'), { bare: 'gpt-4o', vendor: null, azure: false });
  });

  it('loosens snapshot dates, -latest and version suffixes', () => {
    assert.deepStrictEqual(nameVariants('gpt-4o-2024-08-06'), ['gpt-4o']);
    assert.deepStrictEqual(nameVariants('claude-3-5-sonnet-20241022'), ['claude-3-5-sonnet']);
    assert.deepStrictEqual(nameVariants('gemini-1.5-flash-002'), ['gemini-1.5-flash']);
    assert.deepStrictEqual(nameVariants('gpt-4o-latest'), ['gpt-4o']);
    assert.deepStrictEqual(nameVariants('gemini-2.0-flash-exp'), ['gemini-2.0-flash']);
    assert.deepStrictEqual(nameVariants('gpt-4o'), []);
  });
});

describe('pricing/suggestModels', () => {
  it('measures edit distance', () => {
    assert.strictEqual(levenshtein('kitten', 'sitting'), 3);
    assert.strictEqual(levenshtein('', 'abc'), 3);
    assert.strictEqual(levenshtein('same', 'same'), 0);
  });

  it('suggests the nearest known names of the same provider', () => {
    assert.strictEqual(suggestModels('openai', 'gpt-4o-mini-2099-01-01', 3)[0], 'gpt-4o-mini');
    assert.strictEqual(suggestModels('openai', 'gpt4o', 1)[0], 'gpt-4o');
    assert.ok(suggestModels('anthropic', 'claude-3-5-sonet', 3).includes('claude-3-5-sonnet'));
    assert.strictEqual(suggestModels('google', 'gemini-1.5-flsh', 1)[0], 'gemini-1.5-flash');
    const s = suggestModels('openai', 'gpt-4o-mini-typo', 5);
    assert.strictEqual(s.length, 5);
    assert.ok(s.every((m) => !m.startsWith('claude')));
  });

  it('accepts its own candidate list (e.g. overrides) and handles edge cases', () => {
    assert.deepStrictEqual(suggestModels('unknown', 'house-modle', 2, ['house-model', 'other', 'house-model-v2']), ['house-model', 'house-model-v2']);
    assert.deepStrictEqual(suggestModels('openai', 'gpt-4o', 0), []);
    assert.deepStrictEqual(suggestModels('openai', '', 3), []);
    const book = new PriceBook({ overrides: { 'house-model': { input: 1, output: 1 } } });
    assert.strictEqual(suggestModels('openai', 'house-modle', 1, book.knownModels('openai'))[0], 'house-model');
  });
});
