// Number formatting shared by rule messages (en-US, deterministic).

export function usd(n: number): string {
  if (n >= 100) return '$' + Math.round(n).toLocaleString('en-US');
  if (n >= 1) return '$' + n.toFixed(2);
  if (n >= 0.01) return '$' + n.toFixed(3);
  if (n === 0) return '$0';
  return '$' + n.toPrecision(2);
}

export function int(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
