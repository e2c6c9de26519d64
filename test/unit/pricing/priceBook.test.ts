import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { calcPrice } from '@pydantic/genai-prices';
import { PriceBook } from '../../../src/core/pricing/priceBook';
import { DATASET_SOURCE, GENAI_PRICES_DATE, GENAI_PRICES_VERSION } from '../../../src/core/pricing/dataset';
import type { ProviderId } from '../../../src/core/types';

const AT = new Date('2026-10-01T00:00:00Z');

describe('pricing/PriceBook', () => {
  it('names the dataset version that is installed (update dataset.ts when the package changes)', () => {
    const pkgPath = path.resolve(require.resolve('@pydantic/genai-prices'), '../../package.json');
    const installed = JSON.parse(fs.readFileSync(pkgPath, 'utf8')).version;
    assert.strictEqual(GENAI_PRICES_VERSION, installed, 'update GENAI_PRICES_VERSION and GENAI_PRICES_DATE together');
    assert.match(GENAI_PRICES_DATE, /^\d{4}-\d{2}-\d{2}$/);
    assert.strictEqual(DATASET_SOURCE, `@pydantic/genai-prices ${installed}`);
  });

  it('costs calls exactly as the dataset prices them, tiers and cache reads included', () => {
    const book = new PriceBook({ at: AT });
    const models: [ProviderId, string, string][] = [
      ['openai', 'gpt-4o', 'openai'], ['openai', 'gpt-4o-mini', 'openai'], ['openai', 'gpt-5', 'openai'],
      ['openai', 'o3-mini', 'openai'], ['openai', 'text-embedding-3-small', 'openai'],
      ['anthropic', 'claude-3-5-sonnet-20241022', 'anthropic'], ['anthropic', 'claude-sonnet-4-5', 'anthropic'],
      ['google', 'gemini-1.5-pro', 'google'], ['google', 'gemini-1.5-flash', 'google'], ['google', 'gemini-2.5-pro', 'google'],
      ['mistral', 'mistral-large-latest', 'mistral'], ['cohere', 'command-r-plus', 'cohere'], ['groq', 'llama-3.3-70b-versatile', 'groq'],
    ];
    const usages = [
      { inputTokens: 1_000, outputTokens: 500 },
      { inputTokens: 1_000, cachedInputTokens: 400, outputTokens: 500 },
      { inputTokens: 150_000, outputTokens: 2_000 }, // over Gemini 1.5's 128k tier
      { inputTokens: 250_000, cachedInputTokens: 50_000, outputTokens: 8_000 }, // over the 200k tiers
      { inputTokens: 128_000, outputTokens: 10 }, // exactly at a tier start: still the base price
    ];
    let tiered = 0;
    for (const [provider, model, datasetProvider] of models) {
      const price = book.lookup(provider, model);
      assert.ok(price, model);
      if (price.tiers) tiered++;
      for (const u of usages) {
        const expected = calcPrice(
          { input_tokens: u.inputTokens, cache_read_tokens: u.cachedInputTokens, output_tokens: u.outputTokens },
          model,
          { providerId: datasetProvider, timestamp: AT },
        )!.total_price;
        const got = book.cost(price, u);
        assert.ok(Math.abs(got - expected) <= 1e-12 + expected * 1e-12, `${model} ${JSON.stringify(u)}: ${got} vs ${expected}`);
      }
    }
    assert.ok(tiered >= 3, 'the set covers tiered models');
  });

  it('applies the 50% batch discount to input and output', () => {
    const book = new PriceBook({ at: AT });
    const price = book.lookup('openai', 'gpt-4o')!;
    const u = { inputTokens: 10_000, outputTokens: 2_000 };
    assert.strictEqual(book.cost(price, u, { batch: true }), book.cost(price, u) / 2);
    // Hand check: 10k × $2.50/M + 2k × $10/M = $0.045 (gpt-4o in this dataset).
    assert.strictEqual(price.input, 2.5);
    assert.strictEqual(price.output, 10);
    assert.ok(Math.abs(book.cost(price, u) - 0.045) < 1e-12);
  });

  it('resolves model names as code writes them', () => {
    const book = new PriceBook({ at: AT, aliases: { 'prod-gpt4o': 'gpt-4o', 'chat-deploy': 'gpt-4.1-mini' } });
    const cases: [ProviderId, string, string, string][] = [
      ['openai', 'gpt-4o-2024-08-06', 'openai', 'gpt-4o'],
      ['openai', 'gpt-4o-latest', 'openai', 'gpt-4o'],
      ['openai', 'gpt-5-mini-2025-08-07', 'openai', 'gpt-5-mini'],
      ['anthropic', 'claude-3-5-sonnet-latest', 'anthropic', 'claude-3-5-sonnet'],
      ['anthropic', 'claude-3-5-haiku-20241022', 'anthropic', 'claude-3-5-haiku-latest'],
      ['litellm', 'anthropic/claude-3-5-sonnet-20241022', 'anthropic', 'claude-3-5-sonnet'],
      ['litellm', 'openai/gpt-4o', 'openai', 'gpt-4o'],
      ['unknown', 'openai/gpt-4o-mini', 'openai', 'gpt-4o-mini'],
      ['litellm', 'gemini/gemini-1.5-pro', 'google', 'gemini-1.5-pro'],
      ['litellm', 'vertex_ai/gemini-2.5-flash', 'google', 'gemini-2.5-flash'],
      ['google', 'models/gemini-1.5-flash', 'google', 'gemini-1.5-flash'],
      ['google', 'gemini-1.5-flash-002', 'google', 'gemini-1.5-flash'],
      ['litellm', 'azure/gpt-4o', 'openai', 'gpt-4o'],
      ['litellm', 'azure/chat-deploy', 'openai', 'gpt-4.1-mini'],
      ['azure-openai', 'prod-gpt4o', 'openai', 'gpt-4o'],
      ['azure-openai', 'gpt-4o', 'openai', 'gpt-4o'],
      ['litellm', 'claude-3-haiku-20240307', 'anthropic', 'claude-3-haiku'],
      ['litellm', 'mistral-large-latest', 'mistral', 'mistral-large'],
      ['groq', 'llama-3.3-70b-versatile', 'groq', 'llama-3.3-70b-versatile'],
    ];
    for (const [provider, model, wantProvider, wantModel] of cases) {
      const price = book.lookup(provider, model);
      assert.ok(price, `${provider} ${model} unresolved`);
      assert.deepStrictEqual([price.provider, price.model], [wantProvider, wantModel], `${provider} ${model}`);
      assert.strictEqual(price.source, DATASET_SOURCE);
      assert.strictEqual(price.date, GENAI_PRICES_DATE);
    }
  });

  it('returns null for unknown models, never a $0 price', () => {
    const book = new PriceBook({ at: AT });
    for (const [provider, model] of [['openai', 'gpt-7-ultra-imaginary'], ['anthropic', 'claude-imaginary'], ['unknown', 'my-own-model'], ['litellm', 'azure/some-deployment'], ['openai', '']] as [ProviderId, string][]) {
      assert.strictEqual(book.lookup(provider, model), null, model);
      assert.strictEqual(book.resolve(provider, model).status, 'unknown');
    }
    // Known but priced per audio hour: no token price, said so.
    assert.deepStrictEqual(book.resolve('openai', 'whisper-1'), { price: null, status: 'not-token-priced' });
    // Moderation is free in the dataset: a real $0.
    const mod = book.resolve('openai', 'omni-moderation-latest');
    assert.strictEqual(mod.status, 'free');
    assert.strictEqual(mod.price!.input + mod.price!.output, 0);
  });

  it('prices embeddings by input only', () => {
    const book = new PriceBook({ at: AT });
    const price = book.lookup('openai', 'text-embedding-3-small')!;
    assert.ok(price.input > 0);
    assert.strictEqual(price.output, 0);
    assert.strictEqual(book.cost(price, { inputTokens: 1_000_000, outputTokens: 0 }), price.input);
  });

  it('lets overrides win over the dataset, with their own source, and fills limits from the dataset', () => {
    const book = new PriceBook({
      at: AT,
      overrides: { 'gpt-4o': { input: 1, output: 3 }, 'openai:gpt-4o-mini': { input: 0.5, output: 1, cachedInput: 0.1 }, 'my-llama': { input: 0.2, output: 0.4, maxOutputTokens: 2048 } },
      overridesSource: '.promptcost.json',
      aliases: { 'my-deploy': 'my-llama' },
    });
    const o = book.lookup('openai', 'gpt-4o')!;
    assert.deepStrictEqual([o.input, o.output, o.source, o.contextWindow, o.maxOutputTokens], [1, 3, '.promptcost.json', 128_000, 16_384]);
    assert.deepStrictEqual([book.lookup('openai', 'gpt-4o-mini')!.cachedInput, book.lookup('openai', 'gpt-4o-mini')!.input], [0.1, 0.5]);
    assert.strictEqual(book.lookup('litellm', 'openai/gpt-4o')!.input, 1, 'override found through a gateway prefix');
    const llama = book.lookup('unknown', 'my-deploy')!;
    assert.deepStrictEqual([llama.input, llama.output, llama.maxOutputTokens], [0.2, 0.4, 2048]);
    assert.strictEqual(book.cost(llama, { inputTokens: 1_000_000, outputTokens: 500_000 }), 0.4);
  });

  it('uses the prices in effect at its date', () => {
    // claude-opus-4-6 lost its long-context tier on 2026-03-13 in this dataset.
    const before = new PriceBook({ at: new Date('2026-02-01T00:00:00Z') }).lookup('anthropic', 'claude-opus-4-6')!;
    const after = new PriceBook({ at: AT }).lookup('anthropic', 'claude-opus-4-6')!;
    assert.ok(before.tiers && before.tiers.length > 0);
    assert.strictEqual(after.tiers, undefined);
  });

  it('lists known models per provider, overrides included, without dataset match stems', () => {
    const book = new PriceBook({ overrides: { 'house-model': { input: 1, output: 1 } } });
    const openai = book.knownModels('openai');
    assert.ok(openai.includes('gpt-4o') && openai.includes('house-model'));
    assert.ok(!openai.some((m) => m.includes('claude')));
    assert.ok(!openai.some((m) => m.endsWith('-') || m.includes(':')));
    assert.ok(book.knownModels().some((m) => m.startsWith('claude-')));
  });

  it('prices self-hosted models (Ollama, vLLM…) at $0 per token with the reason, unless an override prices their compute', () => {
    const book = new PriceBook({ at: AT, overrides: { 'llama3.1:70b': { input: 0.2, output: 0.6 } } });
    for (const [provider, model] of [['self-hosted', 'llama3.1'], ['litellm', 'ollama/llama3'], ['litellm', 'ollama_chat/qwen2.5:7b'], ['self-hosted', 'mistral'], ['litellm', 'hosted_vllm/meta-llama/Llama-3.1-8B']] as [ProviderId, string][]) {
      const r = book.resolve(provider, model);
      assert.strictEqual(r.status, 'free', model);
      assert.deepStrictEqual([r.price?.input, r.price?.output], [0, 0], model);
      assert.match(r.price!.source, /self-hosted/);
    }
    // The same names through a vendor are that vendor's models, not free.
    assert.ok(book.lookup('mistral', 'mistral-large-latest')!.output > 0);
    assert.strictEqual(book.resolve('self-hosted', 'llama3.1:70b').price?.output, 0.6);
    // An unknown name elsewhere stays unknown (never $0).
    assert.strictEqual(book.resolve('openai', 'llama3.1').status, 'unknown');
  });
});
