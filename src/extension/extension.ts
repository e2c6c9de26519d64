// Prompt Cost Lint for VS Code: wires the analysis service to the editor surfaces and returns a small API that
// integration tests and the editor benchmark await (no sleeps).

import * as path from 'path';
import * as vscode from 'vscode';
import type { FileResult } from '../core/types';
import type { SidebarState } from '../webview/protocol';
import { AnalysisService, type Analysis } from './analysisService';
import { CallCodeLensProvider, SHOW_CALL_DETAILS } from './codeLens';
import { CostCodeActionProvider, MAP_MODEL, SET_CALLS_PER_MONTH, mapModel, setCallsPerMonth } from './codeActions';
import { ADD_OUTPUT_LENGTH, CLEAR_API_KEY, COMPRESS_PROMPT, Compression, MODEL_REWRITE, SET_API_KEY } from './compression';
import { ConfigService } from './configService';
import { Diagnostics, ruleDocsUri } from './diagnostics';
import { EngineClient } from './engineClient';
import { CostHoverProvider } from './hover';
import { TokenDecorations, TokenInlayHintsProvider } from './inlineTokens';
import { CostStatusBar, OPEN_SIDEBAR, type StatusBarState } from './statusBar';
import { SIDEBAR_VIEW_ID, SidebarProvider } from './views/sidebar';
import { WorkspaceModel } from './workspaceModel';
import { WorkspaceScanner, type ScanSummary } from './workspaceScan';
import { createLog } from './log';
import { listRules } from './rulesList';

export interface PromptCostApi {
  /** Resolves once the document's analysis is up to date (analysing it now if needed). */
  whenIdle(uri: vscode.Uri): Promise<FileResult | undefined>;
  /** The up-to-date result for an open document, if any. */
  getResult(uri: vscode.Uri): FileResult | undefined;
  /** Resolves with the next analysis of this document (use before triggering a settings or config change). */
  nextAnalysis(uri: vscode.Uri): Promise<FileResult>;
  analyzeWorkspace(): Promise<ScanSummary>;
  statusBar(): StatusBarState;
  sidebar: { ready: Promise<void>; state(): SidebarState; lastPosted(): SidebarState | undefined };
  /**
   * The code actions at a range as the provider builds them. VS Code's `vscode.executeCodeActionProvider` returns
   * copies whose edits lose their metadata (the Refactor Preview's `needsConfirmation`); these keep it.
   */
  codeActions(uri: vscode.Uri, range: vscode.Range, only?: vscode.CodeActionKind): Promise<vscode.CodeAction[]>;
  /** Figures for the editor benchmark. */
  timings(): EditorTimings;
}

export interface EditorTimings {
  /** Time from activate() to the first diagnostics published, ms (null until then). */
  activationToFirstDiagnosticsMs: number | null;
  engineLoadMs: number | null;
  /** Where the engine runs: its worker thread, or the main thread when the worker could not start. */
  engineMode: 'worker' | 'main-thread';
  /** Recent per-document figures, ms, newest last: the engine's analysis time, the round trip to the worker,
   * and the extension host's main-thread time (read text, post it, publish the result). */
  engineMs: number[];
  roundTripMs: number[];
  mainThreadMs: number[];
}

