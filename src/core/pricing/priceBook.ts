// Prices per model from `@pydantic/genai-prices` (offline, bundled) plus user overrides. A model resolves once per
// (provider, name) and is cached; an unknown model is `null`, never $0.

import { calcPrice, findProvider, type Provider } from '@pydantic/genai-prices';
import type { PriceOverride } from '../config/types';
import type { ModelPrice, ProviderId } from '../types';
import { DATASET_SOURCE, GENAI_PRICES_DATE } from './dataset';
import { maxOutputTokensFor } from './maxOutputTokens';
import { SELF_HOSTED_PREFIXES, datasetProviderFor, nameVariants, parseModelName } from './modelNames';

export interface PriceBookOptions {
  /** Prices that win over the dataset, keyed by model name as code writes it (or `provider:model`). */
  overrides?: Record<string, PriceOverride>;
  /** Where the overrides came from, shown as their `source` (e.g. `.promptcost.json`). */
  overridesSource?: string;
  /** Deployment or alias names to the model they serve (`{"my-gpt4o": "gpt-4o"}`). */
  aliases?: Record<string, string>;
  /** Prices in effect at this time (the dataset dates some changes). Default: when the book is made. */
  at?: Date;
}

export interface Usage {
  /** All input tokens, cached ones included. */
  inputTokens: number;
  /** The part of `inputTokens` read from the provider's prompt cache. */
  cachedInputTokens?: number;
  outputTokens: number;
}

export type PriceStatus =
  /** Priced per token (from the dataset or an override). */
  | 'priced'
  /** Known and free (e.g. OpenAI moderation). */
  | 'free'
  /** Known, but priced per image, per second or per character, not per token: no token price to show. */
  | 'not-token-priced'
  | 'unknown';

export interface PriceResolution {
  price: ModelPrice | null;
  status: PriceStatus;
}

/** Batch APIs bill input and output at half price (OpenAI Batch, Anthropic Message Batches, Gemini Batch Mode). */
export const BATCH_DISCOUNT = 0.5;

/** The dataset providers searched when no provider is given, and for suggestions. */
const MAIN_PROVIDERS = ['openai', 'anthropic', 'google', 'mistral', 'cohere', 'groq'];

type PriceValue = number | { base: number; tiers: { start: number; price: number }[] } | undefined;

export class PriceBook {
  private readonly overrides = new Map<string, { key: string; value: PriceOverride }>();
  private readonly aliases = new Map<string, string>();
  private readonly overridesSource: string;
  private readonly at: Date;
  private readonly resolved = new Map<string, PriceResolution>();
  private readonly known = new Map<string, string[]>();

  constructor(opts: PriceBookOptions = {}) {
    for (const [key, value] of Object.entries(opts.overrides ?? {})) this.overrides.set(key.trim().toLowerCase(), { key, value });
    for (const [key, value] of Object.entries(opts.aliases ?? {})) this.aliases.set(key.trim().toLowerCase(), value.trim());
    this.overridesSource = opts.overridesSource ?? 'price overrides';
    this.at = opts.at ?? new Date();
  }

  /** The price of `model` when called through `provider`, or null when unknown (or not priced per token). */
  lookup(provider: ProviderId, model: string): ModelPrice | null {
    return this.resolve(provider, model).price;
  }

  /** Like `lookup`, also saying why there is no price. */
  resolve(provider: ProviderId, model: string): PriceResolution {
    const key = `${provider}\u0000${model}`;
    let r = this.resolved.get(key);
    if (!r) {
      r = this.resolveUncached(provider, model);
      this.resolved.set(key, r);
    }
    return r;
  }

