// The terminal report, ESLint's "stylish" layout: per file, one row per LLM call (what it costs) and one per
// finding (line:col, severity, message, rule), then the file's monthly total; a summary with totals at the end.

import type { Severity } from '../types';
import { formatInt, formatUsd, plural } from './numbers';
import type { FormatOptions, ScanResult, ScannedFile } from './types';
import { callViews, findingViews, modelLabel, type CallView } from './views';

interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  underline(s: string): string;
}

const ansi = (open: number, close: number) => (s: string) => (s ? `\u001b[${open}m${s}\u001b[${close}m` : s);
const COLOR: Paint = {
  red: ansi(31, 39), yellow: ansi(33, 39), cyan: ansi(36, 39), green: ansi(32, 39), dim: ansi(2, 22),
  bold: ansi(1, 22), underline: ansi(4, 24),
};
const identity = (s: string) => s;
const PLAIN: Paint = {
  red: identity, yellow: identity, cyan: identity, green: identity, dim: identity, bold: identity,
  underline: identity,
};

type RowKind = Severity | 'call' | 'notice' | 'skipped';

interface Row {
  pos: string;
  kind: RowKind;
  text: string;
  ruleId: string;
  /** Sort key: offset in the file. */
  at: number;
}

export function formatStylish(scan: ScanResult, opts: FormatOptions): string {
  const p = opts.color ? COLOR : PLAIN;
  const out: string[] = [];
  for (const file of scan.files) {
    const rows = fileRows(file, !!opts.quiet);
    if (rows.length === 0) continue;
    out.push(`${p.underline(file.result.path)}${fileTotal(file, p)}`);
    out.push(...renderRows(rows, p), '');
  }
  out.push(...footer(scan, p));
  return `${out.join('\n')}\n`;
}

function fileRows(file: ScannedFile, quiet: boolean): Row[] {
  const r = file.result;
  if (r.skipped !== undefined) return quiet ? [] : [{ pos: '', kind: 'skipped', text: r.skipped, ruleId: '', at: -1 }];
  const rows: Row[] = [];
  if (!quiet) {
    for (const n of r.notices) rows.push({ pos: '', kind: 'notice', text: n.message, ruleId: '', at: -1 });
    for (const v of callViews(file)) {
      rows.push({ pos: `${v.region.line}:${v.region.column}`, kind: 'call', text: callText(v), ruleId: '', at: v.call.span.start });
    }
  }
  for (const { finding: f, region } of findingViews(file)) {
    if (quiet && f.severity !== 'error') continue;
    rows.push({ pos: `${region.line}:${region.column}`, kind: f.severity, text: f.message, ruleId: f.ruleId, at: f.span.start });
  }
  // A call's findings follow the call row (stable sort keeps the call first at equal offsets).
  return rows.sort((a, b) => a.at - b.at);
}

function callText({ call, cost }: CallView): string {
  const model = call.modelSource === 'env-default' ? `${modelLabel(call)} (env default)` : modelLabel(call);
  const head = `${call.provider} ${model} ${call.api}`;
  const flags = [call.stream ? 'stream' : '', call.inLoop ? 'in loop' : ''].filter(Boolean);
  if (!cost) return [head, ...flags].join(' · ');
  const input = `${cost.inputTokensExact ? '' : '≈'}${formatInt(cost.inputTokens)} in`;
  const output = `${cost.outputTokensSource === 'cap' ? '≤' : '~'}${formatInt(cost.outputTokens)} out`;
  const money = cost.costPerCall === null
    ? `unpriced × ${formatInt(cost.callsPerMonth)}/mo`
    : `${formatUsd(cost.costPerCall)}/call × ${formatInt(cost.callsPerMonth)}/mo ≈ ${formatUsd(cost.monthlyCost)}/mo`;
  return [head, input, output, ...flags, money].join(' · ');
}

