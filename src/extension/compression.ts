// Prompt compression in the editor: the "Compress prompt (−N tokens, ≈ −$X/month)" code action on any prompt
// literal, the Compress Prompt command, the explicit output-length instruction, and the optional model-assisted
// rewrite. Compression runs where the engine runs (its worker thread) and is verified there by re-analysis.
// Prompt rewrites reach the file through VS Code's Refactor Preview (`needsConfirmation`), as one edit: one undo.
// None of these is ever part of fix-all: they change what the model is asked.

import * as vscode from 'vscode';
import type { LlmCall, Prompt, TextEdit } from '../core/types';
import type { Analysis, AnalysisService } from './analysisService';
import type { ConfigService } from './configService';
import { rangeOf } from './convert';
import { codeOf, findingFor } from './diagnostics';
import type { EngineClient } from './engineClient';
import type { CompressedPrompt, CompressOptions, OutputLengthResult } from './engineTasks';
import { formatInt } from './format';
import { editorSettings } from './settings';

export const COMPRESS_PROMPT = 'promptCost.compressPrompt';
export const ADD_OUTPUT_LENGTH = 'promptCost.addOutputLengthInstruction';
export const MODEL_REWRITE = 'promptCost.modelRewritePrompt';
export const SET_API_KEY = 'promptCost.setModelRewriteApiKey';
export const CLEAR_API_KEY = 'promptCost.clearModelRewriteApiKey';
/** Where the model-rewrite API key lives in SecretStorage; the environment variable is the fallback. */
export const API_KEY_SECRET = 'promptCost.modelRewrite.apiKey';
export const API_KEY_ENV = 'PROMPT_COST_OPENAI_API_KEY';

const REWRITE = vscode.CodeActionKind.RefactorRewrite;
const CACHED_DOCUMENTS = 16;

/** What a compress or rewrite command did (returned for scripting and tests). */
export interface RewriteOutcome {
  applied: boolean;
  /** Why nothing was applied (refused, rejected, cancelled, discarded in the preview). */
  reason?: string;
  saved?: number;
  /** Literals whose model proposal was rejected while others were rewritten. */
  rejected?: string[];
}

/**
 * One edit of the document that VS Code shows in its Refactor Preview before applying (the change starts
 * unticked there: tick it and Apply, or Discard). Applied, it is one undo step.
 */
export function previewEdit(doc: vscode.TextDocument, edits: readonly TextEdit[], label: string, description: string): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  const metadata: vscode.WorkspaceEditEntryMetadata = { needsConfirmation: true, label, description };
  for (const e of edits) edit.replace(doc.uri, rangeOf(doc, e.span), e.newText, metadata);
  return edit;
}

function plainEdit(doc: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(doc.uri, rangeOf(doc, e.span), e.newText);
  return edit;
}

function promptsAt(a: Analysis, start: number, end: number): Prompt[] {
  const hits = (p: Prompt) => p.pieces.some((x) => (start === end ? x.span.start <= start && start <= x.span.end
    : x.span.start < end && start < x.span.end));
  return a.result.prompts.filter(hits);
}

function compressOptions(a: Analysis): CompressOptions {
  return { level: a.config.compression.level, disabledPasses: [...a.config.compression.disabledPasses] };
}

function savingText(r: { saved: number; tokensBefore: number }): string {
  return `−${formatInt(r.saved)} of ${formatInt(r.tokensBefore)} tokens`;
}

