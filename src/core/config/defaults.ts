// The values the engine runs with when neither settings, `.promptcost.json` nor CLI flags say otherwise.

import type { PromptCostConfigFile, ResolvedConfig } from './types';

export const DEFAULTS: Readonly<Omit<ResolvedConfig, 'root' | 'origins'>> = Object.freeze({
  /** A modest production load: about 33 calls a day. */
  callsPerMonth: 1000,
  /** A typical chat answer of a few paragraphs. */
  expectedOutputTokens: 500,
  /** Size assumed for each `{placeholder}` in a prompt. */
  placeholderTokens: 50,
  /** The cap the missing-output-cap fix inserts. */
  defaultOutputCap: 1024,
  paths: [],
  budgets: { monthly: null, perFile: null, perCall: null },
  prices: {},
  pricesSource: '',
  modelAliases: {},
  rules: {},
  ignore: [],
  /** 1 MiB: larger source files are generated or minified, not hand-written prompts. */
  maxFileBytes: 1024 * 1024,
  /** Flag a prompt when the safe level saves 10% and at least 8 tokens. */
  compression: { level: 'safe' as const, minSavingShare: 0.1, minSavedTokens: 8, disabledPasses: [] as string[] },
});

/** Shown as the origin of a value nobody set. */
export const DEFAULT_ORIGIN = 'default';

/** Where a resolved value came from, for hovers (`default` when nobody set it). */
export function originOf(config: ResolvedConfig, key: keyof PromptCostConfigFile): string {
  return config.origins[key] ?? DEFAULT_ORIGIN;
}
