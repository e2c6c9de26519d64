// "Analyze Workspace": finds the source files, reads them asynchronously and has the engine's worker thread
// analyse them in small batches (so an edited document's analysis never waits long behind the scan). The main
// thread only reads files and turns results into rows and diagnostics; its longest slice is measured.

import * as vscode from 'vscode';
import type { ResolvedConfig } from '../core/config/types';
import type { AnalyzeInput } from '../core/engine';
import type { FileResult } from '../core/types';
import type { ConfigService, DocumentConfig } from './configService';
import { textPositions } from './convert';
import type { Diagnostics } from './diagnostics';
import { editorSettings } from './settings';
import type { EngineClient } from './engineClient';
import type { WorkspaceModel } from './workspaceModel';

export interface ScanSummary {
  files: number;
  analysed: number;
  skipped: number;
  failed: number;
  calls: number;
  findings: number;
  monthlyCost: number;
  ms: number;
  /** The longest stretch the scan held the extension host's main thread, ms. */
  maxMainThreadSliceMs: number;
  mode: 'worker' | 'main-thread';
}

const EXTENSIONS: Record<string, string[]> = {
  python: ['py', 'pyi'], typescript: ['ts', 'mts', 'cts'], typescriptreact: ['tsx'],
  javascript: ['js', 'mjs', 'cjs'], javascriptreact: ['jsx'],
};
const LANGUAGE_OF_EXT = new Map(Object.entries(EXTENSIONS).flatMap(([lang, exts]) => exts.map((e) => [e, lang] as const)));
const EXCLUDE = '**/{node_modules,.git,.hg,.venv,venv,.tox,__pycache__,site-packages,dist,out,build,.next,coverage,.vscode-test}/**';
/** Files per request: small, so a document analysis queued behind a batch waits little. */
const BATCH = 8;

interface Pending {
  uri: vscode.Uri;
  text: string;
  input: AnalyzeInput;
  dc: DocumentConfig;
}

export class WorkspaceScanner {
  private running?: Promise<ScanSummary>;
  /** The files the last scan covered: closing one of them shows what the file on disk says again. */
  private readonly scanned = new Set<string>();

  constructor(
    private readonly engine: EngineClient,
    private readonly configs: ConfigService,
    private readonly model: WorkspaceModel,
    private readonly diagnostics: Diagnostics,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  scan(): Promise<ScanSummary> {
    this.running ??= Promise.resolve(vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Prompt Cost: analysing workspace' },
      (progress) => this.run(progress),
    )).finally(() => { this.running = undefined; });
    return this.running;
  }