export class Compression implements vscode.Disposable {
  /** Compression results by document, for the current version and settings only (code actions ask often). */
  private readonly cache = new Map<string, { key: string; result: Promise<CompressedPrompt> }>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly analyses: AnalysisService,
    private readonly configs: ConfigService,
    private readonly engine: EngineClient,
    private readonly secrets: vscode.SecretStorage,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(analyses.onDidClear((uri) => this.cache.delete(uri.toString())));
  }

  // ---- code actions ----

  /** Compress (and, when enabled, rewrite with a model) the prompt under the cursor; refactor.rewrite. */
  async promptActions(doc: vscode.TextDocument, a: Analysis, range: vscode.Range, diagnostics: readonly vscode.Diagnostic[],
    token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    const prompt = promptsAt(a, doc.offsetAt(range.start), doc.offsetAt(range.end))[0];
    if (!prompt) return [];
    const flagged = diagnostics.filter((d) => codeOf(d) === 'compressible-prompt' && findingFor(a.result, doc, d)?.promptId === prompt.id);
    const actions: vscode.CodeAction[] = [];
    const r = await this.compress(doc, a, prompt, token).catch((e: unknown) => {
      this.log.error(`compression of ${prompt.id} failed: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    });
    if (token.isCancellationRequested) return [];
    if (r?.ok) {
      const action = new vscode.CodeAction(r.title ?? 'Compress prompt', REWRITE);
      action.edit = previewEdit(doc, r.edits, 'Compress prompt', savingText(r));
      action.diagnostics = flagged;
      actions.push(action);
    } else if (r) {
      const action = new vscode.CodeAction('Compress prompt', REWRITE);
      action.disabled = { reason: `Nothing to compress safely: ${r.reason}` };
      actions.push(action);
    }
    const rewrite = editorSettings(doc.uri).modelRewrite;
    if (rewrite.enabled) {
      const action = new vscode.CodeAction(`Rewrite prompt with ${rewrite.model || 'a model'}…`, REWRITE);
      if (rewrite.model) action.command = { title: action.title, command: MODEL_REWRITE, arguments: [doc.uri, prompt.id] };
      else action.disabled = { reason: 'Set promptCost.modelRewrite.model to the model the endpoint serves' };
      actions.push(action);
    }
    return actions;
  }

  /** "Answer in at most N sentences." on a call flagged for having no output cap; refactor.rewrite, never fix-all. */
  async outputLengthActions(doc: vscode.TextDocument, a: Analysis, range: vscode.Range): Promise<vscode.CodeAction[]> {
    const offset = doc.offsetAt(range.start);
    const n = editorSettings(doc.uri).outputLengthSentences;
    const calls = this.flaggedCalls(a).filter((c) => c.span.start <= offset && offset <= c.span.end);
    return Promise.all(calls.map(async (call) => {
      const r = await this.outputLength(doc, a, call.id, n);
      if (!r.ok) {
        const action = new vscode.CodeAction(`Add "${r.instruction}" to the system prompt`, REWRITE);
        action.disabled = { reason: r.reason };
        return action;
      }
      const action = new vscode.CodeAction(r.fix.title, REWRITE);
      action.edit = plainEdit(doc, r.fix.edits);
      return action;
    }));
  }

  private outputLength(doc: vscode.TextDocument, a: Analysis, callId: string, sentences: number): Promise<OutputLengthResult> {
    return this.engine.run(a.config, { task: 'outputLength', text: doc.getText(), analysis: a.result, callId, sentences });
  }

  /** Calls flagged for verbose output: no output cap (the missing-output-cap finding). */
  private flaggedCalls(a: Analysis): LlmCall[] {
    const ids = new Set(a.result.findings.filter((f) => f.ruleId === 'missing-output-cap').map((f) => f.callId));
    return a.result.calls.filter((c) => ids.has(c.id));
  }

  private compress(doc: vscode.TextDocument, a: Analysis, prompt: Prompt, token?: vscode.CancellationToken): Promise<CompressedPrompt> {
    const options = compressOptions(a);
    const key = `${a.version}:${a.generation}:${prompt.id}:${options.level}:${options.disabledPasses.join(',')}`;
    const uri = doc.uri.toString();
    const hit = this.cache.get(uri);
    if (hit?.key === key) return hit.result;
    const result = this.engine.run(a.config, {
      task: 'compressPrompt', promptId: prompt.id, options, analysis: a.result,
      file: { path: doc.uri.fsPath || doc.uri.path, text: doc.getText(), languageId: doc.languageId },
    }, token);
    this.cache.delete(uri);
    this.cache.set(uri, { key, result });
    if (this.cache.size > CACHED_DOCUMENTS) this.cache.delete(this.cache.keys().next().value!);
    // A failed or cancelled run must not stay cached.
    result.catch(() => { if (this.cache.get(uri)?.result === result) this.cache.delete(uri); });
    return result;
  }

  // ---- commands ----

  /**
   * `promptCost.compressPrompt`: the prompts in the selection, or the prompt under the cursor, through the
   * preview. In a file the engine does not analyse (a prompt kept as text or markdown), the selected text itself.
   */
  async compressCommand(): Promise<RewriteOutcome> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return this.tell('open a file with a prompt first');
    const doc = editor.document;
    const a = await this.analyses.whenIdle(doc);
    const sel = editor.selection;
    if (!a || !a.result.language) {
      if (sel.isEmpty) return this.tell('select the text to compress (this file is not analysed for prompts)');
      return this.compressSelectedText(doc, sel);
    }
    const prompts = promptsAt(a, doc.offsetAt(sel.start), doc.offsetAt(sel.end));
    if (!prompts.length) return this.tell(sel.isEmpty ? 'the cursor is not in a prompt literal' : 'the selection holds no prompt literal');
    const results = await Promise.all(prompts.map((p) => this.compress(doc, a, p)));
    const done = results.filter((r): r is Extract<CompressedPrompt, { ok: true }> => r.ok);
    if (!done.length) return this.tell(`nothing to compress safely: ${results.map((r) => !r.ok && r.reason).join('; ')}`);
    const saved = done.reduce((s, r) => s + r.saved, 0);
    const before = done.reduce((s, r) => s + r.tokensBefore, 0);
    const edits = done.flatMap((r) => r.edits);
    const applied = await this.applyPreview(doc, a.version, previewEdit(doc, edits, 'Compress prompt', savingText({ saved, tokensBefore: before })));
    return applied ? { applied, saved } : { applied, reason: 'not applied (discarded in the preview, or the file changed)' };
  }

  private async compressSelectedText(doc: vscode.TextDocument, sel: vscode.Selection): Promise<RewriteOutcome> {
    const version = doc.version;
    const { config } = await this.configs.configFor(doc.uri);
    const r = await this.engine.run(config, { task: 'compressText', text: doc.getText(sel),
      options: { level: config.compression.level, disabledPasses: [...config.compression.disabledPasses] } });
    if (!r.ok) return this.tell(`nothing to compress safely: ${r.reason}`);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, sel, r.text, { needsConfirmation: true, label: 'Compress text', description: savingText(r) });
    const applied = await this.applyPreview(doc, version, edit);
    return applied ? { applied, saved: r.saved } : { applied, reason: 'not applied (discarded in the preview, or the file changed)' };
  }

  /**
   * `promptCost.addOutputLengthInstruction(uri?, callId?, sentences?)`: on the call given or under the cursor;
   * asks for N unless given.
   */
  async addOutputLength(uri?: vscode.Uri, callId?: string, sentences?: number): Promise<RewriteOutcome> {
    const editor = vscode.window.activeTextEditor;
    const doc = uri ? await vscode.workspace.openTextDocument(uri) : editor?.document;
    if (!doc) return this.tell('open a file with an LLM call first');
    const a = await this.analyses.whenIdle(doc);
    if (!a) return this.tell('this file is not analysed');
    const offset = editor?.document === doc ? doc.offsetAt(editor.selection.active) : -1;
    const call = a.result.calls.find((c) => (callId ? c.id === callId : c.span.start <= offset && offset <= c.span.end));
    if (!call) return this.tell('the cursor is not in an LLM call');
    let n = sentences;
    if (n === undefined) {
      const input = await vscode.window.showInputBox({
        title: 'Prompt Cost: answer length', prompt: 'Answer in at most N sentences: N =',
        value: String(editorSettings(doc.uri).outputLengthSentences),
        validateInput: (v) => (/^\s*[1-9]\d{0,1}\s*$/.test(v) ? undefined : 'A whole number from 1 to 99'),
      });
      if (input === undefined) return { applied: false, reason: 'cancelled' };
      n = Number(input);
    }
    const r = await this.outputLength(doc, a, call.id, n);
    if (!r.ok) return this.tell(r.reason);
    return { applied: await vscode.workspace.applyEdit(plainEdit(doc, r.fix.edits)) };
  }

  /**
   * `promptCost.modelRewritePrompt(uri?, promptId?)`: asks the configured model for a shorter prompt, checks it
   * like the local compression and shows it in the preview. A rejected proposal is reported with the reason and
   * nothing is applied.
   */
  async modelRewrite(uri?: vscode.Uri, promptId?: string): Promise<RewriteOutcome> {
    const editor = vscode.window.activeTextEditor;
    const doc = uri ? await vscode.workspace.openTextDocument(uri) : editor?.document;
    if (!doc) return this.tell('open a file with a prompt first');
    const settings = editorSettings(doc.uri).modelRewrite;
    if (!settings.enabled) return this.tell('the model-assisted rewrite is off (setting promptCost.modelRewrite.enabled)');
    if (!settings.model || !settings.baseURL) return this.tell('set promptCost.modelRewrite.model and promptCost.modelRewrite.baseURL first');
    const a = await this.analyses.whenIdle(doc);
    if (!a) return this.tell('this file is not analysed');
    const offset = editor?.document === doc ? doc.offsetAt(editor.selection.active) : -1;
    const prompt = promptId ? a.result.prompts.find((p) => p.id === promptId) : promptsAt(a, offset, offset)[0];
    if (!prompt) return this.tell('the cursor is not in a prompt literal');
    const apiKey = (await this.secrets.get(API_KEY_SECRET)) || process.env[API_KEY_ENV] || '';
    // Local servers (Ollama, llama.cpp) ignore the key; the client needs a non-empty one.
    if (!apiKey) this.log.info(`model rewrite: no API key set (${SET_API_KEY} or ${API_KEY_ENV}); sending none`);
    const version = doc.version;
    const outcome = await vscode.window.withProgress({
      location: vscode.ProgressLocation.Notification, cancellable: true,
      title: `Prompt Cost: asking ${settings.model} for a shorter prompt…`,
    }, (_progress, token) => this.engine.run(a.config, {
      task: 'modelRewrite', promptId: prompt.id,
      file: { path: doc.uri.fsPath || doc.uri.path, text: doc.getText(), languageId: doc.languageId },
      endpoint: { baseURL: settings.baseURL, model: settings.model, timeoutMs: settings.timeoutMs, apiKey: apiKey || 'none' },
    }, token)).then((o) => o, (e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }));
    if ('error' in outcome) return this.reject(`failed: ${outcome.error}`);
    const { result, rejected } = outcome;
    if (!result.ok) return this.reject(result.reason);
    if (rejected.length) this.log.info(`model rewrite kept some literals as written: ${rejected.join('; ')}`);
    const edit = previewEdit(doc, result.edits, `Rewrite prompt with ${settings.model}`, savingText(result));
    if (!(await this.applyPreview(doc, version, edit))) return { applied: false, reason: 'not applied (discarded in the preview, or the file changed)' };
    return { applied: true, saved: result.saved, rejected };
  }

  /** Stores the API key in SecretStorage (asked for unless given). */
  async setApiKey(key?: string): Promise<boolean> {
    const value = key ?? await vscode.window.showInputBox({
      title: 'Prompt Cost: API key for the model-assisted rewrite', password: true, ignoreFocusOut: true,
      prompt: 'Kept in VS Code\'s secret storage, sent only to promptCost.modelRewrite.baseURL',
    });
    if (!value) return false;
    await this.secrets.store(API_KEY_SECRET, value);
    return true;
  }

  async clearApiKey(): Promise<void> {
    await this.secrets.delete(API_KEY_SECRET);
  }

  /** Applies through the preview unless the document changed since the edit was computed. */
  private async applyPreview(doc: vscode.TextDocument, version: number, edit: vscode.WorkspaceEdit): Promise<boolean> {
    if (doc.version !== version) {
      void vscode.window.showWarningMessage('Prompt Cost: the file changed while the rewrite was computed; nothing applied. Try again.');
      return false;
    }
    const before = doc.version;
    // applyEdit resolves once the preview is applied or discarded; a discarded preview leaves the version as it was.
    return (await vscode.workspace.applyEdit(edit)) && doc.version !== before;
  }

  private tell(reason: string): RewriteOutcome {
    void vscode.window.showInformationMessage(`Prompt Cost: ${reason}.`);
    return { applied: false, reason };
  }

  private reject(reason: string): RewriteOutcome {
    void vscode.window.showWarningMessage(`Prompt Cost: the model's rewrite was not applied: ${reason}`);
    return { applied: false, reason };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.cache.clear();
  }
}
