// Quick fixes from the engine's cached fixes, plus the editor's own: set calls per month for a call, suppress a rule
// for a line or the file; and `source.fixAll.promptCost` applying every safe fix at once. Each action is one
// WorkspaceEdit, so one undo step.

import * as path from 'path';
import * as vscode from 'vscode';
import type { Fix, Finding, LlmCall, TextEdit } from '../core/types';
import type { Analysis, AnalysisService } from './analysisService';
import { callsPerMonthEdit, parseRate, suppressFileEdit, suppressLineEdit } from './commentEdits';
import { rangeOf } from './convert';
import { modelAliasEdit } from './configEdits';
import type { Compression } from './compression';
import { codeOf, findingFor } from './diagnostics';
import { formatInt } from './format';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('promptCost');
export const SET_CALLS_PER_MONTH = 'promptCost.setCallsPerMonth';
export const MAP_MODEL = 'promptCost.mapModel';

function toWorkspaceEdits(edit: vscode.WorkspaceEdit, doc: vscode.TextDocument, edits: readonly TextEdit[]): void {
  for (const e of edits) edit.replace(doc.uri, rangeOf(doc, e.span), e.newText);
}

/** Where a fix's edits go when they target another file (e.g. `.promptcost.json` beside the config root). */
function fixTarget(a: Analysis, doc: vscode.TextDocument, fix: Fix): vscode.Uri {
  const p = fix.file!.path;
  if (path.isAbsolute(p)) return doc.uri.with({ path: p.replace(/\\/g, '/') });
  const base = a.config.root
    ? doc.uri.with({ path: a.config.root })
    : vscode.workspace.getWorkspaceFolder(doc.uri)?.uri ?? vscode.Uri.joinPath(doc.uri, '..');
  return vscode.Uri.joinPath(base, p);
}

async function editForFix(a: Analysis, doc: vscode.TextDocument, fix: Fix): Promise<vscode.WorkspaceEdit | undefined> {
  const edit = new vscode.WorkspaceEdit();
  if (!fix.file) {
    toWorkspaceEdits(edit, doc, fix.edits);
    return edit;
  }
  const target = fixTarget(a, doc, fix);
  let other: vscode.TextDocument | undefined;
  try {
    other = await vscode.workspace.openTextDocument(target);
  } catch {
    other = undefined;
  }
  if (other) {
    toWorkspaceEdits(edit, other, fix.edits);
  } else {
    if (!fix.file.create) return undefined;
    // A new file: the edits are offsets into empty text, so they concatenate in order.
    const text = [...fix.edits].sort((x, y) => x.span.start - y.span.start).map((e) => e.newText).join('');
    edit.createFile(target, { ignoreIfExists: true, contents: new TextEncoder().encode(text) });
  }
  return edit;
}

function callFor(a: Analysis, f: Finding | undefined, offset: number): LlmCall | undefined {
  if (f?.callId) return a.result.calls.find((c) => c.id === f.callId);
  return a.result.calls.find((c) => c.span.start <= offset && offset <= c.span.end);
}

