// The engine configuration for a document, resolved as the CLI resolves it: defaults < settings < the nearest
// `.promptcost.json` upward from the workspace folder (the folder the CLI would be run from). One resolved object
// per workspace folder and configuration generation, so the engine's per-config caches (price book) stay warm.
// Settings and `.promptcost.json` files are watched; any change bumps the generation.

import * as vscode from 'vscode';
import { parseConfigFile, resolveConfig, type ConfigLayer } from '../core/config/load';
import type { ResolvedConfig } from '../core/config/types';
import { affectsSettings, editorSettings, settingsLayers } from './settings';
import type { EditorSettings } from './settingsModel';

export const CONFIG_FILE_NAME = '.promptcost.json';

export interface DocumentConfig {
  config: ResolvedConfig;
  editor: EditorSettings;
  /** The `.promptcost.json` that applies, if any. */
  configFile?: vscode.Uri;
  /** Problems in that file or in settings (the invalid parts are ignored, the rest applies). */
  problems: string[];
}

export class ConfigService implements vscode.Disposable {
  private readonly onDidChangeEmitter = new vscode.EventEmitter<void>();
  /** Fires when settings or any `.promptcost.json` change: every cached result is then stale. */
  readonly onDidChange = this.onDidChangeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly resolved = new Map<string, Promise<DocumentConfig>>();
  /** Problems already shown, so a broken file warns once per distinct problem, not per analysis. */
  private readonly reported = new Set<string>();
  /** Bumped on every change; results computed under an older generation are stale. */
  generation = 0;

  constructor(private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    const changed = (uri: vscode.Uri) => {
      log.info(`${vscode.workspace.asRelativePath(uri)} changed: re-analysing`);
      this.bump();
    };
    this.disposables.push(
      watcher, watcher.onDidCreate(changed), watcher.onDidChange(changed), watcher.onDidDelete(changed),
      // The saved file counts, as for the CLI. A save also arrives here, which catches file systems whose
      // watcher is slow or absent.
      vscode.workspace.onDidSaveTextDocument((d) => { if (isConfigFile(d.uri)) changed(d.uri); }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!affectsSettings(e)) return;
        log.info('settings changed: re-analysing');
        this.bump();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.bump()),
    );
  }

  private bump(): void {
    this.generation++;
    this.resolved.clear();
    this.onDidChangeEmitter.fire();
  }

  configFor(uri: vscode.Uri): Promise<DocumentConfig> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const start = folder?.uri ?? vscode.Uri.joinPath(uri, '..');
    const key = start.toString();
    let p = this.resolved.get(key);
    if (!p) {
      const generation = this.generation;
      p = this.resolve(start, folder);
      // A failure must not stick: drop it so the next analysis tries again.
      p.catch(() => { if (this.generation === generation) this.resolved.delete(key); });
      this.resolved.set(key, p);
    }
    return p;
  }

  private async resolve(start: vscode.Uri, folder: vscode.WorkspaceFolder | undefined): Promise<DocumentConfig> {
    const scope = folder?.uri ?? start;
    const { layers, problems } = settingsLayers(scope);
    const all: ConfigLayer[] = [...layers];
    const configFile = await findUpward(start);
    if (configFile) {
      const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(configFile));
      const parsed = parseConfigFile(text, vscode.workspace.asRelativePath(configFile));
      problems.push(...parsed.errors);
      all.push({ values: parsed.config, origin: vscode.workspace.asRelativePath(configFile) });
    }
    const rootUri = configFile ? vscode.Uri.joinPath(configFile, '..') : folder?.uri;
    const root = rootUri?.scheme === 'file' ? rootUri.fsPath.replace(/\\/g, '/') : rootUri?.path ?? '';
    const config = resolveConfig(all, root);
    this.report(problems);
    return { config, editor: editorSettings(scope), configFile, problems };
  }

  private report(problems: string[]): void {
    const fresh = problems.filter((p) => !this.reported.has(p));
    if (!fresh.length) return;
    for (const p of fresh) {
      this.reported.add(p);
      this.log.warn(`configuration: ${p}`);
    }
    void vscode.window.showWarningMessage(
      `Prompt Cost: ${fresh[0]}${fresh.length > 1 ? ` (+${fresh.length - 1} more)` : ''}. The invalid values are ignored.`,
      'Show Output',
    ).then((pick) => { if (pick) this.log.show(true); });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.onDidChangeEmitter.dispose();
  }
}

function isConfigFile(uri: vscode.Uri): boolean {
  return uri.path.endsWith(`/${CONFIG_FILE_NAME}`);
}

/** The nearest `.promptcost.json` in `dir` or above it (as the CLI looks from its working folder). */
async function findUpward(dir: vscode.Uri): Promise<vscode.Uri | undefined> {
  for (let d = dir; ; ) {
    const candidate = vscode.Uri.joinPath(d, CONFIG_FILE_NAME);
    try {
      if ((await vscode.workspace.fs.stat(candidate)).type & vscode.FileType.File) return candidate;
    } catch {
      /* not here */
    }
    const up = vscode.Uri.joinPath(d, '..');
    if (up.path === d.path) return undefined;
    d = up;
  }
}
