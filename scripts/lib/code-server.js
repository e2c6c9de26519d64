// Starting code-server (the real VS Code server and web workbench, installed by scripts/install-vscode-test.sh) and
// headless Chromium, shared by the integration-test shim, the demo and the screenshot script.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');

/** code-server's entry script: $CODE_SERVER_BIN, else the copy installed under .vscode-test/. */
function codeServerEntry() {
  if (process.env.CODE_SERVER_BIN) return process.env.CODE_SERVER_BIN;
  const local = path.join(ROOT, '.vscode-test/code-server/node_modules/code-server/out/node/entry.js');
  if (fs.existsSync(local)) return local;
  throw new Error(`code-server not found at ${local}: run scripts/install-vscode-test.sh (or set CODE_SERVER_BIN)`);
}

const freePort = () => new Promise((resolve, reject) => {
  const s = net.createServer();
  s.unref();
  s.on('error', reject);
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

const httpStatus = (url) => new Promise((resolve) => {
  http.get(url, (r) => { r.resume(); resolve(r.statusCode); }).on('error', () => resolve(0));
});

const QUIET_SETTINGS = {
  'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false, 'extensions.ignoreRecommendations': true, 'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'git.enabled': false,
  'workbench.tips.enabled': false, 'chat.disableAIFeatures': true,
};

/**
 * Starts code-server on a free loopback port with private state under `stateDir` (config, TMPDIR, XDG dirs), so
 * its IPC sockets and file-watcher children go away with it. Resolves once /healthz answers.
 * @param {{ stateDir: string, userDataDir?: string, extensionsDir?: string, env?: object, verbose?: boolean,
 *           port?: number, bindHost?: string, settings?: object }} o
 */
async function startCodeServer(o) {
  const entry = codeServerEntry();
  const userDataDir = o.userDataDir || path.join(o.stateDir, 'user-data');
  const extensionsDir = o.extensionsDir || path.join(o.stateDir, 'extensions');
  // must exist up front: with a missing parent dir the server sees no extensions at all (not even the dev one)
  for (const d of [userDataDir, extensionsDir, path.join(o.stateDir, 'tmp')]) fs.mkdirSync(d, { recursive: true });
  const settings = path.join(userDataDir, 'User', 'settings.json');
  if (!fs.existsSync(settings)) {
    fs.mkdirSync(path.dirname(settings), { recursive: true });
    fs.writeFileSync(settings, JSON.stringify({ ...QUIET_SETTINGS, ...(o.settings || {}) }, null, 2));
  }
  const port = o.port || (await freePort());
  const host = `127.0.0.1:${port}`;
  const config = path.join(o.stateDir, 'config.yaml');
  fs.writeFileSync(config, `bind-addr: ${o.bindHost || '127.0.0.1'}:${port}\nauth: none\ncert: false\n`);
  const args = ['--config', config, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--ignore-last-opened'];
  // VS Code > 1.100 honours the test `payload` only with the smoke-test driver; code-server forwards that option
  // through --vscode-option when it knows it (4.100.3 does not, and honours the payload anyway).
  try {
    const cli = path.join(path.dirname(fs.realpathSync(entry)), 'cli.js');
    if (fs.readFileSync(cli, 'utf8').includes('"vscode-option"')) args.push('--vscode-option', 'enable-smoke-test-driver');
  } catch { /* unknown layout: an old code-server */ }
  const env = { ...process.env, ...(o.env || {}), TMPDIR: path.join(o.stateDir, 'tmp'),
    XDG_CONFIG_HOME: path.join(o.stateDir, 'xdg-config'), XDG_DATA_HOME: path.join(o.stateDir, 'xdg-data') };
  delete env.ELECTRON_RUN_AS_NODE;
  const node = process.env.CODE_SERVER_NODE || process.execPath;
  const child = spawn(node, [entry, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  const onOut = (d) => { log += d; if (o.verbose) process.stderr.write(d); };
  child.stdout.on('data', onOut);
  child.stderr.on('data', onOut);
  // by process group: code-server leaves a file-watcher child behind otherwise
  const stop = () => { try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ } };
  process.on('exit', stop);
  for (let i = 0; ; i++) {
    if ((await httpStatus(`http://${host}/healthz`)) === 200) break;
    if (child.exitCode !== null || i > 600) { stop(); throw new Error('code-server did not start:\n' + log); }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { host, url: `http://${host}`, child, stop, log: () => log };
}

/** Runs code-server's CLI once (e.g. --install-extension) with the same private state. */
function codeServerCli(stateDir, extensionsDir, userDataDir, cliArgs) {
  const { execFileSync } = require('child_process');
  const env = { ...process.env, TMPDIR: path.join(stateDir, 'tmp'), XDG_CONFIG_HOME: path.join(stateDir, 'xdg-config'),
    XDG_DATA_HOME: path.join(stateDir, 'xdg-data') };
  fs.mkdirSync(env.TMPDIR, { recursive: true });
  return execFileSync(process.env.CODE_SERVER_NODE || process.execPath,
    [codeServerEntry(), '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, ...cliArgs],
    { env, encoding: 'utf8' });
}

/** Headless Debian Chromium with the flags this machine's closed network needs, on a fresh profile. */
async function launchChromium(profileDir, viewport = { width: 1400, height: 900 }) {
  const { chromium } = require(require.resolve('playwright-core', { paths: [ROOT, __dirname] }));
  return chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    viewport,
  });
}

module.exports = { ROOT, codeServerEntry, freePort, startCodeServer, codeServerCli, launchChromium };
