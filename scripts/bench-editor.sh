#!/usr/bin/env bash
# The editor benchmark in real VS Code (bench/editor.ts): cold start to first diagnostics, re-analysis after
# one-character edits and memory added, on generated 2,000-line Python and TypeScript files.
# Writes bench/results/editor.json. Installs what it needs (scripts/install-vscode-test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-vscode-test.sh
node esbuild.js
npx tsc -p tsconfig.test.json || echo "(type errors reported above; compiled anyway)"
mkdir -p bench/results
PROMPT_COST_BENCH=1 PROMPT_COST_BENCH_OUT="$PWD/bench/results/editor.json" npx vscode-test --label editor-bench
