// Monthly budgets from the config file: per call and per file (and per path glob).

import type { Rule } from './types';
import { usd } from './format';

export const overBudget: Rule = {
  meta: {
    id: 'over-budget',
    description: 'A call or a file is projected to cost more per month than its budget in .promptcost.json.',
    defaultSeverity: 'error',
    fixable: false,
    docs: 'docs/rules/over-budget.md',
  },
  check(ctx) {
    const perCall = ctx.config.budgets.perCall;
    let fileTotal = 0;
    let top: { id: string; cost: number } | null = null;
    for (const call of ctx.calls) {
      const monthly = ctx.costs.get(call.id)?.monthlyCost;
      if (monthly == null) continue;
      fileTotal += monthly;
      if (!top || monthly > top.cost) top = { id: call.id, cost: monthly };
      if (perCall !== null && monthly > perCall) {
        ctx.report({
          message: `Over budget: this call is projected at ${usd(monthly)}/month, above the per-call budget of ${usd(perCall)}.`,
          span: call.nameSpan, callId: call.id, monthlySaving: monthly - perCall, fixes: [],
          data: { monthly, budget: perCall, scope: 'call' },
        });
      }
    }
    const fileBudget = ctx.fileBudget;
    if (fileBudget !== null && top && fileTotal > fileBudget) {
      const call = ctx.calls.find((c) => c.id === top!.id)!;
      ctx.report({
        message: `Over budget: this file's calls are projected at ${usd(fileTotal)}/month, above its budget of ${usd(fileBudget)} ` +
          `(the most expensive call is here).`,
        span: call.nameSpan, callId: call.id, monthlySaving: fileTotal - fileBudget, fixes: [],
        data: { monthly: fileTotal, budget: fileBudget, scope: 'file' },
      });
    }
  },
};
