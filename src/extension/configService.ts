// The engine configuration for a document: settings (below) merged with the nearest `.promptcost.json` between the
// document's folder and its workspace folder (above), exactly as the CLI resolves it. Watches both and says when
// they change; parsed files are cached until a watcher event.

import * as vscode from 'vscode';
import * as configLoad from '../core/config/load';
import type { PromptCostConfigFile, ResolvedConfig } from '../core/config/types';
import { readSettings, affectsSettings, type Settings } from './settings';

export const CONFIG_FILE_NAME = '.promptcost.json';

export interface DocumentConfig {
  config: ResolvedConfig;
  settings: Settings;
  /** The `.promptcost.json` that applies, if any. */
  configFile?: vscode.Uri;
  /** Problems in that file (it is then ignored). */
  configErrors: string[];
}

interface ParsedFile {
  layer?: PromptCostConfigFile;
  errors: string[];
}

type ConfigLayer = Parameters<typeof configLoad.resolveConfig>[0][number];

export class ConfigService implements vscode.Disposable {
  private readonly onDidChangeEmitter = new vscode.EventEmitter<void>();
  /** Fires when settings or any `.promptcost.json` change: every cached result is then stale. */
  readonly onDidChange = this.onDidChangeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  /** Config file text parsed, by URI; `null` marks a folder checked and found without one. */
  private readonly files = new Map<string, Promise<ParsedFile | null>>();
  private readonly reported = new Set<string>();
  /** Bumped on every change; results computed under an older generation are stale. */
  generation = 0;

  constructor(private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    const changed = (uri: vscode.Uri) => {
      log.info(`${vscode.workspace.asRelativePath(uri)} changed: re-analysing`);
      this.files.clear();
      this.reported.delete(uri.toString());
      this.bump();
    };
    this.disposables.push(
      watcher, watcher.onDidCreate(changed), watcher.onDidChange(changed), watcher.onDidDelete(changed),
      // Unsaved edits to the file do not count (the CLI reads the saved file); a save fires the watcher, and
      // also this event, which catches saves the watcher misses on remote file systems.
      vscode.workspace.onDidSaveTextDocument((d) => { if (d.uri.path.endsWith('/' + CONFIG_FILE_NAME)) changed(d.uri); }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!affectsSettings(e)) return;
        log.info('settings changed: re-analysing');
        this.bump();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => { this.files.clear(); this.bump(); }),
    );
  }

  private bump(): void {
    this.generation++;
    this.onDidChangeEmitter.fire();
  }

  async configFor(uri: vscode.Uri): Promise<DocumentConfig> {
    const settings = readSettings(uri);
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const layers: ConfigLayer[] = [{ source: 'settings', config: settings.layer } as ConfigLayer];
    let configFile: vscode.Uri | undefined;
    let configErrors: string[] = [];
    if (folder) {
      for (const dir of ancestors(uri, folder.uri)) {
        const candidate = vscode.Uri.joinPath(dir, CONFIG_FILE_NAME);
        const parsed = await this.parsed(candidate);
        if (!parsed) continue;
        configFile = candidate;
        configErrors = parsed.errors;
        if (parsed.layer) layers.push({ source: CONFIG_FILE_NAME, config: parsed.layer } as ConfigLayer);
        break;
      }
    }
    const root = configFile ? vscode.Uri.joinPath(configFile, '..') : folder?.uri;
    const config = configLoad.resolveConfig(layers, root ? root.fsPath.replace(/\\/g, '/') : '');
    return { config, settings, configFile, configErrors };
  }

  private parsed(uri: vscode.Uri): Promise<ParsedFile | null> {
    const key = uri.toString();
    let p = this.files.get(key);
    if (!p) {
      p = this.read(uri);
      this.files.set(key, p);
    }
    return p;
  }

  private async read(uri: vscode.Uri): Promise<ParsedFile | null> {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      return null;
    }
    const text = new TextDecoder('utf-8').decode(bytes);
    let result: ParsedFile;
    try {
      const parsed = configLoad.parseConfigFile(text, uri.fsPath) as unknown;
      result = normaliseParsed(parsed);
    } catch (e) {
      result = { errors: [e instanceof Error ? e.message : String(e)] };
    }
    if (result.errors.length && !this.reported.has(uri.toString())) {
      this.reported.add(uri.toString());
      const rel = vscode.workspace.asRelativePath(uri);
      this.log.error(`${rel}: ${result.errors.join('; ')}`);
      void vscode.window.showWarningMessage(`Prompt Cost: ${rel} is invalid and was ignored: ${result.errors[0]}`);
    }
    return result;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.onDidChangeEmitter.dispose();
  }
}

/** Accepts `{ config, errors }` or a bare config object (whichever parseConfigFile returns). */
function normaliseParsed(parsed: unknown): ParsedFile {
  if (parsed && typeof parsed === 'object' && 'errors' in parsed) {
    const p = parsed as { config?: PromptCostConfigFile | null; errors?: unknown[] };
    const errors = (p.errors ?? []).map((e) => (typeof e === 'string' ? e : (e as { message?: string }).message ?? String(e)));
    return { layer: errors.length ? undefined : p.config ?? undefined, errors };
  }
  return { layer: parsed as PromptCostConfigFile, errors: [] };
}

/** The document's folder and its parents up to (and including) the workspace folder, nearest first. */
function ancestors(uri: vscode.Uri, top: vscode.Uri): vscode.Uri[] {
  const out: vscode.Uri[] = [];
  const topPath = top.path.replace(/\/$/, '');
  let dir = uri.path.slice(0, uri.path.lastIndexOf('/'));
  while (dir.length >= topPath.length && dir.startsWith(topPath)) {
    out.push(uri.with({ path: dir }));
    if (dir === topPath) break;
    dir = dir.slice(0, dir.lastIndexOf('/'));
  }
  return out;
}
