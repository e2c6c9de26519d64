// The price dataset this build ships: `@pydantic/genai-prices`, bundled offline. Its package.json is not importable
// (the package's `exports` hide it), so the version and publication date are kept here; a unit test fails when the
// installed version changes without these being updated.

export const GENAI_PRICES_VERSION = '0.1.8';
/** Publication date of that version on npm (the prices are as of then). */
export const GENAI_PRICES_DATE = '2026-09-23';
export const DATASET_SOURCE = `@pydantic/genai-prices ${GENAI_PRICES_VERSION}`;
