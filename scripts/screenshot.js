#!/usr/bin/env node
// End-to-end check from the packaged extension: installs prompt-cost-lint.vsix into a fresh code-server, opens a
// folder (examples/) in headless Chromium, opens a file with LLM calls, waits for a diagnostic squiggle and the
// cost CodeLens, opens the Prompt Cost sidebar, hovers a flagged call and saves a screenshot of the workbench.
// usage: node scripts/screenshot.js [--folder DIR] [--file REL_PATH] [--out PNG]
// Fails (exit 1) when any of those does not appear.
'use strict';
const fs = require('fs');
const path = require('path');
const { ROOT, codeServerCli, startCodeServer, launchChromium } = require('./lib/code-server');

function args() {
  const o = { folder: path.join(ROOT, 'examples'), file: undefined, out: path.join(ROOT, 'docs', 'screenshot.png'),
    vsix: path.join(ROOT, 'prompt-cost-lint.vsix') };
  const a = process.argv.slice(2);
  for (let i = 0; i < a.length; i += 2) {
    const k = a[i].replace(/^--/, '');
    if (!(k in o)) throw new Error(`unknown option ${a[i]}`);
    o[k] = path.resolve(a[i + 1]);
  }
  return o;
}

/** The first Python or TypeScript file under `folder` that calls an LLM without an output cap, by a cheap look. */
function pickFile(folder) {
  const found = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((x, y) => x.name.localeCompare(y.name))) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(py|ts)$/.test(e.name)) found.push(p);
    }
  };
  walk(folder);
  const score = (p) => {
    const t = fs.readFileSync(p, 'utf8');
    return (/\.py$/.test(p) ? 1 : 0) + (/completions\.create|messages\.create/.test(t) ? 2 : 0) + (/max_(completion_)?tokens/.test(t) ? 1 : 0);
  };
  found.sort((x, y) => score(y) - score(x));
  if (!found.length) throw new Error(`no .py or .ts file under ${folder}`);
  return path.relative(folder, found[0]);
}

async function main() {
  const t0 = Date.now();
  const lap = (m) => console.log(`[screenshot ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
  const o = args();
  if (!fs.existsSync(o.vsix)) throw new Error(`${o.vsix} not found: run npm run package first`);
  const rel = o.file ? path.relative(o.folder, o.file) : pickFile(o.folder);
  const state = path.join(ROOT, '.vscode-test', 'screenshot');
  fs.rmSync(state, { recursive: true, force: true });
  const extensionsDir = path.join(state, 'extensions');
  const userDataDir = path.join(state, 'user-data');
  fs.mkdirSync(path.join(state, 'tmp'), { recursive: true });
  codeServerCli(state, extensionsDir, userDataDir, ['--install-extension', o.vsix, '--force']);
  lap(`installed ${path.basename(o.vsix)}`);
  const server = await startCodeServer({ stateDir: state, extensionsDir, userDataDir, settings: {
    'workbench.colorTheme': 'Default Dark Modern', 'editor.minimap.enabled': false, 'editor.fontSize': 14,
    'editor.hover.above': false, 'window.commandCenter': false, 'workbench.layoutControl.enabled': false, 'chat.commandCenter.enabled': false,
  } });
  const browser = await launchChromium(path.join(state, 'chromium'), { width: 1440, height: 900 });
  try {
    const page = browser.pages()[0] || (await browser.newPage());
    await page.goto(`${server.url}/?folder=${encodeURIComponent(o.folder)}`);
    await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 60000 });
    lap(`workbench open on ${o.folder}`);
    // Quick Open the file.
    await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => {});
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { timeout: 15000 });
    await page.keyboard.type(rel, { delay: 10 });
    await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 15000 });
    await page.keyboard.press('Enter');
    await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30000 });
    lap(`opened ${rel}`);
    const squiggle = page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error, .monaco-editor .squiggly-info').first();
    await squiggle.waitFor({ timeout: 90000 });
    lap('diagnostic shown');
    const lens = page.locator('.monaco-editor .codelens-decoration a', { hasText: '/call' }).first();
    await lens.waitFor({ timeout: 30000 });
    lap(`CodeLens: ${await lens.textContent()}`);
    // The sidebar, then the hover (last: any click would close it).
    await page.locator('.activitybar .action-item a[aria-label^="Prompt Cost"]').first().click();
    const total = page.frameLocator('iframe.webview').frameLocator('iframe').locator('.big');
    await total.waitFor({ timeout: 30000 }).then(async () => lap(`sidebar: ${await total.textContent()}`),
      () => lap('sidebar did not render (continuing)'));
    // A plain mouse move: the editor's overlay layer sits above the squiggle, so a locator hover waits forever.
    const box = await squiggle.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover', { hasText: 'Prompt Cost' }).first();
    await hover.waitFor({ state: 'visible', timeout: 20000 });
    lap('hover shown');
    await page.waitForTimeout(300); // let the hover finish its fade-in before the capture
    fs.mkdirSync(path.dirname(o.out), { recursive: true });
    await page.screenshot({ path: o.out });
    lap(`saved ${path.relative(ROOT, o.out)} (${Math.round(fs.statSync(o.out).size / 1024)} KB)`);
  } finally {
    await browser.close().catch(() => {});
    server.stop();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
