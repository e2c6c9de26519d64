// The `promptCost.*` settings: their defaults and normalisation, kept free of `vscode` so a unit test can hold
// package.json's `contributes.configuration` and these defaults in step.

import type { PriceOverride, PromptCostConfigFile, RuleSetting } from '../core/config/types';

export type InlineTokensMode = 'inlayHint' | 'endOfLine' | 'off';

/** What the extension itself (not the engine) reads from settings. */
export interface EditorSettings {
  enable: boolean;
  languages: string[];
  analysisDelay: number;
  maxFileBytes: number;
  minifiedLineLength: number;
  scanMaxFiles: number;
  display: {
    codeLens: boolean;
    hover: boolean;
    statusBar: boolean;
    inlineTokens: InlineTokensMode;
    inlineTokensWhileTyping: boolean;
  };
}

/**
 * Every contributed setting with its default, by full key. Engine-side values that users do not set come from the
 * engine's own defaults (the settings layer only carries what the user wrote), so these are the same numbers.
 */
export const SETTING_DEFAULTS = {
  'promptCost.enable': true,
  'promptCost.languages': ['python', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact'],
  'promptCost.callsPerMonth': 1000,
  'promptCost.expectedOutputTokens': 500,
  'promptCost.placeholderTokens': 50,
  'promptCost.defaultOutputCap': 1024,
  'promptCost.prices': {},
  'promptCost.modelAliases': {},
  'promptCost.rules': {},
  'promptCost.budgets': {},
  'promptCost.ignore': [],
  'promptCost.maxFileBytes': 1_000_000,
  'promptCost.minifiedLineLength': 1000,
  'promptCost.analysisDelay': 250,
  'promptCost.scan.maxFiles': 5000,
  'promptCost.display.codeLens': true,
  'promptCost.display.hover': true,
  'promptCost.display.statusBar': true,
  'promptCost.display.inlineTokens': 'inlayHint',
  'promptCost.display.inlineTokensWhileTyping': true,
} as const;

export type SettingKey = keyof typeof SETTING_DEFAULTS;

/** Settings that form the engine's configuration layer (below `.promptcost.json`), by config-file field. */
export const CONFIG_LAYER_KEYS = {
  callsPerMonth: 'promptCost.callsPerMonth',
  expectedOutputTokens: 'promptCost.expectedOutputTokens',
  placeholderTokens: 'promptCost.placeholderTokens',
  defaultOutputCap: 'promptCost.defaultOutputCap',
  prices: 'promptCost.prices',
  modelAliases: 'promptCost.modelAliases',
  rules: 'promptCost.rules',
  budgets: 'promptCost.budgets',
  ignore: 'promptCost.ignore',
  maxFileBytes: 'promptCost.maxFileBytes',
} as const satisfies Partial<Record<keyof PromptCostConfigFile, SettingKey>>;

const RULE_SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'info', 'hint', 'off'];
const INLINE_MODES: readonly InlineTokensMode[] = ['inlayHint', 'endOfLine', 'off'];

/** Reads one raw value; `get(key)` returns undefined when unset. */
export type RawSettings = (key: SettingKey) => unknown;

function positive(v: unknown, fallback: number, integer = true): number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? (integer ? Math.round(v) : v) : fallback;
}

function nonNegative(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.round(v) : fallback;
}

function bool(v: unknown, fallback: boolean): boolean {
  return typeof v === 'boolean' ? v : fallback;
}

function stringList(v: unknown, fallback: readonly string[]): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.length > 0) : [...fallback];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The extension's own settings, each raw value normalised with a fallback to its default. */
export function readEditorSettings(get: RawSettings): EditorSettings {
  const d = SETTING_DEFAULTS;
  const inline = get('promptCost.display.inlineTokens');
  return {
    enable: bool(get('promptCost.enable'), d['promptCost.enable']),
    languages: stringList(get('promptCost.languages'), d['promptCost.languages']),
    analysisDelay: nonNegative(get('promptCost.analysisDelay'), d['promptCost.analysisDelay']),
    maxFileBytes: positive(get('promptCost.maxFileBytes'), d['promptCost.maxFileBytes']),
    minifiedLineLength: positive(get('promptCost.minifiedLineLength'), d['promptCost.minifiedLineLength']),
    scanMaxFiles: positive(get('promptCost.scan.maxFiles'), d['promptCost.scan.maxFiles']),
    display: {
      codeLens: bool(get('promptCost.display.codeLens'), d['promptCost.display.codeLens']),
      hover: bool(get('promptCost.display.hover'), d['promptCost.display.hover']),
      statusBar: bool(get('promptCost.display.statusBar'), d['promptCost.display.statusBar']),
      inlineTokens: INLINE_MODES.includes(inline as InlineTokensMode)
        ? (inline as InlineTokensMode) : d['promptCost.display.inlineTokens'],
      inlineTokensWhileTyping: bool(get('promptCost.display.inlineTokensWhileTyping'),
        d['promptCost.display.inlineTokensWhileTyping']),
    },
  };
}

