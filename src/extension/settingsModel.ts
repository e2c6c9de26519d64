// The `promptCost.*` settings: their defaults and normalisation, kept free of `vscode` so a unit test can hold
// package.json's `contributes.configuration` and these defaults in step.

import type { ConfigLayer } from '../core/config/load';
import type { PromptCostConfigFile } from '../core/config/types';
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
  };
}

/**
 * The settings layers of the engine configuration, one per setting the user set (unset ones are left to the
 * engine's defaults, so `.promptcost.json` keeps its precedence and hovers can name the setting a figure came
 * from). Values are checked by the same validator as `.promptcost.json`; invalid ones are dropped and reported.
 */
export function settingsConfigLayers(explicit: RawSettings): { layers: ConfigLayer[]; problems: string[] } {
  const layers: ConfigLayer[] = [];
  const problems: string[] = [];
  for (const [field, key] of Object.entries(CONFIG_LAYER_KEYS) as [keyof PromptCostConfigFile, SettingKey][]) {
    const v = explicit(key);
    if (v === undefined || v === null) continue;
    const checked = validateConfig({ [field]: v as JsonValue });
    for (const p of checked.problems) problems.push(`${key}: ${p.message.replace(/`\.?/, '`')}`);
    if (checked.config[field] !== undefined) layers.push({ values: checked.config, origin: `setting ${key}` });
  }
  return { layers, problems };
}
