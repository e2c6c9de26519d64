// Nearest known model names for an unknown one (the "switch to a known model" fix): edit distance on the names
// without gateway prefixes, with a bonus for a shared prefix (`gpt-4o-mini-2025` is closer to `gpt-4o-mini` than to
// `gpt-4.1-mini`, though both are a few edits away).

import type { ProviderId } from '../types';
import { nameVariants, parseModelName } from './modelNames';
import { PriceBook } from './priceBook';
import { levenshtein } from './levenshtein';

export { levenshtein };

export function suggestModels(
  provider: ProviderId,
  unknownName: string,
  n: number,
  candidates: readonly string[] = new PriceBook().knownModels(provider),
): string[] {
  const target = parseModelName(unknownName).bare.toLowerCase();
  if (!target || n <= 0) return [];
  // A candidate that the name reduces to (`gpt-4o-mini-2099-01-01` → `gpt-4o-mini`) comes first.
  const variants = new Set(nameVariants(target));
  const scored = [...new Set(candidates)]
    .filter((c) => c.toLowerCase() !== target)
    .map((c) => ({ c, score: variants.has(c.toLowerCase()) ? -1 : distanceScore(target, c.toLowerCase()) }));
  scored.sort((a, b) => a.score - b.score || a.c.length - b.c.length || (a.c < b.c ? -1 : 1));
  return scored.slice(0, n).map((s) => s.c);
}

function distanceScore(a: string, b: string): number {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  // Normalised edit distance (0..1) minus up to 0.3 for a shared prefix.
  return levenshtein(a, b) / Math.max(a.length, b.length) - (0.3 * prefix) / a.length;
}
