// Per-file settings from the config's globs: calls per month, ignored files, file budgets. Globs are relative to
// `config.root` and use '/' on every platform; a glob without '/' matches a file name at any depth (`*.test.ts`).

import picomatch from 'picomatch';
import type { CallsPerMonthSource } from '../types';
import type { ResolvedConfig } from './types';
import { originOf } from './defaults';

type Matcher = (path: string) => boolean;

interface CompiledGlobs {
  paths: Matcher[];
  ignore: Matcher[];
}

// Compiled globs per config object: a memo of a pure function of an immutable input, invisible to callers
// (re-analysing a file calls these for every LLM call; compiling a glob costs far more than matching it).
const compiled = new WeakMap<ResolvedConfig, CompiledGlobs>();

function globsOf(config: ResolvedConfig): CompiledGlobs {
  let c = compiled.get(config);
  if (!c) {
    const make = (glob: string): Matcher => {
      try {
        return picomatch(glob.replace(/^\.\//, ''), { dot: true, basename: !glob.includes('/') });
      } catch {
        return () => false; // an unparsable glob matches nothing
      }
    };
    c = { paths: config.paths.map((p) => make(p.glob)), ignore: config.ignore.map(make) };
    compiled.set(config, c);
  }
  return c;
}

/** The path as globs see it: relative to the root when inside it, '/' separators, no leading './'. */
export function configRelativePath(config: ResolvedConfig, filePath: string): string {
  let p = filePath.replace(/\\/g, '/');
  const root = config.root;
  if (root) {
    const windows = /^[a-z]:/i.test(root);
    const head = windows ? p.slice(0, root.length).toLowerCase() : p.slice(0, root.length);
    const want = windows ? root.toLowerCase() : root;
    if (head === want && (p.length === root.length || p[root.length] === '/' || root.endsWith('/'))) {
      p = p.slice(root.length).replace(/^\/+/, '');
    }
  }
  return p.replace(/^(?:\.\/)+/, '');
}

/** Calls per month for a call in `filePath`: the call's annotation, else the last matching `paths` rule, else the default. */
export function callsPerMonthFor(
  config: ResolvedConfig,
  filePath: string,
  annotation?: number,
): { callsPerMonth: number; source: CallsPerMonthSource } {
  if (typeof annotation === 'number' && Number.isFinite(annotation) && annotation >= 0) {
    return { callsPerMonth: annotation, source: { kind: 'annotation', detail: '"prompt-cost:" comment on the call' } };
  }
  const rel = configRelativePath(config, filePath);
  const matchers = globsOf(config).paths;
  for (let i = config.paths.length - 1; i >= 0; i--) {
    const rule = config.paths[i];
    if (rule.callsPerMonth !== undefined && matchers[i](rel)) {
      return { callsPerMonth: rule.callsPerMonth, source: { kind: 'path', detail: `"${rule.glob}" in ${originOf(config, 'paths')}` } };
    }
  }
  return { callsPerMonth: config.callsPerMonth, source: { kind: 'default', detail: originOf(config, 'callsPerMonth') } };
}

/** true when the file matches an `ignore` glob. */
export function isIgnored(config: ResolvedConfig, filePath: string): boolean {
  if (!config.ignore.length) return false;
  const rel = configRelativePath(config, filePath);
  return globsOf(config).ignore.some((m) => m(rel));
}

/** The monthly budget in USD for one file: the last matching `paths` rule with `maxMonthlyCost`, else `budgets.perFile`. */
export function fileBudget(config: ResolvedConfig, filePath: string): number | null {
  return fileBudgetDetail(config, filePath)?.maxMonthlyCost ?? null;
}

/** `fileBudget` with where the figure came from (for hovers and messages). */
export function fileBudgetDetail(config: ResolvedConfig, filePath: string): { maxMonthlyCost: number; source: string } | null {
  const rel = configRelativePath(config, filePath);
  const matchers = globsOf(config).paths;
  for (let i = config.paths.length - 1; i >= 0; i--) {
    const rule = config.paths[i];
    if (rule.maxMonthlyCost !== undefined && matchers[i](rel)) {
      return { maxMonthlyCost: rule.maxMonthlyCost, source: `"${rule.glob}" in ${originOf(config, 'paths')}` };
    }
  }
  if (config.budgets.perFile !== null) return { maxMonthlyCost: config.budgets.perFile, source: originOf(config, 'budgets') };
  return null;
}
