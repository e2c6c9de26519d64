// A rule is metadata plus a check over one analysed file (ESLint's shape): one file per rule, file name = rule id.

import type { ResolvedConfig } from '../config/types';
import type { CallCost, Finding, LanguageId, LlmCall, ModelPrice, Prompt, PromptTokens, Severity } from '../types';

export interface RuleMeta {
  id: string;
  /** One sentence, shown in SARIF `rules[]`, docs and hovers. */
  description: string;
  defaultSeverity: Severity;
  /** true when the rule offers a fix that is safe for fix-all. */
  fixable: boolean;
  /** Relative docs page, `docs/rules/<id>.md`. */
  docs: string;
}

/** Everything a rule may read about one file. Read-only. */
export interface RuleContext {
  path: string;
  language: LanguageId;
  text: string;
  config: ResolvedConfig;
  calls: readonly LlmCall[];
  prompts: readonly Prompt[];
  promptTokens: ReadonlyMap<string, PromptTokens>;
  costs: ReadonlyMap<string, CallCost>;
  /** USD for one call of this many input and output tokens at this price. */
  callCost(price: ModelPrice, inputTokens: number, outputTokens: number): number;
  /** Counts tokens of a text for a model (exactness as the tokens module decides). */
  countTokens(text: string, model: string | null, provider: LlmCall['provider']): number;
  /** Whether the call's model is priced, free, priced per unit other than tokens, or unknown. */
  priceStatus(call: LlmCall): 'priced' | 'free' | 'not-token-priced' | 'unknown';
  /** The nearest known model names for an unknown one. */
  suggestModels(call: LlmCall): string[];
  /** Monthly budget in USD for one file (`budgets.perFile`), or null. */
  fileBudget: number | null;
  /** Adds a finding; severity defaults to the configured one for this rule. */
  report(finding: Omit<Finding, 'ruleId' | 'severity'> & { severity?: Severity }): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}
