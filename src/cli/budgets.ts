// Budgets that span files: the scan's total (`--max-monthly-cost`, `budgets.monthly`) and each `paths[]` glob's
// `maxMonthlyCost` over all files it matches. Per-call and per-file budgets are the `over-budget` rule's findings.
// Unpriced calls cannot be added up; they are reported as unpriced elsewhere, never counted as $0 here silently.

import picomatch from 'picomatch';
import type { ResolvedConfig } from '../core/config/types';
import { formatUsd } from '../core/formatters/numbers';
import type { BudgetViolation } from '../core/formatters/types';
import type { FileResult } from '../core/types';
import { configRelativePath } from '../core/config/paths';
import { toPosix } from './discover';

export interface BudgetInput {
  absPath: string;
  result: FileResult;
}

export function checkBudgets(
  files: readonly BudgetInput[],
  config: ResolvedConfig,
  configSource: string,
  maxMonthlyCost: number | undefined,
): BudgetViolation[] {
  const out: BudgetViolation[] = [];
  const total = files.reduce((s, f) => s + f.result.monthlyCost, 0);
  const totals: [number | null | undefined, string][] = [
    [maxMonthlyCost, '--max-monthly-cost'],
    [config.budgets.monthly, `${configSource} budgets.monthly`],
  ];
  for (const [limit, source] of totals) {
    if (limit === null || limit === undefined || !(total > limit)) continue;
    out.push({
      scope: 'total', source, limit, actual: total,
      message: `total ≈ ${formatUsd(total)}/month exceeds ${formatUsd(limit)}/month (${source})`,
    });
  }
  for (const rule of config.paths) {
    if (rule.maxMonthlyCost === undefined) continue;
    // Matched as core/config/paths matches `paths` globs (a glob without '/' matches a file name at any depth).
    const match = picomatch(rule.glob.replace(/^\.\//, ''), { dot: true, basename: !rule.glob.includes('/') });
    const actual = files
      .filter((f) => match(configRelativePath(config, toPosix(f.absPath))))
      .reduce((s, f) => s + f.result.monthlyCost, 0);
    if (!(actual > rule.maxMonthlyCost)) continue;
    const source = `${configSource} paths["${rule.glob}"]`;
    out.push({
      scope: 'path', source, glob: rule.glob, limit: rule.maxMonthlyCost, actual,
      message: `files matching "${rule.glob}" ≈ ${formatUsd(actual)}/month exceed ${formatUsd(rule.maxMonthlyCost)}/month (${source})`,
    });
  }
  return out;
}
