// A prompt literal the local `safe` compression would shrink by more than a configurable share (default 10%):
// filler, wordy phrases, indentation, pretty-printed JSON, instructions said twice. The fix is the compression
// edit itself (refactor.rewrite, shown with a diff preview); it rewrites the prompt's wording, so it is not part
// of fix-all even though the invariants keep what the prompt asks.

import { compressActionTitle } from '../compress/inFile';
import { planPromptCompression } from '../compress/plan';
import { PREFILTER } from '../compress/prefilter';
import type { Prompt } from '../types';
import { int, usd } from './format';
import type { Rule, RuleContext } from './types';

function monthlySaving(ctx: RuleContext, prompt: Prompt, saved: number): number | null {
  let total: number | null = null;
  for (const id of prompt.callIds) {
    const cost = ctx.costs.get(id);
    if (!cost?.price) continue;
    total = (total ?? 0) + ctx.callCost(cost.price, saved, 0) * cost.callsPerMonth;
  }
  return total;
}

/** Prompts longer than this are not compressed automatically (a 100 KB prompt takes ~0.3 s). */
const MAX_CHECKED_CHARS = 20_000;

export const compressiblePrompt: Rule = {
  meta: {
    id: 'compressible-prompt',
    description: 'A prompt literal could say the same in noticeably fewer tokens (filler, wordy phrases, layout, repeats).',
    defaultSeverity: 'info',
    fixable: false,
    docs: 'docs/rules/compressible-prompt.md',
  },
  check(ctx) {
    const s = ctx.config.compression;
    for (const prompt of ctx.prompts) {
      const counted = ctx.promptTokens.get(prompt.id);
      if (!counted || counted.tokens < s.minSavedTokens * 2) continue;
      // Checked on every analysis: a huge prompt is left to the Compress Prompt action, run on demand.
      if (prompt.text.length > MAX_CHECKED_CHARS) continue;
      if (!PREFILTER.test(prompt.text)) continue;
      const call = ctx.calls.find((c) => prompt.callIds.includes(c.id));
      const plan = planPromptCompression(ctx.text, ctx.language, prompt, {
        level: s.level,
        disabledPasses: s.disabledPasses,
        countTokens: (t) => ctx.countTokens(t, call?.model ?? null, call?.provider ?? 'openai'),
      });
      const share = plan.saved / counted.tokens;
      if (plan.saved < s.minSavedTokens || share < s.minSavingShare) continue;
      const dollars = monthlySaving(ctx, prompt, plan.saved);
      const money = dollars !== null && dollars > 0 ? `, ≈ −${usd(dollars)}/month` : '';
      ctx.report({
        message: `Prompt could be ${Math.round(share * 100)}% shorter with the same instructions: −${int(plan.saved)} tokens` +
          `${money}. Use "Compress prompt" to preview the rewrite.`,
        span: prompt.pieces[0].span,
        promptId: prompt.id,
        callId: prompt.callIds[0],
        monthlySaving: dollars,
        data: { tokensBefore: counted.tokens, saved: plan.saved, share: Math.round(share * 1000) / 1000, level: s.level },
        fixes: [{ title: compressActionTitle(plan.saved, dollars), kind: 'refactor.rewrite', safe: false, edits: plan.edits }],
      });
    }
  },
};
