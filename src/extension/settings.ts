// The one place that reads `promptCost.*` settings (defaults and normalisation live in settingsModel.ts).

import * as vscode from 'vscode';
import type { ConfigLayer } from '../core/config/load';
import { readEditorSettings, settingsConfigLayers, type EditorSettings, type SettingKey } from './settingsModel';

export const SECTION = 'promptCost';

function relative(key: SettingKey): string {
  return key.slice(SECTION.length + 1);
}

/** The extension's own settings (cheap: VS Code caches configuration objects). */
export function editorSettings(scope?: vscode.ConfigurationScope): EditorSettings {
  const cfg = vscode.workspace.getConfiguration(SECTION, scope);
  return readEditorSettings((key) => cfg.get(relative(key)));
}

/** The engine configuration layers from settings: only what the user set, one layer per setting. */
export function settingsLayers(scope?: vscode.ConfigurationScope): { layers: ConfigLayer[]; problems: string[] } {
  const cfg = vscode.workspace.getConfiguration(SECTION, scope);
  return settingsConfigLayers((key) => {
    const v = cfg.inspect(relative(key));
    if (!v) return undefined;
    return v.workspaceFolderValue ?? v.workspaceValue ?? v.globalValue;
  });
}

export function affectsSettings(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(SECTION);
}
