// The active file's projected monthly cost in the status bar; the tooltip says how long the analysis took.

import * as vscode from 'vscode';
import type { Analysis, AnalysisService } from './analysisService';
import { formatInt, formatUsd } from './format';
import { editorSettings } from './settings';

export const OPEN_SIDEBAR = 'promptCost.openSidebar';

export interface StatusBarState {
  visible: boolean;
  text: string;
  tooltip: string;
}

export function statusOf(a: Analysis): { text: string; tooltip: string } {
  const r = a.result;
  if (r.skipped) {
    return { text: '$(circle-slash) Prompt Cost: skipped', tooltip: `Prompt Cost skipped this file: ${r.skipped}` };
  }
  const unpriced = r.unpricedCalls ? ` + ${r.unpricedCalls} unpriced` : '';
  const text = `$(graph) ${formatUsd(r.monthlyCost)}/mo${unpriced}`;
  const lines = [
    `Prompt Cost: ${formatUsd(r.monthlyCost)} per month projected for this file`,
    `${formatInt(r.calls.length)} LLM call${r.calls.length === 1 ? '' : 's'}` +
      (r.unpricedCalls ? `, ${r.unpricedCalls} without a known price (not included)` : '') +
      `, ${r.findings.length} finding${r.findings.length === 1 ? '' : 's'}`,
    `Analysed in ${a.ms.toFixed(1)} ms (parse ${r.timings.parseMs.toFixed(1)} ms; ${a.roundTripMs.toFixed(0)} ms with the ` +
      `trip to the analysis thread)${r.hasSyntaxErrors ? ' — the file has syntax errors' : ''}`,
    'Click to open the Prompt Cost sidebar',
  ];
  return { text, tooltip: lines.join('\n') };
}

export class CostStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('promptCost.status', vscode.StatusBarAlignment.Right, 100);
  private readonly subscription: vscode.Disposable;
  state: StatusBarState = { visible: false, text: '', tooltip: '' };

  constructor(private readonly analyses: AnalysisService) {
    this.item.name = 'Prompt Cost';
    this.item.command = OPEN_SIDEBAR;
    this.subscription = vscode.Disposable.from(
      analyses.onDidAnalyze((a) => { if (this.isActive(a.uri)) this.update(); }),
      analyses.onDidClear((uri) => { if (this.isActive(uri)) this.update(); }),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('promptCost')) this.update(); }),
    );
    this.update();
  }

  private isActive(uri: vscode.Uri): boolean {
    return vscode.window.activeTextEditor?.document.uri.toString() === uri.toString();
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    // The last result, even one keystroke old: the figure should not blink while typing.
    const a = doc && this.analyses.last(doc.uri);
    if (!doc || !a || !editorSettings(doc.uri).display.statusBar) {
      this.state = { visible: false, text: '', tooltip: '' };
      this.item.hide();
      return;
    }
    const { text, tooltip } = statusOf(a);
    this.state = { visible: true, text, tooltip };
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
