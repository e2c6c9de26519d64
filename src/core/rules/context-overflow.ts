// The prompt plus the requested output does not fit the model's context window, or the cap exceeds what the
// model can output: the API rejects such calls (or truncates the prompt silently with some wrappers).

import type { Rule } from './types';
import { int } from './format';

export const contextOverflow: Rule = {
  meta: {
    id: 'context-overflow',
    description: 'Prompt tokens plus the output cap exceed the model\'s context window, or the cap exceeds its maximum output.',
    defaultSeverity: 'error',
    fixable: false,
    docs: 'docs/rules/context-overflow.md',
  },
  check(ctx) {
    for (const call of ctx.calls) {
      const cost = ctx.costs.get(call.id);
      const price = cost?.price;
      if (!cost || !price) continue;
      const cap = call.outputCap?.value ?? null;
      if (cap !== null && price.maxOutputTokens && cap > price.maxOutputTokens) {
        ctx.report({
          message: `\`${call.outputCap!.param}\` is ${int(cap)} but ${price.model} outputs at most ${int(price.maxOutputTokens)} tokens: the API rejects this call.`,
          span: call.outputCap!.span, callId: call.id, monthlySaving: null, fixes: [],
          data: { cap, maxOutputTokens: price.maxOutputTokens },
        });
      }
      if (!price.contextWindow) continue;
      const needed = cost.inputTokens + (cap ?? 0);
      if (needed > price.contextWindow) {
        ctx.report({
          message: `About ${int(cost.inputTokens)} prompt tokens${cap ? ` + ${int(cap)} output` : ''} exceed ${price.model}'s ` +
            `${int(price.contextWindow)}-token context window.`,
          span: call.nameSpan, callId: call.id, monthlySaving: null, fixes: [],
          data: { inputTokens: cost.inputTokens, contextWindow: price.contextWindow },
        });
      }
    }
  },
};
