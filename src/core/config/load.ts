// Reading `.promptcost.json` text into a config layer, and merging layers into what the engine runs with.
// Order of precedence (later wins): defaults < VS Code settings < .promptcost.json < CLI flags.

import type { PromptCostConfigFile, ResolvedConfig } from './types';
import { DEFAULTS } from './defaults';
import { lineColumn, parseJsonWithPositions } from './jsonWithPositions';
import { validateConfig } from './validate';

// The per-file lookups live in paths.ts; offered here too so one import serves the engine.
export { callsPerMonthFor, fileBudget, fileBudgetDetail, isIgnored } from './paths';
export { originOf } from './defaults';

export interface ConfigLayer {
  values: PromptCostConfigFile;
  /** Shown as where a value came from: `setting promptCost.callsPerMonth`, `.promptcost.json`, `--calls-per-month`. */
  origin: string;
}

/**
 * Parses and checks a config file. Never throws: syntax errors come with line:column, wrong values with their JSON
 * path; what is wrong is dropped and what is valid is kept (a file that does not parse yields `{}`).
 */
export function parseConfigFile(text: string, fileName: string): { config: PromptCostConfigFile; errors: string[] } {
  const parsed = parseJsonWithPositions(text);
  if (!parsed.ok) {
    const { line, column } = lineColumn(text, parsed.offset);
    return { config: {}, errors: [`${fileName}:${line}:${column}: invalid JSON: ${parsed.message}`] };
  }
  const { config, problems } = validateConfig(parsed.value);
  const errors = problems.map((p) => {
    const offset = (p.atKey ? parsed.positions.get(`${p.path}#key`) : undefined) ?? parsed.positions.get(p.path) ?? 0;
    const { line, column } = lineColumn(text, offset);
    return `${fileName}:${line}:${column}: ${p.message}`;
  });
  return { config, errors };
}

/** Merges layers over the defaults. Scalars: last layer wins. `paths` and `ignore`: concatenated in layer order (so a
 * later layer's path rule wins where globs overlap). `prices`, `modelAliases`, `rules`, `budgets`: merged by key. */
export function resolveConfig(layers: readonly ConfigLayer[], root: string): ResolvedConfig {
  const config: ResolvedConfig = {
    callsPerMonth: DEFAULTS.callsPerMonth,
    expectedOutputTokens: DEFAULTS.expectedOutputTokens,
    placeholderTokens: DEFAULTS.placeholderTokens,
    defaultOutputCap: DEFAULTS.defaultOutputCap,
    paths: [],
    budgets: { ...DEFAULTS.budgets },
    prices: {},
    pricesSource: '',
    modelAliases: {},
    rules: {},
    ignore: [],
    maxFileBytes: DEFAULTS.maxFileBytes,
    compression: { ...DEFAULTS.compression, disabledPasses: [...DEFAULTS.compression.disabledPasses] },
    root: normaliseRoot(root),
    origins: {},
  };
  const priceOrigins: string[] = [];
  for (const { values, origin } of layers) {
    if (!values) continue;
    const set = <K extends keyof PromptCostConfigFile>(key: K) => {
      config.origins[key] = origin;
    };
    for (const key of ['callsPerMonth', 'expectedOutputTokens', 'placeholderTokens', 'defaultOutputCap', 'maxFileBytes'] as const) {
      const v = values[key];
      if (typeof v === 'number' && Number.isFinite(v)) {
        config[key] = v;
        set(key);
      }
    }
    if (values.paths?.length) {
      config.paths.push(...values.paths.map((p) => ({ ...p })));
      set('paths');
    }
    if (values.ignore?.length) {
      config.ignore.push(...values.ignore);
      set('ignore');
    }
    if (values.budgets) {
      for (const k of ['monthly', 'perFile', 'perCall'] as const) {
        const v = values.budgets[k];
        if (typeof v === 'number') config.budgets[k] = v;
      }
      set('budgets');
    }
    if (values.prices && Object.keys(values.prices).length) {
      Object.assign(config.prices, values.prices);
      if (!priceOrigins.includes(origin)) priceOrigins.push(origin);
      set('prices');
    }
    if (values.modelAliases && Object.keys(values.modelAliases).length) {
      Object.assign(config.modelAliases, values.modelAliases);
      set('modelAliases');
    }
    if (values.rules && Object.keys(values.rules).length) {
      Object.assign(config.rules, values.rules);
      set('rules');
    }
    if (values.compression) {
      const c = values.compression;
      if (c.level === 'safe' || c.level === 'aggressive') config.compression.level = c.level;
      if (typeof c.minSavingShare === 'number') config.compression.minSavingShare = c.minSavingShare;
      if (typeof c.minSavedTokens === 'number') config.compression.minSavedTokens = c.minSavedTokens;
      if (Array.isArray(c.disabledPasses)) config.compression.disabledPasses = [...c.disabledPasses];
      set('compression');
    }
  }
  config.pricesSource = priceOrigins.join(', ');
  return config;
}

function normaliseRoot(root: string): string {
  const r = root.replace(/\\/g, '/');
  return r.length > 1 ? r.replace(/\/+$/, '') : r;
}
