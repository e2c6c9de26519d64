// Work the editor asks of the engine besides analysis: compressing a prompt (two analyses of the file, so it runs
// where the engine runs, off the main thread) and the optional model-assisted rewrite (network: it must not run
// inside src/core, and in the worker its waiting costs the editor nothing). No `vscode` here: the worker and the
// in-process fallback both run these.

import { modelRewritePromptInFile, type ModelEndpoint } from '../assist/modelRewrite';
import { compressActionTitle, compressPromptInFile, type CompressInFileResult } from '../core/compress/inFile';
import { outputLengthFix, outputLengthInstruction } from '../core/compress/outputLength';
import { compressText } from '../core/compress/pipeline';
import type { CompressLevel } from '../core/compress/types';
import type { ResolvedConfig } from '../core/config/types';
import type { AnalyzeInput, Engine } from '../core/engine';
import type { FileResult, Fix } from '../core/types';

export interface CompressOptions {
  level: CompressLevel;
  disabledPasses: string[];
}

export type EngineTask =
  /** A prompt of a file, verified by re-analysis. `analysis` is the caller's result for the same text, if any. */
  | { task: 'compressPrompt'; file: AnalyzeInput; promptId: string; options: CompressOptions; analysis?: FileResult }
  /** "Answer in at most N sentences." appended to a call's system prompt (`analysis` is of `text`). */
  | { task: 'outputLength'; text: string; analysis: FileResult; callId: string; sentences: number }
  /** Plain text (a selection outside any prompt literal, e.g. in a prompt file), counted with o200k. */
  | { task: 'compressText'; text: string; options: CompressOptions }
  /** The model's proposal for each literal of the prompt, checked like the local passes. The key travels here,
   * never through settings. */
  | { task: 'modelRewrite'; file: AnalyzeInput; promptId: string; endpoint: Omit<ModelEndpoint, 'signal'> };

export type TextCompression =
  | { ok: true; text: string; tokensBefore: number; tokensAfter: number; saved: number }
  | { ok: false; reason: string };

export interface ModelRewriteOutcome {
  result: CompressInFileResult;
  /** Literals whose proposal was rejected, with the reason (the others may still have been rewritten). */
  rejected: string[];
}

/** The verified compression, with the code action's title when it succeeded. */
export type CompressedPrompt = CompressInFileResult & { title?: string };

export type OutputLengthResult = { instruction: string } & ({ ok: true; fix: Fix } | { ok: false; reason: string });

export interface TaskResults {
  compressPrompt: CompressedPrompt;
  outputLength: OutputLengthResult;
  compressText: TextCompression;
  modelRewrite: ModelRewriteOutcome;
}

export type TaskResult<T extends EngineTask> = TaskResults[T['task']];

export async function runTask(engine: Engine, config: ResolvedConfig, t: EngineTask, signal?: AbortSignal): Promise<TaskResults[EngineTask['task']]> {
  switch (t.task) {
    case 'compressPrompt': {
      const r = compressPromptInFile(engine, t.file, config, t.promptId, { ...t.options, analysis: t.analysis });
      return r.ok ? { ...r, title: compressActionTitle(r.saved, r.monthlySaving) } : r;
    }
    case 'outputLength':
      return { instruction: outputLengthInstruction(t.sentences), ...outputLengthFix(t.analysis, t.text, t.callId, t.sentences) };
    case 'compressText': {
      // The selection's edges belong to the text around it: keep them.
      const r = compressText(t.text, { ...t.options, keepLeadingWhitespace: true, keepTrailingWhitespace: true, continuesSentence: false,
        countTokens: (s) => engine.tokens.count(s, null, 'openai').tokens });
      if (r.skipped) return { ok: false, reason: r.skipped };
      if (r.saved <= 0) return { ok: false, reason: 'nothing to compress' };
      return { ok: true, text: r.text, tokensBefore: r.tokensBefore, tokensAfter: r.tokensAfter, saved: r.saved };
    }
    case 'modelRewrite':
      return modelRewritePromptInFile(engine, t.file, config, t.promptId, { ...t.endpoint, signal });
  }
}
