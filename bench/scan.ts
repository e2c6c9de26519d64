// Scan and re-analysis benchmarks for the engine (issue 2). Every figure is reported as a ratio to a floor measured
// in the same run on the same inputs: parsing the files with tree-sitter and tokenizing the same prompt literals,
// with cold caches, which is the work no analyzer of this kind can skip.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { assetPath, type AssetName } from '../src/core/assets';
import { resolveConfig } from '../src/core/config/load';
import { Engine, languageFor } from '../src/core/engine';
import { Parsers } from '../src/core/languages/parser';
import { TokenCounter } from '../src/core/tokens';
import type { LanguageId } from '../src/core/types';
import { generateWorkspace, pythonFile, rng, tsFile } from './generate';

export interface ScanReport {
  files: number;
  megabytes: number;
  calls: number;
  engineMs: number;
  floorMs: number;
  /** Median engine time / median floor time. */
  ratio: number;
  /** Fastest engine round / fastest floor round: the least disturbed rounds of each (other processes, CPU clock). */
  bestRatio: number;
  rounds: { engineMs: number[]; floorMs: number[] };
  filesPerSecond: number;
  megabytesPerSecond: number;
  floorFilesPerSecond: number;
  peakRssMb: number;
  heapUsedMb: number;
}

export interface EditReport {
  language: string;
  lines: number;
  calls: number;
  fullParse: { p50: number; p95: number; p99: number };
  incremental: { p50: number; p95: number; p99: number };
  floorParse: { p50: number; p95: number };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

let peakRss = 0;
function sampleMemory(): void {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}

export async function runScanBench(fileCount = 2000, rounds = 6): Promise<ScanReport> {
  const dir = path.join(os.tmpdir(), 'prompt-cost-bench-ws');
  const { files, bytes } = generateWorkspace(dir, fileCount);
  const texts = files.map((f) => ({ path: f, text: fs.readFileSync(f, 'utf8'), lang: languageFor(f)! }));
  const config = resolveConfig([], dir);
  const locate = (f: string) => assetPath(f as AssetName);

  // The literals the engine tokenizes (prompt texts without placeholders), per file, from one analysis.
  const probe = await Engine.create();
  const literals: string[][] = [];
  let calls = 0;
  for (const t of texts) {
    const r = probe.analyze({ path: t.path, text: t.text }, config);
    calls += r.calls.length;
    literals.push(r.prompts.map((p) => p.placeholders.reduce((s, ph) => s.split(ph.text).join(''), p.text)));
  }

  const engineTimes: number[] = [];
  const floorTimes: number[] = [];
  const gc = (globalThis as { gc?: () => void }).gc;
  const floorRun = async () => {
    // Floor: fresh parser and tokenizer (cold caches), parse every file and count the same literals.
    const parsers = await Parsers.create(locate);
    const counter = await TokenCounter.create();
    counter.warm('o200k_base');
    gc?.();
    const t0 = performance.now();
    texts.forEach((t, i) => {
      const tree = parsers.parse(t.lang as LanguageId, t.text);
      for (const lit of literals[i]) counter.count(lit, 'gpt-4o', 'openai');
      tree?.delete();
      if (i % 200 === 0) sampleMemory();
    });
    floorTimes.push(performance.now() - t0);
    counter.dispose();
  };
  const engineRun = async () => {
    // Engine: fresh engine (cold token cache), full analysis of every file.
    const engine = await Engine.create();
    engine.tokens.warm('o200k_base');
    gc?.();
    const t0 = performance.now();
    texts.forEach((t, i) => {
      engine.analyze({ path: t.path, text: t.text }, config);
      if (i % 200 === 0) sampleMemory();
    });
    engineTimes.push(performance.now() - t0);
    engine.tokens.dispose();
  };
  // Alternate the order so that neither side always runs after the other's garbage.
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) { await floorRun(); await engineRun(); } else { await engineRun(); await floorRun(); }
  }
  sampleMemory();
  const engineMs = median(engineTimes);
  const floorMs = median(floorTimes);
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    files: texts.length,
    megabytes: bytes / 1048576,
    calls,
    engineMs,
    floorMs,
    ratio: engineMs / floorMs,
    bestRatio: Math.min(...engineTimes) / Math.min(...floorTimes),
    rounds: { engineMs: engineTimes, floorMs: floorTimes },
    filesPerSecond: (texts.length / engineMs) * 1000,
    megabytesPerSecond: (bytes / 1048576 / engineMs) * 1000,
    floorFilesPerSecond: (texts.length / floorMs) * 1000,
    peakRssMb: peakRss / 1048576,
    heapUsedMb: process.memoryUsage().heapUsed / 1048576,
  };
}

/** One-character edits in a 2,000-line file, re-analysed once warm: full re-parse and incremental re-parse. */
export async function runEditBench(language: 'python' | 'typescript', iterations = 300): Promise<EditReport> {
  const r = rng(7);
  let text = language === 'python' ? pythonFile(r, 2000) : tsFile(r, 2000);
  const file = language === 'python' ? '/bench/big.py' : '/bench/big.ts';
  const config = resolveConfig([], '/bench');
  const engine = await Engine.create();
  const first = engine.analyze({ path: file, text }, config);
  const lines = text.split('\n').length;
  for (let i = 0; i < 20; i++) engine.analyze({ path: file, text }, config); // warm

  // Edit sites: inside comments and prompt strings, spread over the file.
  const sites: number[] = [];
  for (let i = text.indexOf('. '); i !== -1 && sites.length < 200; i = text.indexOf('. ', i + 997)) sites.push(i + 1);

  const full: number[] = [];
  const incremental: number[] = [];
  const floor: number[] = [];
  let tree = null as ReturnType<Engine['parsers']['parse']>;
  engine.analyze({ path: file, text, keepTree: (t) => { tree = t; } }, config);
  for (let i = 0; i < iterations; i++) {
    const at = sites[i % sites.length];
    const insert = i % 2 === 0;
    const next = insert ? text.slice(0, at) + 'x' + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
    // full re-parse
    let t0 = performance.now();
    engine.analyze({ path: file, text: next }, config);
    full.push(performance.now() - t0);
    // incremental: the editor hands over what changed (VS Code's contentChanges carry the positions)
    const pos = (o: number) => { const before = text.slice(0, o); const row = before.split('\n').length - 1; return { row, column: o - before.lastIndexOf('\n') - 1 }; };
    const edit = {
      startIndex: at, oldEndIndex: insert ? at : at + 1, newEndIndex: insert ? at + 1 : at,
      startPosition: pos(at), oldEndPosition: pos(insert ? at : at + 1), newEndPosition: pos(insert ? at + 1 : at),
    };
    t0 = performance.now();
    const old = tree!;
    old.edit(edit);
    engine.analyze({ path: file, text: next, oldTree: old, keepTree: (t) => { tree = t; } }, config);
    incremental.push(performance.now() - t0);
    old.delete();
    // floor: parsing alone
    t0 = performance.now();
    engine.parsers.parse(language, next)?.delete();
    floor.push(performance.now() - t0);
    text = next;
    sampleMemory();
  }
  tree?.delete();
  const stats = (xs: number[]) => ({ p50: pct(xs, 50), p95: pct(xs, 95), p99: pct(xs, 99) });
  return {
    language, lines, calls: first.calls.length, fullParse: stats(full), incremental: stats(incremental),
    floorParse: { p50: pct(floor, 50), p95: pct(floor, 95) },
  };
}
