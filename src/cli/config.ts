// Finds and loads the project config for a scan: `--config FILE`, else the nearest `.promptcost.json` upward from
// the scanned paths' common folder (which is the current folder for `scan .`); command-line flags override it. Any problem with the file is a ConfigError (exit code 2):
// a scan must never run with a configuration the user did not mean.

import * as fs from 'fs';
import * as path from 'path';
import { parseConfigFile, resolveConfig, type ConfigLayer } from '../core/config/load';
import type { ResolvedConfig } from '../core/config/types';
import { errorMessage } from './readSource';
import { toPosix } from './discover';

export const CONFIG_FILE_NAME = '.promptcost.json';

export class ConfigError extends Error {}

export interface LoadedConfig {
  config: ResolvedConfig;
  /** Absolute path of the file used, if any. */
  file?: string;
  /** How reports name the file (its path relative to the current folder). */
  source: string;
}

export interface ConfigFlags {
  config?: string;
  callsPerMonth?: number;
}

export function findConfigFile(cwd: string): string | undefined {
  let dir = path.resolve(cwd);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** The deepest folder containing every scanned path (`scan examples` looks for examples/.promptcost.json first). */
export function commonFolder(cwd: string, paths: readonly string[]): string {
  if (!paths.length) return cwd;
  const dirs = paths.map((p) => {
    const abs = path.resolve(cwd, p);
    return fs.existsSync(abs) && fs.statSync(abs).isFile() ? path.dirname(abs) : abs;
  });
  let common = dirs[0];
  while (!dirs.every((d) => d === common || d.startsWith(common.endsWith(path.sep) ? common : common + path.sep))) {
    const up = path.dirname(common);
    if (up === common) break;
    common = up;
  }
  return common;
}

export function loadConfig(flags: ConfigFlags, cwd: string, scanned: readonly string[] = []): LoadedConfig {
  const file = flags.config ? path.resolve(cwd, flags.config) : findConfigFile(commonFolder(cwd, scanned));
  const layers: ConfigLayer[] = [];
  let source = '(defaults)';
  if (file) {
    const rel = toPosix(path.relative(cwd, file));
    source = rel.startsWith('../../') ? toPosix(file) : rel || CONFIG_FILE_NAME;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      throw new ConfigError(`Cannot read config file ${source}: ${errorMessage(e)}`);
    }
    // Errors come as `<source>:<line>:<column>: <problem>`.
    const parsed = parseConfigFile(text, source);
    if (parsed.errors.length > 0) {
      throw new ConfigError(`Invalid configuration, nothing was scanned:\n${parsed.errors.map((e) => `  ${e}`).join('\n')}`);
    }
    layers.push({ values: parsed.config, origin: source });
  }
  if (flags.callsPerMonth !== undefined) {
    layers.push({ values: { callsPerMonth: flags.callsPerMonth }, origin: '--calls-per-month' });
  }
  const config = resolveConfig(layers, file ? toPosix(path.dirname(file)) : '');
  return { config, file, source };
}
