// The engine: `await Engine.create()` loads parsers, encodings and prices once; `analyze()` is then synchronous,
// deterministic and pure (no I/O, no globals). Every face (extension, CLI, tests, bench) goes through here.
// (Implementation in progress: see detectors/, prompts/, tokens/, pricing/, rules/.)

import type { ResolvedConfig } from './config/types';
import type { FileResult, LanguageId } from './types';

export interface EngineOptions {
  /** Folder holding the WASM grammars, the tiktoken WASM and encoder files (defaults to the bundle's folder). */
  assetsDir?: string;
}

export interface AnalyzeInput {
  /** Path as the caller names it (used for config globs and in results). */
  path: string;
  text: string;
  /** VS Code language id when known (`python`, `typescript`, `typescriptreact`, `javascript`, `javascriptreact`). */
  languageId?: string;
}

export function languageFor(path: string, languageId?: string): LanguageId | null {
  switch (languageId) {
    case 'python': return 'python';
    case 'typescript': return 'typescript';
    case 'typescriptreact': return 'tsx';
    case 'javascript': case 'javascriptreact': return 'javascript';
  }
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  switch (ext) {
    case 'py': case 'pyi': return 'python';
    case 'ts': case 'mts': case 'cts': return 'typescript';
    case 'tsx': return 'tsx';
    case 'js': case 'mjs': case 'cjs': case 'jsx': return 'javascript';
  }
  return null;
}

export declare class Engine {
  static create(opts?: EngineOptions): Promise<Engine>;
  analyze(input: AnalyzeInput, config: ResolvedConfig): FileResult;
}
