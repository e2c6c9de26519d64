// The `promptCost.*` settings: their defaults and normalisation, kept free of `vscode` so a unit test can hold
// package.json's `contributes.configuration` and these defaults in step.

import type { ConfigLayer } from '../core/config/load';
import type { CompressionSettings, PromptCostConfigFile } from '../core/config/types';
import { validateConfig } from '../core/config/validate';
import type { JsonValue } from '../core/config/jsonWithPositions';

export type InlineTokensMode = 'inlayHint' | 'endOfLine' | 'off';

/** What the extension itself (not the engine) reads from settings. */
export interface EditorSettings {
  enable: boolean;
  languages: string[];
  analysisDelay: number;
  scanMaxFiles: number;
  display: {
    codeLens: boolean;
    hover: boolean;
    statusBar: boolean;
    inlineTokens: InlineTokensMode;
    inlineTokensWhileTyping: boolean;
  };
  /** N in the "Answer in at most N sentences." action. */
  outputLengthSentences: number;
  /** The optional model-assisted rewrite (the API key is not a setting: SecretStorage or the environment). */
  modelRewrite: ModelRewriteSettings;
}

export interface ModelRewriteSettings {
  enabled: boolean;
  baseURL: string;
  model: string;
  timeoutMs: number;
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
  'promptCost.maxFileBytes': 1024 * 1024,
  'promptCost.analysisDelay': 250,
  'promptCost.scan.maxFiles': 5000,
  'promptCost.display.codeLens': true,
  'promptCost.display.hover': true,
  'promptCost.display.statusBar': true,
  'promptCost.display.inlineTokens': 'inlayHint',
  'promptCost.display.inlineTokensWhileTyping': true,
  'promptCost.compression.level': 'safe',
  'promptCost.compression.minSavingShare': 0.1,
  'promptCost.compression.minSavedTokens': 8,
  'promptCost.compression.disabledPasses': [],
  'promptCost.outputLength.sentences': 3,
  'promptCost.modelRewrite.enabled': false,
  'promptCost.modelRewrite.baseURL': 'http://127.0.0.1:11434/v1',
  'promptCost.modelRewrite.model': '',
  'promptCost.modelRewrite.timeoutMs': 30000,
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

/** Settings that form the `compression` section of the engine configuration, one layer each, by field. */
export const COMPRESSION_LAYER_KEYS = {
  level: 'promptCost.compression.level',
  minSavingShare: 'promptCost.compression.minSavingShare',
  minSavedTokens: 'promptCost.compression.minSavedTokens',
  disabledPasses: 'promptCost.compression.disabledPasses',
} as const satisfies Record<keyof CompressionSettings, SettingKey>;

const INLINE_MODES: readonly InlineTokensMode[] = ['inlayHint', 'endOfLine', 'off'];

/** Reads one raw value; `get(key)` returns undefined when unset. */
export type RawSettings = (key: SettingKey) => unknown;

function positive(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.round(v) : fallback;
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

/** The extension's own settings, each raw value normalised with a fallback to its default. */
export function readEditorSettings(get: RawSettings): EditorSettings {
  const d = SETTING_DEFAULTS;
  const inline = get('promptCost.display.inlineTokens');
  return {
    enable: bool(get('promptCost.enable'), d['promptCost.enable']),
    languages: stringList(get('promptCost.languages'), d['promptCost.languages']),
    analysisDelay: nonNegative(get('promptCost.analysisDelay'), d['promptCost.analysisDelay']),
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
    outputLengthSentences: Math.min(positive(get('promptCost.outputLength.sentences'), d['promptCost.outputLength.sentences']), 100),
    modelRewrite: {
      enabled: bool(get('promptCost.modelRewrite.enabled'), d['promptCost.modelRewrite.enabled']),
      baseURL: text(get('promptCost.modelRewrite.baseURL'), d['promptCost.modelRewrite.baseURL']),
      model: text(get('promptCost.modelRewrite.model'), d['promptCost.modelRewrite.model']),
      timeoutMs: positive(get('promptCost.modelRewrite.timeoutMs'), d['promptCost.modelRewrite.timeoutMs']),
    },
  };
}

function text(v: unknown, fallback: string): string {
  return typeof v === 'string' ? v.trim() : fallback;
}

/**
 * The settings layers of the engine configuration, one per setting the user set (unset ones are left to the
 * engine's defaults, so `.promptcost.json` keeps its precedence and hovers can name the setting a figure came
 * from). Values are checked by the same validator as `.promptcost.json`; invalid ones are dropped and reported.
 */
export function settingsConfigLayers(explicit: RawSettings): { layers: ConfigLayer[]; problems: string[] } {
  const layers: ConfigLayer[] = [];
  const problems: string[] = [];
  /** `file` is the setting's value as a config-file fragment; `kept` says whether validation kept it. */
  const add = (key: SettingKey, file: (v: JsonValue) => JsonValue, kept: (c: PromptCostConfigFile) => boolean) => {
    const v = explicit(key);
    if (v === undefined || v === null) return;
    const checked = validateConfig(file(v as JsonValue));
    for (const p of checked.problems) problems.push(`${key}: ${p.message.replace(/`\.?/, '`')}`);
    if (kept(checked.config)) layers.push({ values: checked.config, origin: `setting ${key}` });
  };
  for (const [field, key] of Object.entries(CONFIG_LAYER_KEYS) as [keyof PromptCostConfigFile, SettingKey][]) {
    add(key, (v) => ({ [field]: v }), (c) => c[field] !== undefined);
  }
  for (const [field, key] of Object.entries(COMPRESSION_LAYER_KEYS) as [keyof CompressionSettings, SettingKey][]) {
    add(key, (v) => ({ compression: { [field]: v } }), (c) => c.compression?.[field] !== undefined);
  }
  return { layers, problems };
}
