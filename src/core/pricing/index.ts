// Prices per model (dataset + overrides), output limits, and suggestions for unknown models.
export { PriceBook, BATCH_DISCOUNT, type PriceBookOptions, type PriceResolution, type PriceStatus, type Usage } from './priceBook';
export { suggestModels } from './suggest';
export { maxOutputTokensFor } from './maxOutputTokens';
export { GENAI_PRICES_VERSION, GENAI_PRICES_DATE, DATASET_SOURCE } from './dataset';
