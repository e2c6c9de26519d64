// Messages between the workspace scan and its worker thread (structured-clone data only).

import type { ResolvedConfig } from '../core/config/types';
import type { AnalyzeInput } from '../core/engine';
import type { FileResult } from '../core/types';

export interface ScanRequest {
  id: number;
  config: ResolvedConfig;
  files: AnalyzeInput[];
}

export interface ScanResponse {
  id: number;
  results?: { path: string; result?: FileResult; error?: string }[];
  /** The engine could not load in the worker. */
  fatal?: string;
}