  /** USD for one call. Tiers apply by the call's total input tokens; `batch` halves the price. */
  cost(price: ModelPrice, usage: Usage, opts: { batch?: boolean } = {}): number {
    const input = Math.max(0, usage.inputTokens);
    const cached = Math.min(input, Math.max(0, usage.cachedInputTokens ?? 0));
    const output = Math.max(0, usage.outputTokens);
    let inRate = price.input;
    let outRate = price.output;
    let cachedRate = price.cachedInput ?? price.input;
    for (const tier of price.tiers ?? []) {
      // As the dataset does: a tier applies to the whole request once its input exceeds the tier's start.
      if (input > tier.startTokens) {
        // Cache reads have tiers in the dataset too, always in proportion to the input price.
        cachedRate = price.cachedInput === null ? tier.input : price.input > 0 ? price.cachedInput * (tier.input / price.input) : tier.input;
        inRate = tier.input;
        outRate = tier.output;
      }
    }
    const usd = ((input - cached) * inRate + cached * cachedRate + output * outRate) / 1e6;
    return opts.batch ? usd * BATCH_DISCOUNT : usd;
  }

  /** Model names this book can price for a provider (all main vendors when omitted or inferred), overrides included. */
  knownModels(provider?: ProviderId): string[] {
    const hint = provider ? datasetProviderFor(provider) : undefined;
    const key = hint ?? '*';
    let list = this.known.get(key);
    if (!list) {
      const names = new Set<string>();
      for (const o of this.overrides.values()) names.add(o.key);
      for (const id of hint ? [hint] : MAIN_PROVIDERS) {
        for (const m of datasetProvider(id)?.models ?? []) if (isUsableId(m.id) && !m.deprecated) names.add(m.id);
      }
      list = [...names].sort();
      this.known.set(key, list);
    }
    return [...list];
  }

  private resolveUncached(provider: ProviderId, model: string): PriceResolution {
    const raw = model.trim();
    if (!raw) return { price: null, status: 'unknown' };
    const parsed = parseModelName(raw);
    const aliased = this.alias(raw) ?? (parsed.vendor ? this.alias(parsed.bare) : undefined);
    const target = aliased ?? raw;
    const targetParsed = aliased ? parseModelName(aliased) : parsed;
    const hint = datasetProviderFor(provider);

    const override =
      this.override(raw, hint) ?? (aliased ? this.override(aliased, hint) : undefined) ?? this.override(targetParsed.bare, hint);
    if (override) return { price: this.fromOverride(override.key, override.value, targetParsed.bare, hint), status: 'priced' };
    // A local model server bills nothing per token (an override above can price its compute).
    if (provider === 'self-hosted' || SELF_HOSTED_PREFIXES.has(targetParsed.vendor ?? '')) return { price: selfHosted(target), status: 'free' };

    // Where to look, in order: the name as written under the caller's provider (some providers' ids contain '/');
    // the gateway's vendor with the bare name; looser spellings; finally the vendor inferred from the name alone.
    // `azure/<deployment>` is an OpenAI model behind a deployment name: OpenAI's prices.
    const vendorId =
      targetParsed.vendor && !targetParsed.azure ? targetParsed.vendor : parsed.azure || targetParsed.azure ? 'openai' : undefined;
    const attempts: [string, string | undefined][] = [];
    const add = (name: string, providerId: string | undefined) => {
      if (!attempts.some(([n, p]) => n === name && p === providerId)) attempts.push([name, providerId]);
    };
    if (hint) add(target, hint);
    if (vendorId) add(targetParsed.bare, vendorId);
    if (hint) add(targetParsed.bare, hint);
    for (const v of nameVariants(targetParsed.bare)) add(v, vendorId ?? hint);
    add(targetParsed.bare, undefined);
    for (const v of nameVariants(targetParsed.bare)) add(v, undefined);

    let notTokenPriced: PriceResolution | undefined;
    for (const [name, providerId] of attempts) {
      const r = this.fromDataset(name, providerId, targetParsed.bare);
      if (r?.status === 'not-token-priced') notTokenPriced ??= r;
      else if (r) return r;
    }
    return notTokenPriced ?? { price: null, status: 'unknown' };
  }

  private alias(name: string): string | undefined {
    return this.aliases.get(name.toLowerCase());
  }