  private async run(progress: vscode.Progress<{ message?: string }>): Promise<ScanSummary> {
    const t0 = performance.now();
    let maxSlice = 0;
    const slice = <T>(fn: () => T): T => {
      const s = performance.now();
      try { return fn(); } finally { maxSlice = Math.max(maxSlice, performance.now() - s); }
    };
    const editor = editorSettings();
    const exts = editor.languages.flatMap((l) => EXTENSIONS[l] ?? []);
    const summary: ScanSummary = { files: 0, analysed: 0, skipped: 0, failed: 0, calls: 0, findings: 0, monthlyCost: 0,
      ms: 0, maxMainThreadSliceMs: 0, mode: this.engine.mode };
    if (!exts.length || !vscode.workspace.workspaceFolders?.length) return summary;
    const uris = await vscode.workspace.findFiles(`**/*.{${exts.join(',')}}`, EXCLUDE, editor.scanMaxFiles);
    summary.files = uris.length;
    this.scanned.clear();
    for (const u of uris) this.scanned.add(u.toString());
    this.model.setScan({ state: 'running', files: uris.length, done: 0, ms: null });
    this.log.info(`workspace scan: ${uris.length} files`);

    const configByDir = new Map<string, Promise<DocumentConfig>>();
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));

    const publish = (p: Pending, result: FileResult | undefined, error?: string) => slice(() => {
      if (error || !result) {
        summary.failed++;
        this.log.warn(`scan: ${vscode.workspace.asRelativePath(p.uri)}: ${error}`);
        return;
      }
      if (result.skipped) {
        summary.skipped++;
        this.log.debug(`scan: skipped ${vscode.workspace.asRelativePath(p.uri)}: ${result.skipped}`);
      } else {
        summary.analysed++;
      }
      summary.calls += result.calls.length;
      summary.findings += result.findings.length;
      summary.monthlyCost += result.monthlyCost;
      // Open documents are analysed live; their fresher results win.
      if (open.has(p.uri.toString())) return;
      const positions = textPositions(p.text);
      this.model.set(p.uri, positions, result);
      this.diagnostics.set(p.uri, positions, result);
    });

    const analyzeBatch = async (batch: Pending[]) => {
      const groups = new Map<ResolvedConfig, Pending[]>();
      for (const p of batch) groups.set(p.dc.config, [...(groups.get(p.dc.config) ?? []), p]);
      for (const [config, items] of groups) {
        const outcomes = await this.engine.analyze(config, items.map((i) => i.input));
        outcomes.forEach((o, i) => publish(items[i], o.result, o.error));
      }
    };

    let done = 0;
    let inFlight: Promise<void> = Promise.resolve();
    try {
      for (let i = 0; i < uris.length; i += BATCH) {
        const batch: Pending[] = [];
        await Promise.all(uris.slice(i, i + BATCH).map(async (uri) => {
          const p = await this.read(uri, configByDir, slice);
          if (p) batch.push(p);
          else summary.failed++;
        }));
        // Read the next batch while the worker analyses this one.
        await inFlight;
        inFlight = analyzeBatch(batch);
        done = Math.min(uris.length, i + BATCH);
        this.model.setScan({ state: 'running', files: uris.length, done, ms: null });
        progress.report({ message: `${done}/${uris.length}` });
      }
      await inFlight;
    } finally {
      summary.mode = this.engine.mode;
    }
    summary.ms = performance.now() - t0;
    summary.maxMainThreadSliceMs = maxSlice;
    this.model.setScan({ state: 'done', files: uris.length, done: uris.length, ms: summary.ms });
    this.log.info(`workspace scan done in ${summary.ms.toFixed(0)} ms (${summary.mode}): ${summary.analysed} analysed, ` +
      `${summary.skipped} skipped, ${summary.failed} failed, ${summary.calls} calls; longest main-thread slice ` +
      `${maxSlice.toFixed(1)} ms`);
    return summary;
  }

  /**
   * A document closed: after a scan its problems stay listed, as the file on disk has them (the live analysis
   * may have been of unsaved text). Before any scan, or for a file the scan did not cover, they go.
   */
  async documentClosed(uri: vscode.Uri): Promise<void> {
    if (!this.scanned.has(uri.toString())) return;
    const p = await this.read(uri, new Map(), (fn) => fn());
    const outcome = p ? await this.engine.analyze(p.dc.config, [p.input]).then((o) => o[0], (e: unknown) => ({ result: undefined, error: String(e) })) : undefined;
    // Reopened meanwhile: the live analysis owns it again.
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return;
    if (!p || !outcome?.result) {
      this.diagnostics.delete(uri);
      this.model.delete(uri);
      if (outcome?.error) this.log.warn(`${vscode.workspace.asRelativePath(uri)}: ${outcome.error}`);
      return;
    }
    const positions = textPositions(p.text);
    this.model.set(uri, positions, outcome.result);
    this.diagnostics.set(uri, positions, outcome.result);
  }

  /** Reads a file and its configuration; undefined when it cannot be read (deleted, unreadable). */
  private async read(uri: vscode.Uri, configByDir: Map<string, Promise<DocumentConfig>>, slice: <T>(fn: () => T) => T): Promise<Pending | undefined> {
    const dir = uri.with({ path: uri.path.slice(0, uri.path.lastIndexOf('/')) }).toString();
    let dcp = configByDir.get(dir);
    if (!dcp) configByDir.set(dir, (dcp = this.configs.configFor(uri)));
    const [dc, bytes] = await Promise.all([dcp, vscode.workspace.fs.readFile(uri).then((b) => b, () => undefined)]);
    if (!bytes) return undefined;
    return slice(() => {
      const text = new TextDecoder('utf-8').decode(bytes);
      const ext = uri.path.slice(uri.path.lastIndexOf('.') + 1).toLowerCase();
      return { uri, text, dc, input: { path: uri.fsPath || uri.path, text, languageId: LANGUAGE_OF_EXT.get(ext) } };
    });
  }
}
