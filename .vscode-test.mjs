// Integration tests in real VS Code: code-server (installed by scripts/install-vscode-test.sh) in headless Chromium,
// started by scripts/code-server-test-shim.js, which @vscode/test-cli takes for the VS Code executable.
// Each run opens a fresh copy of each fixture workspace: applied quick fixes and settings changes never touch the
// checked-in fixtures.
import { defineConfig } from '@vscode/test-cli';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'prompt-cost-it-'));
process.on('exit', () => fs.rmSync(runDir, { recursive: true, force: true }));

function freshCopy(name) {
  const to = path.join(runDir, name);
  fs.cpSync(path.join(root, 'test/integration/fixtures', name), to, { recursive: true });
  return to;
}

const common = {
  extensionDevelopmentPath: root,
  useInstallation: { fromPath: path.join(root, 'scripts/code-server-test-shim.js') },
  mocha: { ui: 'bdd', timeout: 60_000, color: true },
  env: { PROMPT_COST_LOG_CONSOLE: '1' },
};

/** The editor benchmark's workspace: the 2,000-line files the engine bench also edits (same generator and seed). */
function benchWorkspace() {
  const { rng, pythonFile, tsFile } = createRequire(import.meta.url)(path.join(root, 'out/bench/generate.js'));
  const dir = path.join(runDir, 'editor-bench');
  fs.mkdirSync(path.join(dir, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'big.py'), pythonFile(rng(7), 2000));
  fs.writeFileSync(path.join(dir, 'big.ts'), tsFile(rng(7), 2000));
  // No throttle: each edit's re-analysis is measured, not the wait before it.
  fs.writeFileSync(path.join(dir, '.vscode/settings.json'), JSON.stringify({ 'promptCost.analysisDelay': 0 }));
  return dir;
}

export default defineConfig(process.env.PROMPT_COST_BENCH === '1'
  ? [{ ...common, label: 'editor-bench', files: 'out/bench/editor.js', workspaceFolder: benchWorkspace(),
      mocha: { ...common.mocha, timeout: 600_000 } }]
  : [
    { ...common, label: 'python-app', files: 'out/test/integration/python-app/**/*.test.js',
      workspaceFolder: freshCopy('python-app') },
    { ...common, label: 'ts-app', files: 'out/test/integration/ts-app/**/*.test.js',
      workspaceFolder: freshCopy('ts-app') },
  ]);