export class CostCodeActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.RefactorRewrite, FIX_ALL_KIND];

  /** `compression` adds the prompt rewrites (compress, model rewrite, output length); fix-all does without it. */
  constructor(private readonly analyses: AnalysisService, private readonly compression?: Compression) {}

  async provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection,
    ctx: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    const a = await this.analyses.fresh(doc, token);
    if (!a || token.isCancellationRequested) return [];
    const wants = (kind: vscode.CodeActionKind) => !ctx.only || ctx.only.contains(kind) || kind.contains(ctx.only);
    const actions: vscode.CodeAction[] = [];
    if (ctx.only && wants(FIX_ALL_KIND)) {
      const all = this.fixAll(doc, a);
      if (all) actions.push(all);
      if (!wants(vscode.CodeActionKind.QuickFix)) return actions;
    }
    const text = doc.getText();
    const seenCalls = new Set<string>();
    const suppressedLines = new Set<string>();
    for (const d of ctx.diagnostics) {
      const ruleId = codeOf(d);
      if (!ruleId) continue;
      const f = findingFor(a.result, doc, d);
      if (!f) continue;
      for (const fix of f.fixes) {
        // The rule's compression edit is unverified; the Compress prompt action below verifies it in the worker.
        if (ruleId === 'compressible-prompt' && this.compression) continue;
        const kind = fix.kind === 'refactor.rewrite' ? vscode.CodeActionKind.RefactorRewrite : vscode.CodeActionKind.QuickFix;
        if (!wants(kind)) continue;
        const edit = await editForFix(a, doc, fix);
        if (!edit) continue;
        const action = new vscode.CodeAction(fix.title, kind);
        action.edit = edit;
        action.diagnostics = [d];
        action.isPreferred = fix.safe && f.fixes[0] === fix;
        actions.push(action);
      }
      if (!wants(vscode.CodeActionKind.QuickFix)) continue;
      if (ruleId === 'unknown-model') actions.push(...this.mapModelActions(doc, a, f, d));
      const call = callFor(a, f, f.span.start);
      if (call && !seenCalls.has(call.id)) {
        seenCalls.add(call.id);
        actions.push(this.setCallsPerMonthAction(doc, a, call, [d]));
      }
      const lineKey = `${ruleId}:${d.range.start.line}`;
      if (!suppressedLines.has(lineKey)) {
        suppressedLines.add(lineKey);
        actions.push(this.editAction(`Suppress ${ruleId} on this line`, doc,
          suppressLineEdit(text, a.result.language, f.span.start, ruleId), [d]));
        actions.push(this.editAction(`Suppress ${ruleId} in this file`, doc,
          suppressFileEdit(text, a.result.language, ruleId), [d]));
      }
    }
    // Without a finding the rate is still worth setting on the call under the cursor.
    if (wants(vscode.CodeActionKind.QuickFix)) {
      const call = callFor(a, undefined, doc.offsetAt(range.start));
      if (call && !seenCalls.has(call.id)) actions.push(this.setCallsPerMonthAction(doc, a, call, []));
    }
    if (this.compression && wants(vscode.CodeActionKind.RefactorRewrite)) {
      const found = await Promise.all([this.compression.promptActions(doc, a, range, ctx.diagnostics, token),
        this.compression.outputLengthActions(doc, a, range)]);
      if (token.isCancellationRequested) return [];
      actions.push(...found.flat());
    }
    return actions;
  }

  private editAction(title: string, doc: vscode.TextDocument, e: TextEdit, diagnostics: vscode.Diagnostic[]): vscode.CodeAction {
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    toWorkspaceEdits(action.edit, doc, [e]);
    action.diagnostics = diagnostics;
    return action;
  }

  private setCallsPerMonthAction(doc: vscode.TextDocument, a: Analysis, call: LlmCall, diagnostics: vscode.Diagnostic[]): vscode.CodeAction {
    const current = a.result.costs.find((c) => c.callId === call.id)?.callsPerMonth;
    const action = new vscode.CodeAction(
      `Set calls per month for this call…${current !== undefined ? ` (now ${formatInt(current)})` : ''}`,
      vscode.CodeActionKind.QuickFix);
    action.command = { title: action.title, command: SET_CALLS_PER_MONTH, arguments: [doc.uri, call.id] };
    action.diagnostics = diagnostics;
    return action;
  }

  /** Map the unknown model to a known one in `.promptcost.json` (`modelAliases`): to each suggestion, or asked. */
  private mapModelActions(doc: vscode.TextDocument, a: Analysis, f: Finding, d: vscode.Diagnostic): vscode.CodeAction[] {
    const model = typeof f.data?.model === 'string' ? f.data.model : callFor(a, f, f.span.start)?.model;
    if (!model) return [];
    const suggestions = typeof f.data?.suggestions === 'string' ? f.data.suggestions.split(',').filter(Boolean) : [];
    const make = (title: string, target?: string) => {
      const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      action.command = { title, command: MAP_MODEL, arguments: target ? [doc.uri, model, target] : [doc.uri, model] };
      action.diagnostics = [d];
      return action;
    };
    return [
      ...suggestions.slice(0, 2).map((s) => make(`Map ${model} to ${s} in .promptcost.json`, s)),
      make(`Map ${model} to a known model in .promptcost.json…`),
    ];
  }

  /** Every safe fix of the file in one edit; overlapping fixes after the first are left for another run. */
  fixAll(doc: vscode.TextDocument, a: Analysis): vscode.CodeAction | undefined {
    const taken: { start: number; end: number }[] = [];
    const edits: TextEdit[] = [];
    for (const f of a.result.findings) {
      const fix = f.fixes.find((x) => x.safe && !x.file);
      if (!fix) continue;
      // Two inserts at one offset also conflict: their order would be arbitrary.
      const overlaps = fix.edits.some((e) => taken.some((t) => (e.span.start < t.end && t.start < e.span.end)
        || e.span.start === t.start));
      if (overlaps) continue;
      for (const e of fix.edits) { taken.push(e.span); edits.push(e); }
    }
    if (!edits.length) return undefined;
    const action = new vscode.CodeAction('Fix all safe Prompt Cost issues', FIX_ALL_KIND);
    action.edit = new vscode.WorkspaceEdit();
    toWorkspaceEdits(action.edit, doc, edits);
    return action;
  }
}

