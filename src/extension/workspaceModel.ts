// What the sidebar shows: every analysed file's calls and findings as rows (with line numbers resolved once),
// from the workspace scan and, fresher, from the open documents.

import * as vscode from 'vscode';
import type { FileResult } from '../core/types';
import type { CallRow, FindingRow, SidebarState } from '../webview/protocol';
import type { PositionSource } from './convert';

interface FileSummary {
  calls: CallRow[];
  findings: FindingRow[];
  monthlyCost: number;
  unpricedCalls: number;
}

export function summarize(uri: vscode.Uri, positions: PositionSource, r: FileResult): FileSummary {
  const file = vscode.workspace.asRelativePath(uri);
  const key = uri.toString();
  const line = (o: number) => positions.positionAt(o).line + 1;
  const findingsByCall = new Map<string, number>();
  for (const f of r.findings) if (f.callId) findingsByCall.set(f.callId, (findingsByCall.get(f.callId) ?? 0) + 1);
  const calls = r.calls.map((c): CallRow => {
    const cost = r.costs.find((x) => x.callId === c.id);
    return {
      uri: key, file, line: line(c.span.start), offset: c.nameSpan.start, callId: c.id, provider: c.provider, api: c.api,
      model: c.model, inputTokens: cost?.inputTokens ?? 0, exact: cost?.inputTokensExact ?? false,
      costPerCall: cost?.costPerCall ?? null, callsPerMonth: cost?.callsPerMonth ?? 0,
      monthlyCost: cost?.monthlyCost ?? null, worstCaseMonthlyCost: cost?.worstCaseMonthlyCost ?? null,
      findings: findingsByCall.get(c.id) ?? 0,
    };
  });
  const findings = r.findings.map((f): FindingRow => ({
    uri: key, file, line: line(f.span.start), offset: f.span.start, ruleId: f.ruleId, severity: f.severity,
    message: f.message, monthlySaving: f.monthlySaving ?? null,
  }));
  return { calls, findings, monthlyCost: r.monthlyCost, unpricedCalls: r.unpricedCalls };
}

export class WorkspaceModel implements vscode.Disposable {
  private readonly files = new Map<string, FileSummary>();
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private pending?: NodeJS.Timeout;
  scan: SidebarState['scan'] = { state: 'never', files: 0, done: 0, ms: null };
  selected?: SidebarState['selected'];

  set(uri: vscode.Uri, positions: PositionSource, r: FileResult): void {
    if (r.skipped || (r.calls.length === 0 && r.findings.length === 0)) this.files.delete(uri.toString());
    else this.files.set(uri.toString(), summarize(uri, positions, r));
    this.changed();
  }

  delete(uri: vscode.Uri): void {
    if (this.files.delete(uri.toString())) this.changed();
  }

  setScan(scan: SidebarState['scan']): void {
    this.scan = scan;
    this.changed();
  }

  select(uri: vscode.Uri, callId: string): void {
    this.selected = { uri: uri.toString(), callId };
    this.changed();
  }

  /** Coalesces bursts (a scan updates hundreds of files) into one sidebar refresh. */
  private changed(): void {
    if (this.pending) return;
    this.pending = setTimeout(() => { this.pending = undefined; this.emitter.fire(); }, 50);
  }

  state(limit = 500): SidebarState {
    const calls: CallRow[] = [];
    const findings: FindingRow[] = [];
    let monthlyCost = 0;
    let unpricedCalls = 0;
    for (const s of this.files.values()) {
      calls.push(...s.calls);
      findings.push(...s.findings);
      monthlyCost += s.monthlyCost;
      unpricedCalls += s.unpricedCalls;
    }
    const desc = (a: number | null, b: number | null) => (b ?? -1) - (a ?? -1);
    calls.sort((a, b) => desc(a.monthlyCost, b.monthlyCost) || a.file.localeCompare(b.file) || a.line - b.line);
    findings.sort((a, b) => desc(a.monthlySaving, b.monthlySaving) || a.file.localeCompare(b.file) || a.line - b.line);
    return { scan: this.scan, files: this.files.size, monthlyCost, unpricedCalls, calls: calls.slice(0, limit),
      findings: findings.slice(0, limit), selected: this.selected };
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    this.emitter.dispose();
  }
}
