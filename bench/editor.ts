// The editor benchmark, run inside real VS Code by scripts/bench-editor.sh (test-cli label `editor-bench`):
// on a generated 2,000-line file it measures activation → first diagnostics, re-analysis after one-character edits
// (the engine's time in its worker, the round trip, and the extension host's main-thread time), the longest
// main-thread stall during the cold start, and the extension host memory the extension adds.
// Writes JSON to $PROMPT_COST_BENCH_OUT.

import * as assert from 'assert';
import * as fs from 'fs';
import { monitorEventLoopDelay } from 'perf_hooks';
import * as vscode from 'vscode';
import type { PromptCostApi } from '../src/extension/extension';

const EXTENSION_ID = 'prompt-cost.prompt-cost-lint';
/** At most the API's timing window (200). */
const EDITS = Math.min(200, Number(process.env.PROMPT_COST_BENCH_EDITS ?? 200));

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
}

function summary(values: number[]): { p50: number; p95: number; p99: number; max: number; n: number } {
  const r = (n: number) => Math.round(n * 100) / 100;
  return { p50: r(percentile(values, 50)), p95: r(percentile(values, 95)), p99: r(percentile(values, 99)),
    max: r(Math.max(...values)), n: values.length };
}

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

async function measureFile(api: PromptCostApi | undefined, rel: string) {
  const folder = vscode.workspace.workspaceFolders![0].uri;
  const uri = vscode.Uri.joinPath(folder, rel);
  const ext = vscode.extensions.getExtension<PromptCostApi>(EXTENSION_ID)!;
  const cold = !ext.isActive;
  const memBefore = process.memoryUsage();
  const lag = monitorEventLoopDelay({ resolution: 5 });
  lag.enable();
  const t0 = performance.now();
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc);
  api ??= await ext.activate();
  const first = await api.whenIdle(uri);
  const openToResultMs = performance.now() - t0;
  lag.disable();
  assert.ok(first && first.calls.length > 0, `${rel}: analysed with calls`);
  const memAfter = process.memoryUsage();

  // One-character edits inside comments and prompt strings, spread over the file; insert then delete.
  const text = doc.getText();
  const sites: number[] = [];
  for (let i = text.indexOf('. '); i !== -1 && sites.length < 100; i = text.indexOf('. ', i + 997)) sites.push(i + 1);
  const wall: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const at = doc.positionAt(sites[Math.floor(i / 2) % sites.length]);
    const next = api.nextAnalysis(uri);
    const t = performance.now();
    await editor.edit((b) => (i % 2 === 0 ? b.insert(at, 'x') : b.delete(new vscode.Range(at, at.translate(0, 1)))),
      { undoStopBefore: false, undoStopAfter: false });
    await next;
    wall.push(performance.now() - t);
  }
  const after = api.timings();
  // The API's timing windows end with these edits' figures (one analysis per edit); the first 10 warm up.
  const take = (all: number[]) => all.slice(-EDITS).slice(10);
  const result = {
    file: rel,
    lines: doc.lineCount,
    calls: first.calls.length,
    cold,
    openToFirstResultMs: Math.round(openToResultMs),
    activationToFirstDiagnosticsMs: cold ? after.activationToFirstDiagnosticsMs : null,
    engineLoadMs: after.engineLoadMs,
    engineMode: after.engineMode,
    longestMainThreadStallDuringStartMs: Math.round(lag.max / 1e6),
    memoryAddedMB: cold ? { rss: mb(memAfter.rss - memBefore.rss), heapUsed: mb(memAfter.heapUsed - memBefore.heapUsed),
      external: mb(memAfter.external - memBefore.external) } : null,
    edit: {
      engineMs: summary(take(after.engineMs)),
      roundTripMs: summary(take(after.roundTripMs)),
      mainThreadMs: summary(take(after.mainThreadMs)),
      editToResultMs: summary(wall.slice(10)),
    },
  };
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  return { api, result };
}

describe('editor benchmark (real VS Code)', function () {
  this.timeout(600_000);
  it('measures cold start, edits and memory on 2,000-line files', async () => {
    const ext = vscode.extensions.getExtension<PromptCostApi>(EXTENSION_ID);
    assert.ok(ext, 'extension present');
    assert.strictEqual(ext.isActive, false, 'nothing has activated the extension yet (cold start measured)');
    const py = await measureFile(undefined, 'big.py');
    const ts = await measureFile(py.api, 'big.ts');
    const report = { vscode: vscode.version, app: vscode.env.appName, date: new Date().toISOString(), results: [py.result, ts.result] };
    console.log(JSON.stringify(report, null, 2));
    if (process.env.PROMPT_COST_BENCH_OUT) fs.writeFileSync(process.env.PROMPT_COST_BENCH_OUT, JSON.stringify(report, null, 2) + '\n');
  });
});
