#!/usr/bin/env bash
# `npm test`: every test, on a fresh machine of this kind. Installs what it needs (npm dependencies; for the
# integration tests, Debian's chromium and code-server via scripts/install-vscode-test.sh), idempotently.
set -euo pipefail
cd "$(dirname "$0")/.."

# Dependencies: install when missing or older than the lock file.
if [ ! -x node_modules/.bin/tsc ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[test] npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

echo "[test] type check (src and tests, strict)"
npx tsc -p tsconfig.test.json --noEmit

echo "[test] unit tests"
npm run --silent test:unit

echo "[test] integration tests in real VS Code (code-server + headless Chromium)"
npm run --silent test:integration
