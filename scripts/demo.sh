#!/usr/bin/env bash
# Shows Prompt Cost Lint working: packages the .vsix, installs it into code-server (the real VS Code server and web
# workbench, installed locally by scripts/install-vscode-test.sh), opens examples/ and prints the URL to open.
# usage: bash scripts/demo.sh [--check]
#   --check   install, start, confirm the server answers with the extension installed, print the URL, stop
# env: PORT (default 8765), HOST (default 127.0.0.1; use 0.0.0.0 to reach it from another machine)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
PORT=${PORT:-8765}
HOST=${HOST:-127.0.0.1}
CHECK=0
[ "${1:-}" = "--check" ] && CHECK=1

[ -d node_modules/@vscode/vsce ] || npm ci --no-audit --no-fund
bash scripts/install-vscode-test.sh
npm run --silent package | { grep -E "DONE|ERROR|WARN" || true; }
VSIX="$ROOT/prompt-cost-lint.vsix"
echo "[demo] packaged $(basename "$VSIX"): $(du -k "$VSIX" | cut -f1) KB"

STATE="$ROOT/.vscode-test/demo"
mkdir -p "$STATE/tmp"
node -e "
const { codeServerCli } = require('./scripts/lib/code-server');
const s = '$STATE';
const cli = (args) => codeServerCli(s, s + '/extensions', s + '/user-data', args);
process.stdout.write(cli(['--install-extension', '$VSIX', '--force']));
if (!/^prompt-cost\.prompt-cost-lint$/m.test(cli(['--list-extensions']))) throw new Error('extension not installed');
" | grep -v '^$' | sed 's/^/[demo] /'

exec node scripts/lib/serve-demo.js "$STATE" "$ROOT/examples" "$HOST" "$PORT" "$CHECK"
