// A CodeLens above each LLM call. provideCodeLenses only places ranges (cheap, called on every edit);
// resolveCodeLens formats the figures for the lenses actually on screen.

import * as vscode from 'vscode';
import type { AnalysisService } from './analysisService';
import { costOf, lensTitle } from './describe';
import { editorSettings } from './settings';

export const SHOW_CALL_DETAILS = 'promptCost.showCallDetails';

class CallLens extends vscode.CodeLens {
  constructor(range: vscode.Range, readonly doc: vscode.TextDocument, readonly version: number, readonly callId: string) {
    super(range);
  }
}

export class CallCodeLensProvider implements vscode.CodeLensProvider<CallLens>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly analyses: AnalysisService) {
    this.subscription = vscode.Disposable.from(
      analyses.onDidAnalyze(() => this.emitter.fire()),
      analyses.onDidClear(() => this.emitter.fire()),
    );
  }

  async provideCodeLenses(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<CallLens[]> {
    if (!editorSettings(doc.uri).display.codeLens) return [];
    const a = await this.analyses.fresh(doc, token);
    if (!a) return [];
    return a.result.calls.map((c) => {
      const line = doc.positionAt(c.span.start).line;
      return new CallLens(new vscode.Range(line, 0, line, 0), doc, a.version, c.id);
    });
  }

  resolveCodeLens(lens: CallLens): CallLens {
    const a = this.analyses.last(lens.doc.uri);
    const call = a?.result.calls.find((c) => c.id === lens.callId);
    const title = a && call && a.version === lens.version ? lensTitle(call, costOf(a.result, call.id)) : 'Prompt Cost: analysing…';
    lens.command = { title, command: SHOW_CALL_DETAILS, arguments: [lens.doc.uri, lens.callId],
      tooltip: 'Show the cost breakdown of this call' };
    return lens;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
