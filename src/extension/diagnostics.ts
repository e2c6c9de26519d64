// Findings → Problems panel: source "prompt-cost", code = rule id linking to the rule's docs page.

import * as vscode from 'vscode';
import type { FileResult, Finding, Severity } from '../core/types';
import { rangeOf, type PositionSource } from './convert';

export const DIAGNOSTIC_SOURCE = 'prompt-cost';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function ruleDocsUri(extensionUri: vscode.Uri, ruleId: string): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${ruleId}.md`);
}

export function toDiagnostic(extensionUri: vscode.Uri, positions: PositionSource, f: Finding): vscode.Diagnostic {
  const d = new vscode.Diagnostic(rangeOf(positions, f.span), f.message, SEVERITY[f.severity] ?? vscode.DiagnosticSeverity.Warning);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = { value: f.ruleId, target: ruleDocsUri(extensionUri, f.ruleId) };
  return d;
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE) return undefined;
  const c = d.code;
  if (typeof c === 'string' || typeof c === 'number') return String(c);
  return c ? String(c.value) : undefined;
}

/** The finding a diagnostic was made from (diagnostics come back to code actions as copies). */
export function findingFor(result: FileResult, positions: PositionSource, d: vscode.Diagnostic): Finding | undefined {
  const id = codeOf(d);
  if (!id) return undefined;
  return result.findings.find((f) => f.ruleId === id && f.message === d.message && rangeOf(positions, f.span).isEqual(d.range));
}

export class Diagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);

  constructor(private readonly extensionUri: vscode.Uri) {}

  set(uri: vscode.Uri, positions: PositionSource, result: FileResult): void {
    this.collection.set(uri, result.findings.map((f) => toDiagnostic(this.extensionUri, positions, f)));
  }

  delete(uri: vscode.Uri): void {
    this.collection.delete(uri);
  }

  dispose(): void {
    this.collection.dispose();
  }
}
