// Analyses open documents: throttled per document, never two runs of one document at a time, results cached by
// document version and configuration generation. Huge or minified files are skipped (by the engine) with a
// one-time notice. The engine runs in a worker thread (EngineClient); what the main thread spends per analysis
// (reading the text, posting it, publishing the result) is measured separately from the engine's own time.

import * as path from 'path';
import type { Edit } from '@vscode/tree-sitter-wasm';
import * as vscode from 'vscode';
import type { ResolvedConfig } from '../core/config/types';
import type { FileResult } from '../core/types';
import type { ConfigService } from './configService';
import type { EngineClient } from './engineClient';
import type { DocumentTree } from './engineProtocol';
import { toTreeEdits } from './treeEdits';
import { editorSettings } from './settings';
import type { EditorSettings } from './settingsModel';

export interface Analysis {
  uri: vscode.Uri;
  version: number;
  generation: number;
  result: FileResult;
  config: ResolvedConfig;
  configFile?: vscode.Uri;
  /** Time in `engine.analyze` (in the worker), ms. */
  ms: number;
  /** From sending the text to having the result on the main thread, ms. */
  roundTripMs: number;
  at: number;
}

interface DocState {
  timer?: NodeJS.Timeout;
  running?: Promise<void>;
  /** Changed while a run was in flight: run again when it ends. */
  dirty: boolean;
  analysis?: Analysis;
  lastEditAt: number;
  /** Tree-sitter edits since the version whose tree the worker keeps (`treeVersion`), for incremental parsing. */
  edits: Edit[];
  treeVersion: number | null;
  treeKey?: string;
  /** The version whose analysis threw: not retried until the text or configuration changes. */
  failed?: { version: number; generation: number };
  waiters: Array<() => void>;
}

const SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'memfs', 'vscode-test-web']);
const TIMING_WINDOW = 200;

export class AnalysisService implements vscode.Disposable {
  private readonly docs = new Map<string, DocState>();
  private readonly onDidAnalyzeEmitter = new vscode.EventEmitter<Analysis>();
  private readonly onDidClearEmitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly onDidChangeTypingEmitter = new vscode.EventEmitter<vscode.Uri>();
  /** A document was (re-)analysed. */
  readonly onDidAnalyze = this.onDidAnalyzeEmitter.event;
  /** A document's result was dropped (closed, disabled, language no longer analysed). */
  readonly onDidClear = this.onDidClearEmitter.event;
  private readonly onDidCloseEmitter = new vscode.EventEmitter<vscode.Uri>();
  /** A document was closed (after onDidClear). */
  readonly onDidClose = this.onDidCloseEmitter.event;
  /** A document went from "being typed in" to idle (for surfaces hidden while typing). */
  readonly onDidChangeTyping = this.onDidChangeTypingEmitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private skippedNoticeShown = false;
  /** Recent figures (ms), newest last, for the API and the editor bench: the engine's time per analysis, the
   * round trip, and the extension host's main-thread time (reading, posting, publishing). */
  readonly timings = { engineMs: [] as number[], roundTripMs: [] as number[], mainThreadMs: [] as number[] };
  readonly typingPauseMs = 1000;

