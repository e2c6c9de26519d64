// No output cap: output tokens are the most expensive ones, and without a cap the model may use its maximum.

import { capInsertionText } from '../detectors/insertion';
import type { Rule } from './types';
import { int, usd } from './format';

// Reasoning tokens count against the cap: a small cap can leave no room for the answer.
const REASONING_MODEL = /^(o[1-9]|gpt-5|claude-(opus|sonnet)-4|claude-3-7|gemini-2\.5|gemini-3|deepseek-r|.*-thinking)/i;
const REASONING_MIN_CAP = 4096;

export const missingOutputCap: Rule = {
  meta: {
    id: 'missing-output-cap',
    description: 'An LLM call sets no output-token cap, so every call may bill up to the model\'s maximum output.',
    defaultSeverity: 'warning',
    fixable: true,
    docs: 'docs/rules/missing-output-cap.md',
  },
  check(ctx) {
    for (const call of ctx.calls) {
      if (call.outputCap || (call.kind !== 'chat' && call.kind !== 'completion')) continue;
      if (call.options.opaqueArgs) continue; // `**kwargs` / `...opts` may carry the cap
      const cost = ctx.costs.get(call.id);
      if (!cost) continue;
      if (cost.price && cost.price.input === 0 && cost.price.output === 0) continue; // self-hosted: no dollars at stake
      const param = call.capInsertion?.param ?? 'max_tokens';
      const bare = (call.model ?? '').replace(/^.*\//, '');
      const reasoning = REASONING_MODEL.test(bare);
      const capValue = reasoning ? Math.max(ctx.config.defaultOutputCap, REASONING_MIN_CAP) : ctx.config.defaultOutputCap;
      const worst = cost.worstCaseOutputTokens;
      const perMonth = `${int(cost.callsPerMonth)} calls/month`;
      let message: string;
      let saving: number | null = null;
      if (cost.worstCaseMonthlyCost !== null && cost.monthlyCost !== null && cost.price) {
        const cappedWorst = ctx.callCost(cost.price, cost.inputTokens, Math.min(worst, capValue)) * cost.callsPerMonth;
        saving = Math.max(0, cost.worstCaseMonthlyCost - cappedWorst);
        message = `No output cap: worst case ${int(worst)} output tokens × ${perMonth} ≈ ${usd(cost.worstCaseMonthlyCost)}/month; ` +
          `expected ≈ ${usd(cost.monthlyCost)}. Set \`${param}\`.`;
      } else {
        message = `No output cap: up to ${int(worst)} output tokens per call × ${perMonth} (price unknown). Set \`${param}\`.`;
      }
      if (call.sdk === 'anthropic' && call.api.includes('messages')) message += ' Anthropic rejects Messages calls without max_tokens.';
      const fixes = call.capInsertion ? [{
        title: `Add ${param}=${capValue}${reasoning ? ' (reasoning model: room for thinking tokens)' : ''}`,
        kind: 'quickfix' as const,
        safe: true,
        edits: [{ span: { start: call.capInsertion.offset, end: call.capInsertion.offset }, newText: capInsertionText(call.capInsertion, capValue) }],
      }] : [];
      ctx.report({ message, span: call.nameSpan, callId: call.id, monthlySaving: saving, fixes,
        data: { param, worstCaseOutputTokens: worst, capValue } });
    }
  },
};