function priceOverrides(v: unknown): Record<string, PriceOverride> | undefined {
  if (!isRecord(v)) return undefined;
  const out: Record<string, PriceOverride> = {};
  for (const [model, p] of Object.entries(v)) {
    if (!isRecord(p) || typeof p.input !== 'number' || typeof p.output !== 'number') continue;
    if (!(p.input >= 0 && p.output >= 0)) continue;
    const o: PriceOverride = { input: p.input, output: p.output };
    if (typeof p.cachedInput === 'number' && p.cachedInput >= 0) o.cachedInput = p.cachedInput;
    if (typeof p.contextWindow === 'number' && p.contextWindow > 0) o.contextWindow = p.contextWindow;
    if (typeof p.maxOutputTokens === 'number' && p.maxOutputTokens > 0) o.maxOutputTokens = p.maxOutputTokens;
    out[model] = o;
  }
  return out;
}

function stringMap(v: unknown): Record<string, string> | undefined {
  if (!isRecord(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, s] of Object.entries(v)) if (typeof s === 'string' && s) out[k] = s;
  return out;
}

function ruleSettings(v: unknown): Record<string, RuleSetting> | undefined {
  if (!isRecord(v)) return undefined;
  const out: Record<string, RuleSetting> = {};
  for (const [k, s] of Object.entries(v)) if (RULE_SETTINGS.includes(s as RuleSetting)) out[k] = s as RuleSetting;
  return out;
}

function budgets(v: unknown): PromptCostConfigFile['budgets'] | undefined {
  if (!isRecord(v)) return undefined;
  const out: NonNullable<PromptCostConfigFile['budgets']> = {};
  for (const k of ['monthly', 'perFile', 'perCall'] as const) {
    const n = v[k];
    if (typeof n === 'number' && Number.isFinite(n) && n >= 0) out[k] = n;
  }
  return out;
}

/**
 * The settings layer of the engine configuration: only the values the user set (`explicit(key)` returns
 * undefined otherwise), so the engine's defaults and `.promptcost.json` keep their documented precedence and
 * hovers can say where each figure came from. Invalid values are dropped, never passed on.
 */
export function settingsConfigLayer(explicit: RawSettings): PromptCostConfigFile {
  const layer: PromptCostConfigFile = {};
  const num = (key: SettingKey, min: number): number | undefined => {
    const v = explicit(key);
    return typeof v === 'number' && Number.isFinite(v) && v >= min ? v : undefined;
  };
  const assign = <K extends keyof PromptCostConfigFile>(k: K, v: PromptCostConfigFile[K] | undefined) => {
    if (v !== undefined) layer[k] = v;
  };
  assign('callsPerMonth', num(CONFIG_LAYER_KEYS.callsPerMonth, 0));
  assign('expectedOutputTokens', num(CONFIG_LAYER_KEYS.expectedOutputTokens, 0));
  assign('placeholderTokens', num(CONFIG_LAYER_KEYS.placeholderTokens, 0));
  const cap = num(CONFIG_LAYER_KEYS.defaultOutputCap, 1);
  assign('defaultOutputCap', cap === undefined ? undefined : Math.round(cap));
  const maxBytes = num(CONFIG_LAYER_KEYS.maxFileBytes, 1);
  assign('maxFileBytes', maxBytes === undefined ? undefined : Math.round(maxBytes));
  assign('prices', priceOverrides(explicit(CONFIG_LAYER_KEYS.prices)));
  assign('modelAliases', stringMap(explicit(CONFIG_LAYER_KEYS.modelAliases)));
  assign('rules', ruleSettings(explicit(CONFIG_LAYER_KEYS.rules)));
  assign('budgets', budgets(explicit(CONFIG_LAYER_KEYS.budgets)));
  const ignore = explicit(CONFIG_LAYER_KEYS.ignore);
  if (Array.isArray(ignore)) assign('ignore', stringList(ignore, []));
  return layer;
}

/** A heuristic for generated/minified code: long, and lines far longer than anyone writes by hand. */
export function looksMinified(text: string, minifiedLineLength: number): boolean {
  if (text.length < 20_000) return false;
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return text.length / lines > minifiedLineLength;
}