function fileTotal(file: ScannedFile, p: Paint): string {
  const r = file.result;
  if (r.skipped !== undefined || r.calls.length === 0) return '';
  const calls = plural(r.calls.length, 'call');
  if (r.unpricedCalls >= r.calls.length) return p.dim(`  unpriced (${calls})`);
  const unpriced = r.unpricedCalls > 0 ? `, ${formatInt(r.unpricedCalls)} unpriced` : '';
  return p.dim(`  ≈ ${formatUsd(r.monthlyCost)}/month (${calls}${unpriced})`);
}

function renderRows(rows: Row[], p: Paint): string[] {
  const posW = Math.max(...rows.map((r) => r.pos.length));
  const kindW = Math.max(...rows.map((r) => r.kind.length));
  const textW = Math.max(0, ...rows.filter((r) => r.ruleId).map((r) => r.text.length));
  return rows.map((r) => {
    const kind = paintKind(r.kind, r.kind.padEnd(kindW), p);
    const pos = p.dim(r.pos.padStart(posW));
    const text = r.ruleId ? `${r.text.padEnd(textW)}  ${p.dim(r.ruleId)}` : r.text;
    return `  ${pos}  ${kind}  ${text}`.trimEnd();
  });
}

function paintKind(kind: RowKind, padded: string, p: Paint): string {
  switch (kind) {
    case 'error': return p.red(padded);
    case 'warning': return p.yellow(padded);
    case 'call': return p.cyan(padded);
    default: return p.dim(padded);
  }
}

function footer(scan: ScanResult, p: Paint): string[] {
  const s = scan.summary;
  const lines: string[] = [];
  const f = s.findings;
  const problems = f.error + f.warning + f.info + f.hint;
  if (problems > 0) {
    const parts = [plural(f.error, 'error'), plural(f.warning, 'warning')];
    if (f.info + f.hint > 0) parts.push(`${formatInt(f.info + f.hint)} info`);
    const line = `✖ ${plural(problems, 'problem')} (${parts.join(', ')})`;
    lines.push(f.error > 0 ? p.red(p.bold(line)) : p.yellow(p.bold(line)));
  } else {
    lines.push(p.green('✔ No problems'));
  }
  const skipped = s.skipped > 0 ? ` · ${plural(s.skipped, 'file')} skipped` : '';
  if (s.calls === 0) {
    lines.push(`No LLM calls found in ${plural(s.files, 'file')}${skipped}`);
  } else {
    const unpriced = s.unpriced > 0 ? ` · ${formatInt(s.unpriced)} unpriced` : '';
    const worst = s.worstCaseMonthlyCost > s.monthlyCost ? ` (worst case ${formatUsd(s.worstCaseMonthlyCost)}/month)` : '';
    lines.push(p.bold(`${plural(s.calls, 'LLM call')} in ${plural(s.files, 'file')} ≈ ${formatUsd(s.monthlyCost)}/month`) +
      `${worst}${unpriced}${skipped}`);
    const models = Object.entries(s.byModel);
    const nameW = Math.max(...models.map(([m]) => m.length));
    const callsW = Math.max(...models.map(([, t]) => plural(t.calls, 'call').length));
    for (const [model, t] of models) {
      const cost = t.unpriced === t.calls ? 'unpriced' : `${formatUsd(t.monthlyCost)}/month`;
      const partly = t.unpriced > 0 && t.unpriced < t.calls ? ` (+${formatInt(t.unpriced)} unpriced)` : '';
      lines.push(p.dim(`  ${model.padEnd(nameW)}  ${plural(t.calls, 'call').padStart(callsW)}  ${cost}${partly}`));
    }
  }
  for (const n of scan.notices) lines.push(`${n.level === 'error' ? p.red('✖') : p.yellow('!')} ${n.message}`);
  for (const b of scan.budgets) lines.push(p.red(p.bold(`✖ Over budget: ${b.message}`)));
  return lines;
}
