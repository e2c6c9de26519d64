// Totals over a scan: what the summary lines, the JSON `summary` and the SARIF run properties report.

import type { FileResult, Severity } from '../types';
import { roundUsd } from './numbers';
import type { ModelTotals, ScanSummary } from './types';
import { compareText } from './views';

export const UNRESOLVED_MODEL = '(unresolved)';

export function summarize(results: readonly FileResult[]): ScanSummary {
  const byModel: Record<string, ModelTotals> = {};
  const findings: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let files = 0;
  let skipped = 0;
  let calls = 0;
  let monthlyCost = 0;
  let worstCaseMonthlyCost = 0;
  let unpriced = 0;
  for (const r of results) {
    if (r.skipped !== undefined) {
      skipped++;
      continue;
    }
    files++;
    for (const f of r.findings) findings[f.severity]++;
    const costs = new Map(r.costs.map((c) => [c.callId, c]));
    for (const call of r.calls) {
      calls++;
      const cost = costs.get(call.id);
      const key = call.model ?? UNRESOLVED_MODEL;
      const totals = (byModel[key] ??= { calls: 0, monthlyCost: 0, unpriced: 0 });
      totals.calls++;
      if (cost?.monthlyCost === null || cost?.monthlyCost === undefined) {
        unpriced++;
        totals.unpriced++;
        continue;
      }
      monthlyCost += cost.monthlyCost;
      totals.monthlyCost += cost.monthlyCost;
      worstCaseMonthlyCost += cost.worstCaseMonthlyCost ?? cost.monthlyCost;
    }
  }
  for (const t of Object.values(byModel)) t.monthlyCost = roundUsd(t.monthlyCost);
  return {
    files,
    skipped,
    calls,
    monthlyCost: roundUsd(monthlyCost),
    worstCaseMonthlyCost: roundUsd(worstCaseMonthlyCost),
    unpriced,
    byModel: sortedByCost(byModel),
    findings,
  };
}

/** Same entries, most expensive first (then by name), so every format lists them in one order. */
function sortedByCost(byModel: Record<string, ModelTotals>): Record<string, ModelTotals> {
  const entries = Object.entries(byModel).sort(
    ([a, x], [b, y]) => y.monthlyCost - x.monthlyCost || y.calls - x.calls || compareText(a, b),
  );
  return Object.fromEntries(entries);
}
