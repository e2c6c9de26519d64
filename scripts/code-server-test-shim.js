#!/usr/bin/env node
// The "VS Code executable" for @vscode/test-cli (useInstallation.fromPath) on a machine with no desktop VS Code:
// accepts the desktop arguments test-electron passes (--extensionDevelopmentPath, --extensionTestsPath,
// --user-data-dir, --extensions-dir, [folder]) and instead
//   1. starts code-server (the real VS Code server, web workbench and Node extension host) on a free loopback port,
//   2. opens the workbench in headless Chromium with VS Code's extension-test `payload`,
//   3. forwards the extension host's console (window.codeAutomationLog) and exits with its exit code
//      (window.codeAutomationExit).
// Adapted from the measured recipe in the project's design notes (shared/vscode-real).
// Env: CODE_SERVER_BIN, CODE_SERVER_NODE, CHROMIUM_PATH, VSCODE_TEST_TIMEOUT_MS (default 600000),
//      VSCODE_TEST_SCREENSHOT (PNG written when the tests finish), VSCODE_TEST_LOGS_DIR, VSCODE_TEST_VERBOSE=1.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startCodeServer, launchChromium } = require('./lib/code-server');

function parseArgs(argv) {
  const o = { dev: [], tests: undefined, userDataDir: undefined, extensionsDir: undefined, folder: undefined };
  for (let i = 0; i < argv.length; i++) {
    const kv = argv[i].match(/^--([^=]+)(?:=(.*))?$/);
    if (!kv) { o.folder = path.resolve(argv[i]); continue; }
    const take = () => (kv[2] !== undefined ? kv[2] : argv[++i]);
    switch (kv[1]) {
      case 'extensionDevelopmentPath': o.dev.push(path.resolve(take())); break;
      case 'extensionTestsPath': o.tests = path.resolve(take()); break;
      case 'user-data-dir': o.userDataDir = path.resolve(take()); break;
      case 'extensions-dir': o.extensionsDir = path.resolve(take()); break;
      case 'folder-uri': case 'file-uri': o.folder = new URL(take()).pathname; break;
      // every other desktop flag (--no-sandbox, --disable-extensions, …) means nothing here
    }
  }
  return o;
}

async function main() {
  const t0 = Date.now();
  const lap = (m) => console.log(`[code-server-test ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
  const opts = parseArgs(process.argv.slice(2));
  if (!opts.tests || !opts.dev.length) {
    console.error('usage: code-server-test-shim --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [folder]');
    return 2;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'code-server-test-'));
  let server;
  let browser;
  try {
    server = await startCodeServer({ stateDir: tmp, userDataDir: opts.userDataDir, extensionsDir: opts.extensionsDir,
      verbose: !!process.env.VSCODE_TEST_VERBOSE });
    lap(`code-server up on ${server.url}`);
    const remote = (p) => `vscode-remote://${server.host}${p}`;
    const payload = [
      ...opts.dev.map((d) => ['extensionDevelopmentPath', remote(d)]),
      ['extensionTestsPath', remote(opts.tests)],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ];
    let url = `${server.url}/?payload=${encodeURIComponent(JSON.stringify(payload))}`;
    if (!opts.folder) url += '&ew=true';
    else url += `&${opts.folder.endsWith('.code-workspace') ? 'workspace' : 'folder'}=${encodeURIComponent(opts.folder)}`;

    browser = await launchChromium(path.join(tmp, 'chromium-profile'));
    const page = browser.pages()[0] || (await browser.newPage());
    let finish;
    const done = new Promise((r) => (finish = r));
    await page.exposeFunction('codeAutomationLog', (type, args) => (console[type] || console.log)(...args));
    await page.exposeFunction('codeAutomationExit', (code, logs) => {
      if (process.env.VSCODE_TEST_LOGS_DIR && Array.isArray(logs)) {
        for (const { relativePath, contents } of logs) {
          const p = path.join(process.env.VSCODE_TEST_LOGS_DIR, relativePath);
          fs.mkdirSync(path.dirname(p), { recursive: true });
          fs.writeFileSync(p, contents);
        }
      }
      finish(code);
    });
    page.on('pageerror', (e) => console.error('[workbench pageerror]', e.message));
    await page.goto(url);
    lap('workbench opened in headless Chromium, running extension tests');
    const timeout = Number(process.env.VSCODE_TEST_TIMEOUT_MS || 600000);
    const timer = setTimeout(() => finish('timeout'), timeout);
    const code = await done;
    clearTimeout(timer);
    if (process.env.VSCODE_TEST_SCREENSHOT) await page.screenshot({ path: process.env.VSCODE_TEST_SCREENSHOT }).catch(() => {});
    lap(code === 'timeout' ? `TIMEOUT after ${timeout} ms` : `extension host exited with code ${code}`);
    return code === 'timeout' ? 124 : code;
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (server) server.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then((c) => process.exit(c), (e) => { console.error(e); process.exit(1); });
