// Bundles the extension, the CLI and the sidebar webview; copies the WASM and encoder files they load at run time.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const dist = path.join(__dirname, 'dist');

/** Files loaded from disk at run time, next to the bundles (see src/core/assets.ts). */
const runtimeAssets = [
  ['node_modules/@vscode/tree-sitter-wasm/wasm/tree-sitter.wasm', 'tree-sitter.wasm'],
  ['node_modules/@vscode/tree-sitter-wasm/wasm/tree-sitter-python.wasm', 'tree-sitter-python.wasm'],
  ['node_modules/@vscode/tree-sitter-wasm/wasm/tree-sitter-javascript.wasm', 'tree-sitter-javascript.wasm'],
  ['node_modules/@vscode/tree-sitter-wasm/wasm/tree-sitter-typescript.wasm', 'tree-sitter-typescript.wasm'],
  ['node_modules/@vscode/tree-sitter-wasm/wasm/tree-sitter-tsx.wasm', 'tree-sitter-tsx.wasm'],
  ['node_modules/tiktoken/lite/tiktoken_bg.wasm', 'tiktoken_bg.wasm'],
  ['node_modules/tiktoken/encoders/o200k_base.json', 'o200k_base.json'],
  ['node_modules/tiktoken/encoders/cl100k_base.json', 'cl100k_base.json'],
];

function copyAssets() {
  fs.mkdirSync(dist, { recursive: true });
  for (const [from, to] of runtimeAssets) fs.copyFileSync(path.join(__dirname, from), path.join(dist, to));
}

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  define: { 'process.env.PROMPT_COST_BUNDLED': '"1"' },
};

async function main() {
  copyAssets();
  const builds = [
    { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node',
      format: 'cjs', target: 'node20', external: ['vscode'] },
    // The editor's engine worker thread: loading and analysis off the extension host's main thread.
    { ...common, entryPoints: ['src/extension/engineWorker.ts'], outfile: 'dist/engineWorker.js', platform: 'node',
      format: 'cjs', target: 'node20' },
    // No `vscode` external here: an import of it from the engine fails this build (the engine must stay pure).
    { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs',
      target: 'node20', banner: { js: '#!/usr/bin/env node' } },
    { ...common, entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview.js', platform: 'browser',
      format: 'iife', target: 'es2022' },
  ].filter((b) => fs.existsSync(b.entryPoints[0]));
  if (watch) {
    for (const b of builds) await (await esbuild.context(b)).watch();
  } else {
    await Promise.all(builds.map((b) => esbuild.build(b)));
    const cli = path.join(dist, 'cli.js');
    if (fs.existsSync(cli)) fs.chmodSync(cli, 0o755);
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