  constructor(
    private readonly engine: EngineClient,
    private readonly configs: ConfigService,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, true)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        const state = this.docs.get(e.document.uri.toString());
        if (state) {
          this.markTyping(e.document.uri, state);
          // Kept even while a run is in flight: they lead from the version it sent to the next one.
          state.edits.push(...toTreeEdits(e.contentChanges));
        }
        this.schedule(e.document, false);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => { this.clear(d.uri); this.onDidCloseEmitter.fire(d.uri); }),
      configs.onDidChange(() => this.analyzeAllOpen()),
    );
  }

  /** Analyses every open document (activation, settings or config file change). */
  analyzeAllOpen(): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d, true);
  }

  /** The last result for this document if it matches its current text; stale results are never returned. */
  current(doc: vscode.TextDocument): Analysis | undefined {
    const a = this.docs.get(doc.uri.toString())?.analysis;
    return a && a.version === doc.version && a.generation === this.configs.generation ? a : undefined;
  }

  /** The last result whatever its version (for surfaces that may lag a keystroke, e.g. the status bar). */
  last(uri: vscode.Uri): Analysis | undefined {
    return this.docs.get(uri.toString())?.analysis;
  }

  isTyping(uri: vscode.Uri): boolean {
    const s = this.docs.get(uri.toString());
    return !!s && Date.now() - s.lastEditAt < this.typingPauseMs;
  }

  /** Resolves when the document has an up-to-date result (or none is due): analyses it now if needed. */
  async whenIdle(doc: vscode.TextDocument): Promise<Analysis | undefined> {
    for (;;) {
      if (!this.eligible(doc)) return undefined;
      const state = this.state(doc.uri);
      if (!state.running && !state.timer) {
        if (this.current(doc)) return state.analysis;
        const f = state.failed;
        if (f && f.version === doc.version && f.generation === this.configs.generation) return undefined;
      }
      if (!state.running) {
        if (state.timer) clearTimeout(state.timer);
        state.timer = undefined;
        this.start(doc, state);
      }
      await new Promise<void>((r) => state.waiters.push(r));
    }
  }

  /** Awaits the configured document's result, for providers (CodeLens, hover, code actions). */
  async fresh(doc: vscode.TextDocument, token?: vscode.CancellationToken): Promise<Analysis | undefined> {
    const now = this.current(doc);
    if (now) return now;
    const a = await this.whenIdle(doc);
    return token?.isCancellationRequested ? undefined : a && this.current(doc);
  }

  private eligible(doc: vscode.TextDocument): boolean {
    if (!SCHEMES.has(doc.uri.scheme) || doc.isClosed) return false;
    const settings = this.configsSettings(doc.uri);
    return settings.enable && settings.languages.includes(doc.languageId);
  }

  private configsSettings(uri: vscode.Uri): EditorSettings {
    // Cheap (VS Code caches configuration objects), and a changed setting applies at once.
    return editorSettings(uri);
  }

  private state(uri: vscode.Uri): DocState {
    const key = uri.toString();
    let s = this.docs.get(key);
    if (!s) {
      s = { dirty: false, lastEditAt: 0, waiters: [], edits: [], treeVersion: null };
      this.docs.set(key, s);
    }
    return s;
  }

  private markTyping(uri: vscode.Uri, state: DocState): void {
    const wasTyping = Date.now() - state.lastEditAt < this.typingPauseMs;
    state.lastEditAt = Date.now();
    if (!wasTyping) this.onDidChangeTypingEmitter.fire(uri);
    setTimeout(() => { if (!this.isTyping(uri)) this.onDidChangeTypingEmitter.fire(uri); }, this.typingPauseMs + 10);
  }

  /** Throttle: the first change arms a timer; further changes within the window ride on it. */
  private schedule(doc: vscode.TextDocument, immediate: boolean): void {
    if (!this.eligible(doc)) {
      if (this.docs.has(doc.uri.toString())) this.clear(doc.uri);
      return;
    }
    const state = this.state(doc.uri);
    if (state.running) {
      state.dirty = true;
      return;
    }
    if (state.timer) return;
    const delay = immediate ? 0 : this.configsSettings(doc.uri).analysisDelay;
    state.timer = setTimeout(() => {
      state.timer = undefined;
      this.start(doc, state);
    }, delay);
  }

  private start(doc: vscode.TextDocument, state: DocState): void {
    state.dirty = false;
    const attempt = { version: doc.version, generation: this.configs.generation };
    state.running = this.run(doc, state)
      .then(() => { state.failed = undefined; })
      .catch((e) => {
        state.failed = attempt;
        this.log.error(`analysis of ${doc.uri.fsPath} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      })
      .finally(() => {
        state.running = undefined;
        const stale = state.dirty || (!this.current(doc) && !state.failed);
        if (!doc.isClosed && stale && this.eligible(doc)) {
          // Edited during the run (or settings changed): go again, throttled.
          this.schedule(doc, false);
          if (state.timer) return;
        }
        const waiters = state.waiters.splice(0);
        for (const w of waiters) w();
      });
  }

  private async run(doc: vscode.TextDocument, state: DocState): Promise<void> {
    const generation = this.configs.generation;
    if (this.current(doc)) return;
    const dc = await this.configs.configFor(doc.uri);
    if (doc.isClosed) return;
    // Text and version are read together: the result's offsets refer to this version.
    let t = performance.now();
    const text = doc.getText();
    const version = doc.version;
    const key = `${doc.uri.toString()}#${doc.languageId}`;
    if (state.treeKey && state.treeKey !== key) this.engine.forget(state.treeKey);
    state.treeKey = key;
    // Every change event up to `version` has been delivered (the document and its events update together).
    const tree: DocumentTree = { key, baseVersion: state.treeVersion, version, edits: state.edits.splice(0) };
    state.treeVersion = null;
    const sent = this.engine.analyze(dc.config, [{ path: doc.uri.fsPath || doc.uri.path, text, languageId: doc.languageId }], [tree]);
    let mainMs = performance.now() - t;
    const [outcome] = await sent;
    const roundTripMs = performance.now() - t;
    if (!outcome.result) throw new Error(outcome.error ?? 'no result');
    t = performance.now();
    const result = outcome.result;
    // The worker now keeps this version's tree (unless the file was skipped: then the next run parses in full).
    if (!result.skipped && this.engine.incremental) state.treeVersion = version;
    if (result.skipped) this.noticeSkipped(doc, result.skipped);
    if (generation !== this.configs.generation) state.dirty = true;
    state.analysis = { uri: doc.uri, version, generation, result, config: dc.config, configFile: dc.configFile,
      ms: outcome.ms, roundTripMs, at: Date.now() };
    this.onDidAnalyzeEmitter.fire(state.analysis);
    mainMs += performance.now() - t;
    if (!result.skipped) {
      push(this.timings.engineMs, outcome.ms);
      push(this.timings.roundTripMs, roundTripMs);
      push(this.timings.mainThreadMs, mainMs);
      this.log.debug(`${vscode.workspace.asRelativePath(doc.uri)} v${version}: ${result.calls.length} calls, ` +
        `${result.findings.length} findings; engine ${outcome.ms.toFixed(1)} ms, round trip ${roundTripMs.toFixed(1)} ms, ` +
        `main thread ${mainMs.toFixed(1)} ms`);
    }
  }

  private noticeSkipped(doc: vscode.TextDocument, reason: string): void {
    this.log.info(`skipped ${vscode.workspace.asRelativePath(doc.uri)}: ${reason}`);
    if (this.skippedNoticeShown) return;
    this.skippedNoticeShown = true;
    void vscode.window.showInformationMessage(
      `Prompt Cost skipped ${path.basename(doc.uri.path)}: ${reason}. Other skipped files are listed in the output.`,
      'Show Output',
    ).then((pick) => { if (pick) this.log.show(true); });
  }

  private clear(uri: vscode.Uri): void {
    const s = this.docs.get(uri.toString());
    if (!s) return;
    if (s.timer) clearTimeout(s.timer);
    if (s.treeKey) this.engine.forget(s.treeKey);
    this.docs.delete(uri.toString());
    for (const w of s.waiters.splice(0)) w();
    this.onDidClearEmitter.fire(uri);
  }

  dispose(): void {
    for (const s of this.docs.values()) if (s.timer) clearTimeout(s.timer);
    for (const d of this.disposables) d.dispose();
    this.onDidAnalyzeEmitter.dispose();
    this.onDidClearEmitter.dispose();
    this.onDidCloseEmitter.dispose();
    this.onDidChangeTypingEmitter.dispose();
  }
}

function push(window: number[], v: number): void {
  window.push(v);
  if (window.length > TIMING_WINDOW) window.shift();
}
