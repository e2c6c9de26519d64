// Token counts shown after each prompt literal, as inlay hints or end-of-line decorations (promptCost.display.*),
// optionally hidden while the user is typing in the document.

import * as vscode from 'vscode';
import type { Analysis, AnalysisService } from './analysisService';
import { inlineTokensLabel, tokensOf } from './describe';
import { editorSettings } from './settings';

function hints(doc: vscode.TextDocument, a: Analysis): { position: vscode.Position; label: string; line: number }[] {
  const out: { position: vscode.Position; label: string; line: number }[] = [];
  for (const p of a.result.prompts) {
    const label = inlineTokensLabel(tokensOf(a.result, p.id));
    if (!label) continue;
    const position = doc.positionAt(p.span.end);
    out.push({ position, label, line: position.line });
  }
  return out;
}

function hidden(analyses: AnalysisService, doc: vscode.TextDocument, mode: 'inlayHint' | 'endOfLine'): boolean {
  const s = editorSettings(doc.uri).display;
  return s.inlineTokens !== mode || (!s.inlineTokensWhileTyping && analyses.isTyping(doc.uri));
}

export class TokenInlayHintsProvider implements vscode.InlayHintsProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeInlayHints = this.emitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly analyses: AnalysisService) {
    this.subscription = vscode.Disposable.from(
      analyses.onDidAnalyze(() => this.emitter.fire()),
      analyses.onDidChangeTyping(() => this.emitter.fire()),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('promptCost.display')) this.emitter.fire(); }),
    );
  }

  async provideInlayHints(doc: vscode.TextDocument, range: vscode.Range, token: vscode.CancellationToken): Promise<vscode.InlayHint[]> {
    if (hidden(this.analyses, doc, 'inlayHint')) return [];
    const a = await this.analyses.fresh(doc, token);
    if (!a) return [];
    return hints(doc, a).filter((h) => range.contains(h.position)).map((h) => {
      const hint = new vscode.InlayHint(h.position, h.label);
      hint.paddingLeft = true;
      hint.tooltip = 'Prompt Cost: tokens in this prompt (placeholders at their assumed size)';
      return hint;
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

/** End-of-line variant: one decoration type, applied to visible editors only. */
export class TokenDecorations implements vscode.Disposable {
  private readonly type = vscode.window.createTextEditorDecorationType({
    after: { color: new vscode.ThemeColor('editorCodeLens.foreground'), margin: '0 0 0 1.5em', fontStyle: 'italic' },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly subscription: vscode.Disposable;

  constructor(private readonly analyses: AnalysisService) {
    const refresh = (uri?: vscode.Uri) => {
      for (const e of vscode.window.visibleTextEditors) if (!uri || e.document.uri.toString() === uri.toString()) this.apply(e);
    };
    this.subscription = vscode.Disposable.from(
      analyses.onDidAnalyze((a) => refresh(a.uri)),
      analyses.onDidChangeTyping((uri) => refresh(uri)),
      vscode.window.onDidChangeVisibleTextEditors(() => refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('promptCost.display')) refresh(); }),
    );
  }

  private apply(editor: vscode.TextEditor): void {
    const doc = editor.document;
    const a = this.analyses.current(doc);
    if (!a || hidden(this.analyses, doc, 'endOfLine')) {
      editor.setDecorations(this.type, []);
      return;
    }
    // One label per line: several prompts on one line are joined.
    const byLine = new Map<number, string[]>();
    for (const h of hints(doc, a)) byLine.set(h.line, [...(byLine.get(h.line) ?? []), h.label]);
    editor.setDecorations(this.type, [...byLine].map(([line, labels]) => {
      const end = doc.lineAt(line).range.end;
      return { range: new vscode.Range(end, end), renderOptions: { after: { contentText: labels.join(' · ') } } };
    }));
  }

  dispose(): void {
    this.subscription.dispose();
    this.type.dispose();
  }
}
