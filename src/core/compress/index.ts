// Local prompt compression: the public surface used by the rule, the CLI, the editor and the bench.

export { compressText, compressWith, PASSES, MAX_COMPRESS_CHARS } from './pipeline';
export { checkInvariants, extractFacts, describeViolation } from './invariants';
export type { Facts, Violation, InvariantId } from './invariants';
export type { CompressLevel, CompressOptions, CompressResult, CountTokens, PassId, PassReport } from './types';
