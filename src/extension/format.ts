// Number formatting for the editor surfaces (CodeLens, hover, status bar, sidebar). vscode-free, unit-tested.

const intFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** `1240` → `1,240`. */
export function formatInt(n: number): string {
  return intFormat.format(Math.round(n));
}

/** Compact counts for tight places: `30000` → `30k`, `1500000` → `1.5M`, `950` → `950`. */
export function formatCompact(n: number): string {
  const abs = Math.abs(n);
  const trim = (x: number) => (x >= 100 ? Math.round(x).toString() : x.toFixed(1).replace(/\.0$/, ''));
  if (abs >= 1e9) return `${trim(n / 1e9)}B`;
  if (abs >= 1e6) return `${trim(n / 1e6)}M`;
  if (abs >= 1e3) return `${trim(n / 1e3)}k`;
  return formatInt(n);
}

/**
 * Dollars with as many digits as the size calls for: `$4,915`, `$12.40`, `$0.0041`, `$0.000012`.
 * Whole dollars from $100 up, cents below, and two significant digits under a cent.
 */
export function formatUsd(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  const sign = n < 0 ? '-' : '';
  const abs = Math.abs(n);
  if (abs === 0) return '$0';
  if (abs >= 100) return `${sign}$${intFormat.format(Math.round(abs))}`;
  if (abs >= 0.01) return `${sign}$${abs.toFixed(2)}`;
  const digits = Math.min(10, 1 - Math.floor(Math.log10(abs)));
  return `${sign}$${abs.toFixed(digits)}`;
}

/** Price per million tokens: `$2.50`, `$0.075`, `$15`. */
export function formatPerMillion(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  if (n === 0) return '$0';
  if (Number.isInteger(n)) return `$${intFormat.format(n)}`;
  // Cents when they say it all ($2.50, $0.15), else three significant digits ($0.075, $0.0375).
  if (Math.abs(Math.round(n * 100) - n * 100) < 1e-9) return `$${n.toFixed(2)}`;
  return `$${Number(n.toPrecision(3)).toString()}`;
}

/** `≈ ` for estimates, nothing for exact counts. */
export function approx(exact: boolean): string {
  return exact ? '' : '≈ ';
}
