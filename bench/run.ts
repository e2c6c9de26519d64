// `npm run bench`: engine scan and edit benchmarks, plus the compression report when present. Figures are ratios
// to floors measured in the same run. Results: printed, and written to bench/results/latest.json.

import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { runEditBench, runScanBench } from './scan';

interface Section { name: string; data: unknown }

async function optional(modulePath: string, fn: string): Promise<unknown> {
  const file = path.join(__dirname, modulePath + '.js');
  if (!fs.existsSync(file)) return undefined;
  const mod = (await import(file)) as Record<string, () => Promise<unknown>>;
  return typeof mod[fn] === 'function' ? mod[fn]() : undefined;
}

const f1 = (n: number) => n.toFixed(1);

interface EditorResult {
  file: string; lines: number; calls: number; cold: boolean; activationToFirstDiagnosticsMs?: number | null;
  memoryAddedMB?: { rss: number } | null;
  edit: { engineMs: { p50: number; p95: number }; mainThreadMs: { p50: number; p95: number }; roundTripMs: { p50: number; p95: number } };
}

function printEditor(e: { vscode: string; results: EditorResult[] }): void {
  console.log(`\n## Editor in real VS Code ${e.vscode} (code-server), generated 2,000-line files`);
  for (const r of e.results) {
    const cold = r.activationToFirstDiagnosticsMs != null ? `activation → first diagnostics ${r.activationToFirstDiagnosticsMs.toFixed(0)} ms; ` : '';
    const mem = r.memoryAddedMB != null ? `extension-host RSS added ${r.memoryAddedMB.rss} MB; ` : '';
    console.log(`${r.file} (${r.lines} lines, ${r.calls} calls): ${cold}${mem}one-character edit: main thread p50 ${f2(r.edit.mainThreadMs.p50)} / ` +
      `p95 ${f2(r.edit.mainThreadMs.p95)} ms, engine (worker) p50 ${f2(r.edit.engineMs.p50)} / p95 ${f2(r.edit.engineMs.p95)} ms, ` +
      `round trip p95 ${f2(r.edit.roundTripMs.p95)} ms`);
  }
}
const f2 = (n: number) => n.toFixed(2);

async function main(): Promise<void> {
  const only = process.argv[2];
  const sections: Section[] = [];
  const t0 = Date.now();
  if (!only || only === 'scan') {
    const files = Number(process.env.BENCH_FILES ?? 2000);
    const s = await runScanBench(files);
    sections.push({ name: 'scan', data: s });
    console.log(`\n## Workspace scan (${s.files} generated files, ${f1(s.megabytes)} MB, ${s.calls} LLM calls, one core)`);
    console.log(`engine: ${f1(s.engineMs)} ms = ${f1(s.filesPerSecond)} files/s, ${f2(s.megabytesPerSecond)} MB/s`);
    console.log(`floor (tree-sitter parse + tokenizing the same prompt literals, cold): ${f1(s.floorMs)} ms = ${f1(s.floorFilesPerSecond)} files/s`);
    console.log(`ratio engine/floor: ${f2(s.ratio)}x of the medians, ${f2(s.bestRatio)}x of the fastest rounds (target ≤ 1.5x); ` +
      `${s.rounds.engineMs.length} rounds each, alternating order`);
    console.log(`peak RSS ${f1(s.peakRssMb)} MB, heap ${f1(s.heapUsedMb)} MB`);
  }
  if (!only || only === 'edit') {
    for (const lang of ['python', 'typescript'] as const) {
      const e = await runEditBench(lang);
      sections.push({ name: `edit-${lang}`, data: e });
      console.log(`\n## Re-analysis after a one-character edit, ${e.lines}-line ${lang} file (${e.calls} calls), warm`);
      console.log(`full re-parse:        p50 ${f2(e.fullParse.p50)} ms  p95 ${f2(e.fullParse.p95)} ms  p99 ${f2(e.fullParse.p99)} ms`);
      console.log(`incremental re-parse: p50 ${f2(e.incremental.p50)} ms  p95 ${f2(e.incremental.p95)} ms  p99 ${f2(e.incremental.p99)} ms (target p95 < 15 ms)`);
      console.log(`floor (full tree-sitter parse only): p50 ${f2(e.floorParse.p50)} ms  p95 ${f2(e.floorParse.p95)} ms; ` +
        `ratio incremental p95 / parse p95: ${f2(e.incremental.p95 / e.floorParse.p95)}x`);
    }
  }
  if (!only || only === 'compress') {
    const c = await optional('compress', 'runCompressBench');
    if (c !== undefined) sections.push({ name: 'compress', data: c });
    // Real prompts are third-party text kept outside the repository: measured when PROMPT_COST_REAL_PROMPTS names them.
    const real = await optional('compressReal', 'runRealPromptBench');
    if (real !== undefined) sections.push({ name: 'compress-real', data: real });
  }
  if (!only || only === 'editor') {
    // The editor figures come from real VS Code (code-server): scripts/bench-editor.sh runs bench/editor.ts there.
    const script = path.join(__dirname, '../../scripts/bench-editor.sh');
    const r = spawnSync('bash', [script], { stdio: ['ignore', 'inherit', 'inherit'] });
    const file = path.join(__dirname, '../../bench/results/editor.json');
    if (r.status === 0 && fs.existsSync(file)) {
      const e = JSON.parse(fs.readFileSync(file, 'utf8'));
      sections.push({ name: 'editor', data: e });
      printEditor(e);
    } else console.log(`\n## Editor (real VS Code): not measured (scripts/bench-editor.sh exited ${r.status})`);
  }
  const out = path.join(__dirname, '../../bench/results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'latest.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, sections }, null, 2));
  console.log(`\n(${((Date.now() - t0) / 1000).toFixed(0)} s; results in bench/results/latest.json)`);
}

main().catch((e) => { console.error(e); process.exit(1); });
