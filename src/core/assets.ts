// Where the run-time files (WASM parsers, the tiktoken WASM, encoder tables) live. Bundled, esbuild.js copies them
// beside the bundle; from tsc output (tests, benchmarks) they are read straight from node_modules.

import * as path from 'path';

export type AssetName =
  | 'tree-sitter.wasm'
  | 'tree-sitter-python.wasm'
  | 'tree-sitter-javascript.wasm'
  | 'tree-sitter-typescript.wasm'
  | 'tree-sitter-tsx.wasm'
  | 'tiktoken_bg.wasm'
  | 'o200k_base.json'
  | 'cl100k_base.json';

/** Each asset's package path; keep in step with `runtimeAssets` in esbuild.js (a unit test checks it). */
export const ASSET_SOURCES: Readonly<Record<AssetName, string>> = {
  'tree-sitter.wasm': '@vscode/tree-sitter-wasm/wasm/tree-sitter.wasm',
  'tree-sitter-python.wasm': '@vscode/tree-sitter-wasm/wasm/tree-sitter-python.wasm',
  'tree-sitter-javascript.wasm': '@vscode/tree-sitter-wasm/wasm/tree-sitter-javascript.wasm',
  'tree-sitter-typescript.wasm': '@vscode/tree-sitter-wasm/wasm/tree-sitter-typescript.wasm',
  'tree-sitter-tsx.wasm': '@vscode/tree-sitter-wasm/wasm/tree-sitter-tsx.wasm',
  // The *lite* build: no encoder tables baked in (1 MB instead of 5.6 MB); the tables come from the JSON files.
  'tiktoken_bg.wasm': 'tiktoken/lite/tiktoken_bg.wasm',
  'o200k_base.json': 'tiktoken/encoders/o200k_base.json',
  'cl100k_base.json': 'tiktoken/encoders/cl100k_base.json',
};

function isBundled(): boolean {
  return process.env.PROMPT_COST_BUNDLED === '1';
}

/**
 * The folder holding the run-time files: the bundle's own folder when bundled. From tsc output there is no single
 * folder (the files are spread over node_modules), so this returns '' and `assetPath(name)` resolves each file.
 */
export function defaultAssetsDir(): string {
  return isBundled() ? __dirname : '';
}

/** Absolute path of one run-time file: inside `dir` when given (or when bundled), else its node_modules location. */
export function assetPath(name: AssetName, dir?: string): string {
  const base = dir || defaultAssetsDir();
  if (base) return path.join(base, name);
  return require.resolve(ASSET_SOURCES[name]);
}
