// Token counting: exact tiktoken counts for OpenAI models, documented estimates for other vendors.
export { TokenCounter, type CountResult, type TokenCounterOptions } from './tokenCounter';
export { encodingFor, ESTIMATE_FACTORS, type EncodingChoice, type EncodingName, type TokenizerFamily } from './encodings';
export { segmentText, SEGMENT_DEFAULTS, type Segment, type SegmentOptions } from './segments';
