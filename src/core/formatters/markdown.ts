// A report to paste as a pull-request comment: the monthly total, the most expensive calls, the findings, and
// what was skipped. Long lists are cut (PR comments have a size limit) and say how much was left out.

import { formatInt, formatUsd, plural } from './numbers';
import type { FormatOptions, ScanResult } from './types';
import { callViews, compareText, findingViews, modelLabel, SEVERITY_ORDER } from './views';

const SEVERITY_ICON: Record<string, string> = { error: '🔴 error', warning: '🟠 warning', info: 'ℹ️ info', hint: 'ℹ️ hint' };

export function formatMarkdown(scan: ScanResult, opts: FormatOptions): string {
  const s = scan.summary;
  const out: string[] = [];
  out.push(`## Prompt cost: ≈ ${formatUsd(s.monthlyCost)}/month`, '');
  const facts = [
    `${plural(s.calls, 'LLM call')} in ${plural(s.files, 'file')}`,
    s.worstCaseMonthlyCost > s.monthlyCost ? `worst case ${formatUsd(s.worstCaseMonthlyCost)}/month` : '',
    s.unpriced > 0 ? `${formatInt(s.unpriced)} unpriced` : '',
    s.skipped > 0 ? `${plural(s.skipped, 'file')} skipped` : '',
    findingsFact(s.findings),
  ].filter(Boolean);
  out.push(facts.join(' · '), '');

  for (const b of scan.budgets) out.push(`> [!CAUTION]`, `> **Over budget:** ${cell(b.message)}`, '');

  out.push(...topCalls(scan, opts.topCalls ?? 10));
  out.push(...byModel(scan));
  out.push(...findings(scan, opts));
  out.push(...skippedAndNotices(scan));
  out.push(`<sub>${cell(scan.tool.name)} ${cell(scan.tool.version)}</sub>`);
  return `${out.join('\n')}\n`;
}

function findingsFact(f: Record<string, number>): string {
  const total = SEVERITY_ORDER.reduce((n, s) => n + f[s], 0);
  if (total === 0) return 'no findings';
  // "info" and "hint" have no plural.
  const parts = SEVERITY_ORDER.filter((s) => f[s] > 0).map((s) => plural(f[s], s, s === 'info' || s === 'hint' ? s : `${s}s`));
  return `${plural(total, 'finding')} (${parts.join(', ')})`;
}

function topCalls(scan: ScanResult, limit: number): string[] {
  const calls = scan.files.flatMap((file) => callViews(file).map((v) => ({ ...v, path: file.result.path })));
  if (calls.length === 0 || limit <= 0) return [];
  calls.sort((a, b) => (b.cost?.monthlyCost ?? -1) - (a.cost?.monthlyCost ?? -1) ||
    compareText(a.path, b.path) || a.call.span.start - b.call.span.start);
  const shown = calls.slice(0, limit);
  const out = [
    `### Top calls by monthly cost`, '',
    '| # | Where | Call | Model | Input tokens | Output tokens | $/call | Calls/month | $/month |',
    '|--:|---|---|---|--:|--:|--:|--:|--:|',
  ];
  shown.forEach((v, i) => {
    const c = v.cost;
    const input = c ? `${c.inputTokensExact ? '' : '≈'}${formatInt(c.inputTokens)}` : '?';
    const output = c ? `${c.outputTokensSource === 'cap' ? '≤' : '~'}${formatInt(c.outputTokens)}` : '?';
    const flags = [v.call.stream ? 'stream' : '', v.call.inLoop ? 'in loop' : ''].filter(Boolean).join(', ');
    out.push(`| ${i + 1} | \`${cell(v.path)}:${v.region.line}\` | ${cell(v.call.provider)} \`${cell(v.call.api)}\`${flags ? ` (${flags})` : ''} | ` +
      `${cell(modelLabel(v.call))} | ${input} | ${output} | ${c ? formatUsd(c.costPerCall) : '?'} | ` +
      `${c ? formatInt(c.callsPerMonth) : '?'} | ${c ? formatUsd(c.monthlyCost) : '?'} |`);
  });
  if (calls.length > shown.length) out.push('', `…and ${plural(calls.length - shown.length, 'more call')}.`);
  out.push('');
  return out;
}

function byModel(scan: ScanResult): string[] {
  const models = Object.entries(scan.summary.byModel);
  if (models.length < 2) return [];
  const out = ['<details><summary>By model</summary>', '', '| Model | Calls | $/month |', '|---|--:|--:|'];
  for (const [model, t] of models) {
    const cost = t.unpriced === t.calls ? 'unpriced' : formatUsd(t.monthlyCost) + (t.unpriced > 0 ? ` (+${t.unpriced} unpriced)` : '');
    out.push(`| ${cell(model)} | ${formatInt(t.calls)} | ${cost} |`);
  }
  out.push('', '</details>', '');
  return out;
}

function findings(scan: ScanResult, opts: FormatOptions): string[] {
  const rows = scan.files.flatMap((file) => findingViews(file).map((v) => ({ ...v, path: file.result.path })));
  if (rows.length === 0) return [];
  rows.sort((a, b) => SEVERITY_ORDER.indexOf(a.finding.severity) - SEVERITY_ORDER.indexOf(b.finding.severity) ||
    (b.finding.monthlySaving ?? 0) - (a.finding.monthlySaving ?? 0) || compareText(a.path, b.path) ||
    a.finding.span.start - b.finding.span.start);
  const limit = opts.maxFindings ?? 50;
  const docs = new Map(opts.rules.map((r) => [r.id, r.docs]));
  const out = ['### Findings', '', '| Severity | Rule | Where | Message | Saving/month |', '|---|---|---|---|--:|'];
  for (const { finding: f, region, path } of rows.slice(0, limit)) {
    const doc = docs.get(f.ruleId);
    const rule = doc && opts.docsBaseUri ? `[${f.ruleId}](${new URL(doc, opts.docsBaseUri).href})` : `\`${f.ruleId}\``;
    const saving = f.monthlySaving === undefined || f.monthlySaving === null ? '' : formatUsd(f.monthlySaving);
    out.push(`| ${SEVERITY_ICON[f.severity]} | ${rule} | \`${cell(path)}:${region.line}:${region.column}\` | ${cell(f.message)} | ${saving} |`);
  }
  if (rows.length > limit) out.push('', `…and ${plural(rows.length - limit, 'more finding')}.`);
  out.push('');
  return out;
}

function skippedAndNotices(scan: ScanResult): string[] {
  const items = [
    ...scan.notices.map((n) => `- ${cell(n.message)}`),
    ...scan.files.filter((f) => f.result.skipped !== undefined).map((f) => `- \`${cell(f.result.path)}\`: skipped, ${cell(f.result.skipped ?? '')}`),
    ...scan.files.flatMap((f) => f.result.notices.map((n) => `- \`${cell(f.result.path)}\`: ${cell(n.message)}`)),
  ];
  if (items.length === 0) return [];
  return ['<details><summary>Notices</summary>', '', ...items, '', '</details>', ''];
}

/** Text safe inside a table cell: no line breaks, pipes escaped, no HTML. */
function cell(s: string): string {
  return s.replace(/\r?\n|\r/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
