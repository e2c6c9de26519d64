// The projected cost of one LLM call: tokens in and out, price per call, calls per month, monthly cost, and the
// worst case (the most output the call could produce).

import { callsPerMonthFor } from '../config/paths';
import type { ResolvedConfig } from '../config/types';
import type { PriceBook } from '../pricing/priceBook';
import { maxOutputTokensFor } from '../pricing/maxOutputTokens';
import type { CallCost, LlmCall, ModelPrice, PromptTokens } from '../types';

/**
 * Chat formatting overhead, from OpenAI's documented counting recipe (the cookbook's `num_tokens_from_messages`):
 * every message costs 3 tokens around its content (`<|start|>{role}\n … <|end|>`), and every reply is primed with
 * 3 more (`<|start|>assistant<|message|>`). Other vendors wrap messages similarly and publish no formula; the same
 * figures are used for them (a few tokens per call either way).
 */
export const TOKENS_PER_MESSAGE = 3;
export const TOKENS_PER_REPLY = 3;

/**
 * Worst-case output when neither the call's cap nor the model's limit is known: 8,192 tokens, the output limit of
 * Gemini 1.5/2.0, Claude 3.5 and many open models, an order of magnitude below the newest models' limits.
 */
export const FALLBACK_MAX_OUTPUT_TOKENS = 8192;

/** Request options that ask for several completions at once (billed as that many outputs). */
const COMPLETION_COUNT_OPTIONS = ['n', 'candidate_count', 'candidateCount'];

export interface ProjectCallArgs {
  call: LlmCall;
  /** This call's prompts, in message order. */
  prompts: PromptTokens[];
  price: ModelPrice | null;
  priceBook: PriceBook;
  config: ResolvedConfig;
  filePath: string;
}

export function projectCall(args: ProjectCallArgs): CallCost {
  const { call, prompts, price, priceBook, config, filePath } = args;

  // Input: the prompts plus chat framing.
  const promptTokens = prompts.reduce((n, p) => n + p.tokens, 0);
  const messages = call.kind === 'chat' ? (call.messageCount > 0 ? call.messageCount : prompts.length) : 0;
  const overhead = messages > 0 ? messages * TOKENS_PER_MESSAGE + TOKENS_PER_REPLY : 0;
  const inputTokens = promptTokens + overhead;
  // Exact only when every part was counted exactly and something was counted at all (no prompt found means the
  // messages are built where the analysis cannot see them).
  const inputTokensExact = prompts.length > 0 && prompts.every((p) => p.exact);

  // Output: the cap when it is below the expectation; nothing for embeddings and moderation.
  const cap = call.outputCap?.value ?? null;
  const producesOutput = call.kind !== 'embedding' && call.kind !== 'moderation';
  const completions = completionCount(call);
  const expected = config.expectedOutputTokens;
  let outputTokens = 0;
  let outputTokensSource: CallCost['outputTokensSource'] = 'expected';
  let worstCaseOutputTokens = 0;
  if (producesOutput) {
    const modelMax = price?.maxOutputTokens ?? (call.model ? maxOutputTokensFor(call.model) : null);
    // What the model allows: its output limit, and never more than the context window leaves after the input.
    const room = price?.contextWindow ? Math.max(0, price.contextWindow - inputTokens) : null;
    const allowed = minOf(modelMax, room);
    if (cap !== null && cap <= expected) {
      outputTokens = cap;
      outputTokensSource = 'cap';
    } else {
      outputTokens = expected;
    }
    const worst = cap ?? allowed ?? FALLBACK_MAX_OUTPUT_TOKENS;
    worstCaseOutputTokens = allowed === null ? worst : Math.min(worst, allowed);
    outputTokens = Math.min(outputTokens, worstCaseOutputTokens) * completions;
    worstCaseOutputTokens *= completions;
  }

  const costPerCall = price ? priceBook.cost(price, { inputTokens, outputTokens }) : null;
  const worstCaseCostPerCall = price ? priceBook.cost(price, { inputTokens, outputTokens: worstCaseOutputTokens }) : null;
  const { callsPerMonth, source } = callsPerMonthFor(config, filePath, call.annotation?.callsPerMonth);
  return {
    callId: call.id,
    inputTokens,
    inputTokensExact,
    outputTokens,
    outputTokensSource,
    worstCaseOutputTokens,
    price,
    costPerCall,
    worstCaseCostPerCall,
    callsPerMonth,
    callsPerMonthSource: source,
    monthlyCost: costPerCall === null ? null : costPerCall * callsPerMonth,
    worstCaseMonthlyCost: worstCaseCostPerCall === null ? null : worstCaseCostPerCall * callsPerMonth,
  };
}

function completionCount(call: LlmCall): number {
  for (const name of COMPLETION_COUNT_OPTIONS) {
    const v = call.options[name];
    if (typeof v === 'number' && Number.isInteger(v) && v > 1) return v;
  }
  return 1;
}

function minOf(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}
