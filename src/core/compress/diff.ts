// A small unified diff (line based, longest common subsequence over the changed middle), for the CLI's `--diff`
// and for previews outside VS Code. Deterministic; quadratic only in the lines between the common prefix and suffix.

const CONTEXT = 3;
const MAX_CELLS = 4_000_000;

type Op = { kind: ' ' | '-' | '+'; line: string };

function lineOps(a: string[], b: string[]): Op[] {
  if (a.length * b.length > MAX_CELLS) return [...a.map((line) => ({ kind: '-' as const, line })), ...b.map((line) => ({ kind: '+' as const, line }))];
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) { ops.push({ kind: ' ', line: a[i] }); i++; j++; }
    else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push({ kind: '-', line: a[i++] });
    else ops.push({ kind: '+', line: b[j++] });
  }
  return ops;
}

/** Lines of a text; a final line break ends the last line rather than starting an empty one. */
const linesOf = (s: string) => (s.endsWith('\n') ? s.slice(0, -1) : s).split('\n');

/** A unified diff of two texts (a difference only in the final line break is ignored). */
export function unifiedDiff(before: string, after: string, path: string): string {
  if (before === after) return '';
  const a = linesOf(before);
  const b = linesOf(after);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const ops: Op[] = [
    ...a.slice(0, prefix).map((line) => ({ kind: ' ' as const, line })),
    ...lineOps(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix)),
    ...a.slice(a.length - suffix).map((line) => ({ kind: ' ' as const, line })),
  ];
  // Group changes with their context into hunks.
  const out = [`--- a/${path}`, `+++ b/${path}`];
  let k = 0;
  let oldLine = 1;
  let newLine = 1;
  while (k < ops.length) {
    if (ops[k].kind === ' ') { k++; oldLine++; newLine++; continue; }
    let start = k;
    let back = 0;
    while (start > 0 && ops[start - 1].kind === ' ' && back < CONTEXT) { start--; back++; }
    let end = k;
    for (;;) {
      while (end < ops.length && ops[end].kind !== ' ') end++;
      let run = 0;
      while (end + run < ops.length && ops[end + run].kind === ' ') run++;
      if (end + run < ops.length && run <= 2 * CONTEXT) { end += run; continue; }
      end += Math.min(run, CONTEXT);
      break;
    }
    const hunk = ops.slice(start, end);
    const oldCount = hunk.filter((o) => o.kind !== '+').length;
    const newCount = hunk.filter((o) => o.kind !== '-').length;
    const oldStart = oldLine - back;
    const newStart = newLine - back;
    out.push(`@@ -${oldCount ? oldStart : oldStart - 1},${oldCount} +${newCount ? newStart : newStart - 1},${newCount} @@`);
    for (const o of hunk) out.push(o.kind + o.line);
    for (let x = k; x < end; x++) {
      if (ops[x].kind !== '+') oldLine++;
      if (ops[x].kind !== '-') newLine++;
    }
    k = end;
  }
  return out.join('\n') + '\n';
}