/** `promptCost.setCallsPerMonth(uri, callId, rate?)`: asks for the rate unless given, then writes the annotation. */
export async function setCallsPerMonth(analyses: AnalysisService, uri: vscode.Uri, callId: string,
  rate?: string | number): Promise<boolean> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const a = await analyses.whenIdle(doc);
  const call = a?.result.calls.find((c) => c.id === callId);
  if (!a || !call) return false;
  let input = rate === undefined ? undefined : String(rate);
  if (input === undefined) {
    const current = a.result.costs.find((c) => c.callId === callId)?.callsPerMonth;
    input = await vscode.window.showInputBox({
      title: 'Prompt Cost: calls per month for this call',
      prompt: 'How often this call runs, e.g. 20000, 20000/month, 500/day, 1000/week, 50/hour',
      value: current !== undefined ? String(current) : '',
      validateInput: (v) => (parseRate(v) ? undefined : 'A whole number, optionally /month, /week, /day or /hour'),
    });
    if (input === undefined) return false;
  }
  const parsed = parseRate(input);
  if (!parsed) return false;
  const e = callsPerMonthEdit(doc.getText(), a.result.language, call, parsed);
  const edit = new vscode.WorkspaceEdit();
  toWorkspaceEdits(edit, doc, [e]);
  return vscode.workspace.applyEdit(edit);
}

/**
 * `promptCost.mapModel(uri, model, target?)`: adds `modelAliases[model] = target` to the `.promptcost.json` that
 * applies to the document (created in the workspace folder when there is none), as one edit, and saves it so the
 * CLI and the extension read the same file.
 */
export async function mapModel(analyses: AnalysisService, uri: vscode.Uri, model: string, target?: string): Promise<boolean> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const a = await analyses.whenIdle(doc);
  if (target === undefined) {
    target = await vscode.window.showInputBox({
      title: `Prompt Cost: the model ${model} serves`,
      prompt: 'A model the pricing data knows, e.g. gpt-4o, claude-sonnet-4-5, gemini-2.5-flash',
      validateInput: (v) => (v.trim() ? undefined : 'A model name'),
    });
    if (!target) return false;
  }
  const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri ?? vscode.Uri.joinPath(uri, '..');
  const file = a?.configFile ?? vscode.Uri.joinPath(folder, '.promptcost.json');
  let text: string | null;
  try {
    text = (await vscode.workspace.openTextDocument(file)).getText();
  } catch {
    text = null;
  }
  const e = modelAliasEdit(text, model, target.trim());
  if (!e) {
    void vscode.window.showWarningMessage(`Prompt Cost: ${vscode.workspace.asRelativePath(file)} is not a valid JSON object; add "modelAliases" by hand.`);
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  if (text === null) {
    // Created with its content in one step: an empty file in between would read as invalid JSON.
    edit.createFile(file, { ignoreIfExists: true, contents: new TextEncoder().encode(e.newText) });
  } else {
    toWorkspaceEdits(edit, await vscode.workspace.openTextDocument(file), [e]);
  }
  if (!(await vscode.workspace.applyEdit(edit))) return false;
  await vscode.workspace.save(file);
  return true;
}
