// A model name the pricing data does not know: its cost cannot be projected (never shown as $0).

import type { Rule } from './types';

export const unknownModel: Rule = {
  meta: {
    id: 'unknown-model',
    description: 'The model is not in the pricing data, so the call cannot be priced; map it or switch to a known model.',
    defaultSeverity: 'warning',
    fixable: false,
    docs: 'docs/rules/unknown-model.md',
  },
  check(ctx) {
    for (const call of ctx.calls) {
      if (!call.model) continue;
      const cost = ctx.costs.get(call.id);
      if (!cost || cost.price || ctx.priceStatus(call) !== 'unknown') continue;
      // Only names that look like a typo or a dated variant of a known one: no guesses for deployment names.
      const bare = call.model.replace(/^.*\//, '').toLowerCase();
      const suggestions = ctx.suggestModels(call).filter((s) => sharedPrefix(bare, s.toLowerCase()) >= Math.min(4, bare.length));
      const hint = suggestions.length ? ` Did you mean ${suggestions.map((s) => `\`${s}\``).join(', ')}?` : '';
      const fixes = call.modelSpan ? suggestions.map((s) => ({
        title: `Switch model to ${s}`,
        kind: 'quickfix' as const,
        safe: false, // a different model answers differently
        edits: [{ span: call.modelSpan!, newText: s }],
      })) : [];
      ctx.report({
        message: `Unknown model \`${call.model}\` (${call.provider}): not in the pricing data, so its cost is not projected. ` +
          (call.provider === 'azure-openai'
            ? `If it is an Azure deployment, map it to the model it serves with \`modelAliases\` in .promptcost.json.${hint}`
            : `Add it to \`prices\` or \`modelAliases\` in .promptcost.json.${hint}`),
        span: call.modelSpan ?? call.nameSpan,
        callId: call.id,
        monthlySaving: null,
        fixes,
        data: { model: call.model, suggestions: suggestions.join(',') },
      });
    }
  },
};

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
