// The one place that reads `promptCost.*` settings (defaults and normalisation live in settingsModel.ts).

import * as vscode from 'vscode';
import type { PromptCostConfigFile } from '../core/config/types';
import { readEditorSettings, settingsConfigLayer, type EditorSettings, type SettingKey } from './settingsModel';

export const SECTION = 'promptCost';

export interface Settings {
  editor: EditorSettings;
  /** The engine configuration layer from settings: only what the user set. */
  layer: PromptCostConfigFile;
}

function relative(key: SettingKey): string {
  return key.slice(SECTION.length + 1);
}

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const cfg = vscode.workspace.getConfiguration(SECTION, scope);
  const editor = readEditorSettings((key) => cfg.get(relative(key)));
  const layer = settingsConfigLayer((key) => {
    const v = cfg.inspect(relative(key));
    if (!v) return undefined;
    return v.workspaceFolderLanguageValue ?? v.workspaceLanguageValue ?? v.globalLanguageValue
      ?? v.workspaceFolderValue ?? v.workspaceValue ?? v.globalValue;
  });
  return { editor, layer };
}

export function affectsSettings(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(SECTION);
}
