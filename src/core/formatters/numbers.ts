// Number and money spelling shared by the human-readable formats. Written by hand (not toLocaleString) so the
// output is the same on every machine and locale.

/** 1234567 → "1,234,567" (rounded to an integer). */
export function formatInt(n: number): string {
  const r = Math.round(n);
  const s = String(Math.abs(r)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return r < 0 ? `-${s}` : s;
}

/**
 * US dollars at a precision that fits the size: "$4,915" from $100 up, "$12.34" from $1, two significant digits
 * below ("$0.0041"), "$0.00" for zero; null (unknown price) is "unpriced".
 */
export function formatUsd(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return 'unpriced';
  const sign = x < 0 ? '-' : '';
  const a = Math.abs(x);
  if (a === 0) return '$0.00';
  if (a >= 99.995) return `${sign}$${formatInt(a)}`;
  if (a >= 0.995) return `${sign}$${a.toFixed(2)}`;
  if (a < 0.000001) return `${sign}<$0.000001`;
  return `${sign}$${trimPrecision(a)}`;
}

function trimPrecision(a: number): string {
  // Two significant digits, never in exponent form; no trailing zero past the cents ("0.0001", not "0.00010").
  const digits = Math.max(2, 1 - Math.floor(Math.log10(a)));
  return a.toFixed(digits).replace(/(\.\d\d\d*?)0+$/, '$1');
}

/** Rounds float noise away for machine-readable output (12 significant digits). */
export function roundUsd(x: number): number;
export function roundUsd(x: number | null): number | null;
export function roundUsd(x: number | null): number | null {
  if (x === null || !Number.isFinite(x)) return null;
  return Number(x.toPrecision(12));
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatInt(n)} ${n === 1 ? one : many}`;
}
