// Hover on an LLM call or a prompt literal: the full cost breakdown (see describe.ts for the wording).

import * as vscode from 'vscode';
import type { Prompt, LlmCall, Span } from '../core/types';
import type { AnalysisService } from './analysisService';
import { rangeOf } from './convert';
import { callHover, promptHover } from './describe';
import { editorSettings } from './settings';

function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

/** The innermost call or prompt at `offset`: a prompt inside a call wins, then the narrowest call. */
export function targetAt(calls: readonly LlmCall[], prompts: readonly Prompt[], offset: number):
  { call?: LlmCall; prompt?: Prompt } {
  const prompt = prompts.find((p) => p.pieces.some((piece) => contains(piece.span, offset)));
  if (prompt) return { prompt };
  let best: LlmCall | undefined;
  for (const c of calls) {
    if (contains(c.span, offset) && (!best || c.span.end - c.span.start < best.span.end - best.span.start)) best = c;
  }
  return { call: best };
}

export class CostHoverProvider implements vscode.HoverProvider {
  constructor(private readonly analyses: AnalysisService) {}

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    if (!editorSettings(doc.uri).display.hover) return undefined;
    const a = await this.analyses.fresh(doc, token);
    if (!a) return undefined;
    const offset = doc.offsetAt(pos);
    const { call, prompt } = targetAt(a.result.calls, a.result.prompts, offset);
    const lineOf = (o: number) => doc.positionAt(o).line + 1;
    let md: string;
    let range: vscode.Range;
    if (prompt) {
      md = promptHover(a.result, prompt, a.config, lineOf);
      range = rangeOf(doc, prompt.pieces.find((p) => contains(p.span, offset))?.span ?? prompt.span);
    } else if (call) {
      md = callHover(a.result, call, a.config, lineOf);
      range = rangeOf(doc, contains(call.nameSpan, offset) ? call.nameSpan : call.span);
    } else {
      return undefined;
    }
    const content = new vscode.MarkdownString(`$(graph) **Prompt Cost**\n\n${md}`, true);
    return new vscode.Hover(content, range);
  }
}
