// Helpers for the integration tests, which run inside real VS Code (code-server's extension host). They await the
// extension's API (whenIdle, nextAnalysis) instead of sleeping.

import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PromptCostApi } from '../../src/extension/extension';
import type { FileResult, Finding } from '../../src/core/types';

export const EXTENSION_ID = 'prompt-cost.prompt-cost-lint';

export async function api(): Promise<PromptCostApi> {
  const ext = vscode.extensions.getExtension<PromptCostApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} not found`);
  return ext.activate();
}

export function workspaceUri(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder open');
  return vscode.Uri.joinPath(folder.uri, rel);
}

export async function open(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(rel));
  return vscode.window.showTextDocument(doc);
}

/** Analysis result once up to date; fails the test when there is none. */
export async function resultOf(a: PromptCostApi, uri: vscode.Uri): Promise<FileResult> {
  const r = await a.whenIdle(uri);
  assert.ok(r, `no analysis for ${uri.path}`);
  return r;
}

export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'prompt-cost');
}

export function codeValue(d: vscode.Diagnostic): string {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : String(c);
}

/** Diagnostics are published from the same analysis as the result; wait until the collection shows it. */
export async function diagnosticsFor(a: PromptCostApi, uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  const r = await resultOf(a, uri);
  // Published synchronously in the analysis event handler: no waiting needed beyond whenIdle.
  const ds = ourDiagnostics(uri);
  assert.strictEqual(ds.length, r.findings.length, 'diagnostics published for every finding');
  return ds;
}

/** Replaces the whole text and waits for the re-analysis. */
export async function setText(a: PromptCostApi, doc: vscode.TextDocument, text: string): Promise<FileResult> {
  if (doc.getText() === text) return resultOf(a, doc.uri);
  const next = a.nextAnalysis(doc.uri);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
  await next;
  return resultOf(a, doc.uri);
}

/** Applies a code action as VS Code does: its edit, then its command. */
export async function applyAction(action: vscode.CodeAction, ...commandArgs: unknown[]): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `edit of "${action.title}" applied`);
  if (action.command) {
    await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []), ...commandArgs);
  }
}

export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
}

export async function hoverText(uri: vscode.Uri, pos: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos)) ?? [];
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

export async function codeLenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  // The second argument resolves up to that many lenses, as the editor does for the visible ones.
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ?? [];
}

export async function inlayHints(doc: vscode.TextDocument): Promise<vscode.InlayHint[]> {
  const all = new vscode.Range(0, 0, doc.lineCount, 0);
  return (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, all)) ?? [];
}

export function labelText(h: vscode.InlayHint): string {
  return typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('');
}

export function countRule(r: FileResult, ruleId: string): number {
  return r.findings.filter((f) => f.ruleId === ruleId).length;
}

export function findingsOf(r: FileResult, ruleId: string): Finding[] {
  return r.findings.filter((f) => f.ruleId === ruleId);
}

/** The position of the n-th occurrence of `needle` (plus `delta` characters). */
export function positionOf(doc: vscode.TextDocument, needle: string, delta = 0, nth = 0): vscode.Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = doc.getText().indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" not found`);
  }
  return doc.positionAt(at + delta);
}

export async function writeFile(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

export async function deleteFile(uri: vscode.Uri): Promise<void> {
  try {
    await vscode.workspace.fs.delete(uri);
  } catch {
    /* already gone */
  }
}

export interface OpenDocument {
  pc: PromptCostApi;
  uri: vscode.Uri;
  doc: vscode.TextDocument;
  /** The text when the suite opened it; put back after each test. */
  original: string;
}

/** Mocha hooks for a suite on one workspace file: opens it first, restores its text after each test. */
export function useDocument(rel: string): OpenDocument {
  const d = {} as OpenDocument;
  before(async () => {
    d.pc = await api();
    d.uri = workspaceUri(rel);
    d.doc = (await open(rel)).document;
    d.original = d.doc.getText();
  });
  afterEach(async () => {
    if (d.doc.getText() !== d.original) await setText(d.pc, d.doc, d.original);
  });
  return d;
}
