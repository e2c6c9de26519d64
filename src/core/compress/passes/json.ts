// Embedded JSON examples minified: whitespace outside strings removed (or one space kept after `:` and `,` when
// that tokenizes shorter). Only regions that parse are touched, placeholders allowed where values stand. In a
// fenced block the block must hold nothing but the JSON (other code stays byte for byte).

import { findFences, findInlineCode, findQuotes } from '../protect';
import { findJsonRegions, minifyJson, redoubleBraces, undoubleBraces, type JsonRegion } from '../jsonRegions';
import type { CompressPass, PassContext } from '../types';

function minified(body: string, region: JsonRegion, ctx: PassContext): string | null {
  let source = body;
  if (region.doubledBraces) {
    const single = undoubleBraces(body);
    if (single === null || redoubleBraces(single) !== body) return null; // not a faithful round trip: leave it
    source = single;
  }
  const wrap = (s: string) => (region.doubledBraces ? redoubleBraces(s) : s);
  const candidates = [wrap(minifyJson(source, false)), wrap(minifyJson(source, true))];
  let best = body;
  let bestTokens = ctx.countTokens(body);
  for (const c of candidates) {
    const n = ctx.countTokens(c);
    if (n < bestTokens) { best = c; bestTokens = n; }
  }
  return best === body ? null : best;
}

function run(text: string, ctx: PassContext): string {
  const fences = findFences(text);
  const inline = findInlineCode(text).filter((c) => !fences.some((f) => c.start < f.end && f.start < c.end));
  const quotes = findQuotes(text);
  const regions = findJsonRegions(text).filter((r) => {
    if (inline.some((c) => r.start < c.end && c.start < r.end)) return false;
    // Inside a quotation (`"{…}"`) the JSON is quoted text.
    if (quotes.some((q) => q.start < r.start && r.end < q.end)) return false;
    const fence = fences.find((f) => r.start < f.end && f.start < r.end);
    if (!fence) return true;
    const inner = text.slice(fence.start, fence.end).replace(/^[^\n]*\n/, '').replace(/\n?[^\n]*$/, '');
    return inner.trim() === text.slice(r.start, r.end).trim();
  });
  let out = text;
  for (const r of [...regions].reverse()) {
    const replacement = minified(text.slice(r.start, r.end), r, ctx);
    if (replacement !== null) out = out.slice(0, r.start) + replacement + out.slice(r.end);
  }
  return out;
}

export const jsonPass: CompressPass = {
  id: 'json',
  description: 'minifies embedded JSON examples that parse',
  level: 'safe',
  run: (text, ctx) => ({ text: run(text, ctx) }),
};
