// Messages between the extension host and the engine's worker thread (structured-clone data only).

import type { Edit } from '@vscode/tree-sitter-wasm';
import type { ResolvedConfig } from '../core/config/types';
import type { AnalyzeInput } from '../core/engine';
import type { FileResult } from '../core/types';
import type { EngineTask, TaskResults } from './engineTasks';

export type EngineRequest =
  /** Configs are sent once and referred to by id, so the engine's per-config caches (price book) stay warm. */
  | { type: 'config'; configId: number; config: ResolvedConfig }
  | { type: 'dropConfig'; configId: number }
  | { type: 'analyze'; id: number; configId: number; files: AnalyzeInput[]; docs?: (DocumentTree | null)[] }
  /** A document closed: free its syntax tree. */
  | { type: 'forget'; key: string }
  /** Compression and the model-assisted rewrite (engineTasks.ts). */
  | { type: 'task'; id: number; configId: number; task: EngineTask }
  /** The user cancelled a task in flight (a model request): abort it. */
  | { type: 'cancel'; id: number };

/**
 * An open document's incremental-parse bookkeeping: the worker keeps the tree of `baseVersion` and applies
 * `edits` to reach `version`; any mismatch means a full parse.
 */
export interface DocumentTree {
  key: string;
  baseVersion: number | null;
  version: number;
  edits: Edit[];
}

export interface FileOutcome {
  result?: FileResult;
  error?: string;
  /** Time in `engine.analyze`, ms. */
  ms: number;
}

export type EngineResponse =
  | { type: 'ready'; ms: number }
  | { type: 'results'; id: number; outcomes: FileOutcome[] }
  | { type: 'taskDone'; id: number; value?: TaskResults[EngineTask['task']]; error?: string }
  /** The engine could not load: every request fails; the client falls back to the main thread. */
  | { type: 'fatal'; message: string };
