// The project configuration: `.promptcost.json` parsing and checking, layer merging, per-file lookups, annotations.
export { DEFAULTS, DEFAULT_ORIGIN, originOf } from './defaults';
export { parseConfigFile, resolveConfig, type ConfigLayer } from './load';
export { callsPerMonthFor, isIgnored, fileBudget, fileBudgetDetail, configRelativePath } from './paths';
export { parseCallsAnnotation, PER_MONTH } from './annotation';
export { validateConfig, TOP_LEVEL_KEYS, type ConfigProblem } from './validate';
export type * from './types';
