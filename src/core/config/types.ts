// The project configuration (`.promptcost.json`, JSON only) and the resolved options the engine runs with.
// The extension merges VS Code settings under the file; the CLI merges flags over it. Same engine, same meaning.

import type { Severity } from '../types';

export type RuleSetting = Severity | 'off';

export interface PriceOverride {
  /** USD per million input tokens. */
  input: number;
  /** USD per million output tokens. */
  output: number;
  /** USD per million cached input tokens. */
  cachedInput?: number;
  contextWindow?: number;
  maxOutputTokens?: number;
}

export interface PathRule {
  /** Glob relative to the config file's folder, e.g. `src/jobs/**`. */
  glob: string;
  callsPerMonth?: number;
  /** Monthly budget in USD for all calls in the matching files. */
  maxMonthlyCost?: number;
}

/** Settings of the local prompt compression and of the compressible-prompt rule. */
export interface CompressionSettings {
  /** `safe` (default) or `aggressive`. */
  level?: 'safe' | 'aggressive';
  /** The compressible-prompt rule flags a prompt when compression saves more than this share of its tokens (0-1). */
  minSavingShare?: number;
  /** …and at least this many tokens. */
  minSavedTokens?: number;
  /** Passes turned off: `whitespace`, `markdown`, `json`, `filler`, `wordy`, `duplicates`. */
  disabledPasses?: string[];
}

/** The file as users write it; every field optional. */
export interface PromptCostConfigFile {
  $schema?: string;
  callsPerMonth?: number;
  expectedOutputTokens?: number;
  placeholderTokens?: number;
  /** The value the missing-output-cap fix inserts. */
  defaultOutputCap?: number;
  paths?: PathRule[];
  budgets?: {
    /** USD per month for the whole scan. */
    monthly?: number;
    /** USD per month for one file. */
    perFile?: number;
    /** USD per month for one call. */
    perCall?: number;
  };
  prices?: Record<string, PriceOverride>;
  /** Deployment or alias names to the model they serve, e.g. `{"my-gpt4o-deployment": "gpt-4o"}`. */
  modelAliases?: Record<string, string>;
  rules?: Record<string, RuleSetting>;
  /** Globs of files never analysed. */
  ignore?: string[];
  /** Files above this size (bytes) are skipped with a notice. */
  maxFileBytes?: number;
  compression?: CompressionSettings;
}

/** What the engine runs with: every field set. */
export interface ResolvedConfig {
  callsPerMonth: number;
  expectedOutputTokens: number;
  placeholderTokens: number;
  defaultOutputCap: number;
  paths: PathRule[];
  budgets: { monthly: number | null; perFile: number | null; perCall: number | null };
  prices: Record<string, PriceOverride>;
  /** Where `prices` came from, for the price's `source` (e.g. `.promptcost.json`). */
  pricesSource: string;
  modelAliases: Record<string, string>;
  rules: Record<string, RuleSetting>;
  ignore: string[];
  maxFileBytes: number;
  compression: Required<CompressionSettings>;
  /** Folder the globs in `paths` and `ignore` are relative to (absolute path, '/' separators), or '' for none. */
  root: string;
  /** Where each value came from, shown in hovers: e.g. `{ callsPerMonth: '.promptcost.json' }`. */
  origins: Partial<Record<keyof PromptCostConfigFile, string>>;
}
