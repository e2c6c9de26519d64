// Local prompt compression: the public surface used by the rule, the CLI, the editor and the bench.

export { compressText, compressWith, PASSES, MAX_COMPRESS_CHARS } from './pipeline';
export { checkInvariants, extractFacts, describeViolation } from './invariants';
export type { Facts, Violation, InvariantId } from './invariants';
export { decodeLiteral, rewriteLiteral, parseLiteral } from './literal';
export { planPromptCompression, applyEdits } from './plan';
export type { PlanOptions, PromptPlan, PieceChange } from './plan';
export { compressActionTitle, compressPromptInFile, monthlySavingOf, promptCounter } from './inFile';
export type { CompressEngine, CompressInFileOptions, CompressInFileResult } from './inFile';
export { outputLengthFix, outputLengthInstruction, appendInstruction } from './outputLength';
export { unifiedDiff } from './diff';
export type { CompressLevel, CompressOptions, CompressResult, CountTokens, PassId, PassReport } from './types';