  private override(name: string, hint: string | undefined): { key: string; value: PriceOverride } | undefined {
    const n = name.toLowerCase();
    return this.overrides.get(n) ?? (hint ? this.overrides.get(`${hint}:${n}`) ?? this.overrides.get(`${hint}/${n}`) : undefined);
  }

  private fromOverride(key: string, o: PriceOverride, bare: string, hint: string | undefined): ModelPrice {
    // Fill what the override leaves out (context window, output limit) from the dataset when it knows the model.
    const known = this.fromDataset(bare, hint, bare)?.price ?? null;
    return {
      provider: hint ?? known?.provider ?? 'override',
      model: key,
      input: o.input,
      cachedInput: o.cachedInput ?? null,
      output: o.output,
      contextWindow: o.contextWindow ?? known?.contextWindow ?? null,
      maxOutputTokens: o.maxOutputTokens ?? known?.maxOutputTokens ?? maxOutputTokensFor(bare),
      source: this.overridesSource,
      date: '',
    };
  }

  private fromDataset(name: string, providerId: string | undefined, asWritten: string): PriceResolution | null {
    let result: ReturnType<typeof calcPrice>;
    try {
      result = calcPrice({ input_tokens: 0, output_tokens: 0 }, name, { providerId, timestamp: this.at });
    } catch {
      return null; // malformed entry in the dataset: treat as not found
    }
    if (!result) return null;
    const mp = result.model_price as Record<string, PriceValue>;
    const keys = Object.keys(mp).filter((k) => mp[k] !== undefined);
    const hasTokenPrice = mp.input_mtok !== undefined || mp.output_mtok !== undefined;
    if (!hasTokenPrice && keys.length > 0) return { price: null, status: 'not-token-priced' };
    const price: ModelPrice = {
      provider: result.provider.id,
      model: result.model.id,
      input: baseOf(mp.input_mtok),
      cachedInput: mp.cache_read_mtok === undefined ? null : baseOf(mp.cache_read_mtok),
      output: baseOf(mp.output_mtok),
      contextWindow: result.model.context_window ?? null,
      maxOutputTokens: maxOutputTokensFor(result.model.id) ?? maxOutputTokensFor(asWritten),
      source: DATASET_SOURCE,
      date: GENAI_PRICES_DATE,
    };
    const tiers = mergeTiers(mp.input_mtok, mp.output_mtok);
    if (tiers.length) price.tiers = tiers;
    return { price, status: keys.length === 0 ? 'free' : 'priced' };
  }
}

/** USD 0 per token: the cost of a self-hosted model is its hardware, which the code does not show. */
function selfHosted(model: string): ModelPrice {
  return { provider: 'self-hosted', model, input: 0, cachedInput: null, output: 0, contextWindow: null,
    maxOutputTokens: null, source: 'self-hosted model server: no per-token price', date: '' };
}

function datasetProvider(id: string): Provider | undefined {
  return findProvider({ providerId: id });
}

/** Dataset ids that are real model names (the dataset also holds match stems such as `ft:gpt-3.5-turbo-`). */
function isUsableId(id: string): boolean {
  return /^[a-z0-9][\w.-]*[a-z0-9]$/i.test(id) && !id.includes(':');
}

function baseOf(v: PriceValue): number {
  if (v === undefined) return 0;
  return typeof v === 'number' ? v : v.base;
}

function rateAt(v: PriceValue, start: number): number {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  let rate = v.base;
  for (const t of [...v.tiers].sort((a, b) => a.start - b.start)) if (start >= t.start) rate = t.price;
  return rate;
}

/** One tier list for input and output: every start where either price changes, with both prices from there on. */
function mergeTiers(input: PriceValue, output: PriceValue): NonNullable<ModelPrice['tiers']> {
  const starts = new Set<number>();
  for (const v of [input, output]) if (v && typeof v === 'object') for (const t of v.tiers) starts.add(t.start);
  return [...starts]
    .sort((a, b) => a - b)
    .map((start) => ({ startTokens: start, input: rateAt(input, start), output: rateAt(output, start) }));
}