export function activate(context: vscode.ExtensionContext): PromptCostApi {
  const t0 = performance.now();
  let firstDiagnosticsMs: number | null = null;
  const log = createLog();
  const assetsDir = path.join(context.extensionUri.fsPath, 'dist');
  const configs = new ConfigService(log);
  const engine = new EngineClient(assetsDir, log);
  const analyses = new AnalysisService(engine, configs, log);
  const diagnostics = new Diagnostics(context.extensionUri);
  const model = new WorkspaceModel();
  const scanner = new WorkspaceScanner(engine, configs, model, diagnostics, log);
  const statusBar = new CostStatusBar(analyses);
  const codeLens = new CallCodeLensProvider(analyses);
  const inlayHints = new TokenInlayHintsProvider(analyses);
  const compression = new Compression(analyses, configs, engine, context.secrets, log);
  const codeActions = new CostCodeActionProvider(analyses, compression);
  const openDocs = (ruleId?: string) => openRuleDocs(context.extensionUri, ruleId);
  const sidebar = new SidebarProvider(context.extensionUri, model, { scan: () => void scanner.scan(), openDocs });
  const selector: vscode.DocumentSelector = ['python', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact']
    .map((language) => ({ language }));

  context.subscriptions.push(
    log, configs, engine, analyses, diagnostics, model, statusBar, codeLens, inlayHints, sidebar, compression,
    new TokenDecorations(analyses),
    analyses.onDidAnalyze((a: Analysis) => {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === a.uri.toString());
      if (!doc || doc.version !== a.version) return;
      diagnostics.set(a.uri, doc, a.result);
      model.set(a.uri, doc, a.result);
      if (firstDiagnosticsMs === null && a.result.calls.length) {
        firstDiagnosticsMs = performance.now() - t0;
        log.info(`first diagnostics ${firstDiagnosticsMs.toFixed(0)} ms after activation`);
      }
    }),
    analyses.onDidClear((uri) => diagnostics.delete(uri)),
    analyses.onDidClose((uri) => void scanner.documentClosed(uri)),
    vscode.languages.registerCodeLensProvider(selector, codeLens),
    vscode.languages.registerHoverProvider(selector, new CostHoverProvider(analyses)),
    vscode.languages.registerInlayHintsProvider(selector, inlayHints),
    vscode.languages.registerCodeActionsProvider(selector, codeActions,
      { providedCodeActionKinds: CostCodeActionProvider.kinds }),
    vscode.window.registerWebviewViewProvider(SIDEBAR_VIEW_ID, sidebar),
    vscode.commands.registerCommand('promptCost.analyzeWorkspace', async () => {
      const s = await scanner.scan();
      void vscode.window.showInformationMessage(`Prompt Cost: ${s.analysed} files, ${s.calls} LLM calls, ` +
        `$${s.monthlyCost.toFixed(2)}/month projected (${(s.ms / 1000).toFixed(1)} s).`);
      return s;
    }),
    vscode.commands.registerCommand(OPEN_SIDEBAR, () => vscode.commands.executeCommand(`${SIDEBAR_VIEW_ID}.focus`)),
    vscode.commands.registerCommand('promptCost.openRuleDocs', (ruleId?: string) => openDocs(ruleId)),
    vscode.commands.registerCommand('promptCost.showOutput', () => log.show()),
    vscode.commands.registerCommand(SHOW_CALL_DETAILS, async (uri: vscode.Uri, callId: string) => {
      const doc = await vscode.workspace.openTextDocument(uri);
      const call = (await analyses.whenIdle(doc))?.result.calls.find((c) => c.id === callId);
      if (!call) return;
      model.select(uri, callId);
      const pos = doc.positionAt(call.nameSpan.start);
      await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos) });
      await vscode.commands.executeCommand('editor.action.showHover');
    }),
    vscode.commands.registerCommand(SET_CALLS_PER_MONTH, (uri: vscode.Uri, callId: string, rate?: string | number) =>
      setCallsPerMonth(analyses, uri, callId, rate)),
    vscode.commands.registerCommand(MAP_MODEL, (uri: vscode.Uri, model: string, target?: string) =>
      mapModel(analyses, uri, model, target)),
    vscode.commands.registerCommand(COMPRESS_PROMPT, () => compression.compressCommand()),
    vscode.commands.registerCommand(ADD_OUTPUT_LENGTH, (uri?: vscode.Uri, callId?: string, sentences?: number) =>
      compression.addOutputLength(uri, callId, sentences)),
    vscode.commands.registerCommand(MODEL_REWRITE, (uri?: vscode.Uri, promptId?: string) => compression.modelRewrite(uri, promptId)),
    vscode.commands.registerCommand(SET_API_KEY, (key?: string) => compression.setApiKey(key)),
    vscode.commands.registerCommand(CLEAR_API_KEY, () => compression.clearApiKey()),
    vscode.commands.registerCommand('promptCost.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return false;
      const a = await analyses.whenIdle(editor.document);
      const action = a && new CostCodeActionProvider(analyses).fixAll(editor.document, a);
      if (!action?.edit) {
        void vscode.window.showInformationMessage('Prompt Cost: nothing to fix safely in this file.');
        return false;
      }
      return vscode.workspace.applyEdit(action.edit);
    }),
    vscode.commands.registerCommand('promptCost.toggleInlineTokens', async () => {
      const cfg = vscode.workspace.getConfiguration('promptCost');
      const now = cfg.get<string>('display.inlineTokens', 'inlayHint');
      await cfg.update('display.inlineTokens', now === 'off' ? 'inlayHint' : 'off', vscode.ConfigurationTarget.Global);
    }),
  );

  analyses.analyzeAllOpen();
  log.info(`activated in ${(performance.now() - t0).toFixed(0)} ms (VS Code ${vscode.version}, ${vscode.env.appName})`);

  const find = (uri: vscode.Uri) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return {
    async whenIdle(uri) {
      const doc = find(uri) ?? (await vscode.workspace.openTextDocument(uri));
      return (await analyses.whenIdle(doc))?.result;
    },
    getResult(uri) {
      const doc = find(uri);
      return doc ? analyses.current(doc)?.result : undefined;
    },
    nextAnalysis(uri) {
      return new Promise((resolve) => {
        const sub = analyses.onDidAnalyze((a) => {
          if (a.uri.toString() !== uri.toString()) return;
          sub.dispose();
          resolve(a.result);
        });
      });
    },
    analyzeWorkspace: () => scanner.scan(),
    async codeActions(uri, range, only) {
      const doc = find(uri) ?? (await vscode.workspace.openTextDocument(uri));
      const diagnostics = vscode.languages.getDiagnostics(uri).filter((d) => d.range.intersection(range));
      const ctx: vscode.CodeActionContext = { diagnostics, only, triggerKind: vscode.CodeActionTriggerKind.Invoke };
      return codeActions.provideCodeActions(doc, range, ctx, new vscode.CancellationTokenSource().token);
    },
    statusBar: () => statusBar.state,
    sidebar: {
      ready: sidebar.ready,
      state: () => model.state(),
      lastPosted: () => (sidebar.lastPosted?.type === 'state' ? sidebar.lastPosted.state : undefined),
    },
    timings: () => ({
      activationToFirstDiagnosticsMs: firstDiagnosticsMs,
      engineLoadMs: engine.engineLoadMs,
      engineMode: engine.mode,
      engineMs: [...analyses.timings.engineMs],
      roundTripMs: [...analyses.timings.roundTripMs],
      mainThreadMs: [...analyses.timings.mainThreadMs],
    }),
  };
}

async function openRuleDocs(extensionUri: vscode.Uri, ruleId?: string): Promise<void> {
  if (!ruleId) {
    const pick = await vscode.window.showQuickPick(listRules().map((r) => ({ label: r.id, detail: r.description })),
      { title: 'Prompt Cost: open rule documentation' });
    if (!pick) return;
    ruleId = pick.label;
  }
  const uri = ruleDocsUri(extensionUri, ruleId);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await vscode.window.showTextDocument(uri);
  }
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
