// The projected cost of one call (tokens, price, calls per month, monthly and worst-case cost).
export { projectCall, TOKENS_PER_MESSAGE, TOKENS_PER_REPLY, FALLBACK_MAX_OUTPUT_TOKENS, type ProjectCallArgs } from './projectCall';
