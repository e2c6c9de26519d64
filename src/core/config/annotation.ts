// `prompt-cost: N/unit` comments that set how often one call runs: `# prompt-cost: 20000/month`,
// `// prompt-cost: 500/day`, `prompt-cost: 1.5k/hour`, `prompt-cost: 30,000 / week`, `prompt-cost: 100` (per month).

/**
 * Calls per month per unit. A month is taken as 30 days (the usual billing approximation), so a day is ×30, an
 * hour ×720 (24 × 30), a minute ×43,200, a week ×30/7 (a month of 30 days holds 30/7 weeks), a year ÷12.
 */
export const PER_MONTH: Readonly<Record<'month' | 'day' | 'week' | 'hour' | 'minute' | 'year', number>> = {
  month: 1,
  day: 30,
  week: 30 / 7,
  hour: 24 * 30,
  minute: 60 * 24 * 30,
  year: 1 / 12,
};

const ANNOTATION = new RegExp(
  String.raw`prompt-cost\s*:\s*` +
    // 20000 | 20,000 | 20_000 | 1.5 | .5 (a comma must group thousands: "1,5" is not a number here)
    String.raw`(\d{1,3}(?:[,_]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)` +
    String.raw`\s*([kKmM])?\s*(?:calls?\s*)?` +
    String.raw`(?:(?:/|\bper\b|\ba\b|\ban\b|\bevery\b)\s*(mo(?:nths?)?|d(?:ays?)?|w(?:eeks?|k)?|h(?:ours?|rs?)?|y(?:ears?|rs?)?|min(?:utes?)?)\b)?` +
    // Nothing that would make it another word or number right after.
    String.raw`(?![\w/]|[,.]\d)`,
  'i',
);

/** Calls per month from a comment's text (comment markers included or not), or null when there is no annotation. */
export function parseCallsAnnotation(commentText: string): number | null {
  const m = ANNOTATION.exec(commentText);
  if (!m) return null;
  const value = Number(m[1].replace(/[,_]/g, ''));
  if (!Number.isFinite(value)) return null;
  const scale = m[2] ? (m[2].toLowerCase() === 'k' ? 1e3 : 1e6) : 1;
  const unit = (m[3] ?? 'month').toLowerCase();
  const per =
    unit.startsWith('mo') ? PER_MONTH.month
    : unit.startsWith('mi') ? PER_MONTH.minute
    : unit.startsWith('d') ? PER_MONTH.day
    : unit.startsWith('w') ? PER_MONTH.week
    : unit.startsWith('h') ? PER_MONTH.hour
    : PER_MONTH.year;
  return Math.round(value * scale * per);
}
