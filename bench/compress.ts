// Compression report on the hand-written prompt set in bench/compress-prompts/ (one folder a category):
// median token reduction per level, invariant violations (re-checked independently of the pipeline; must be 0),
// idempotence, time per prompt, and the host-literal path (each prompt written into a Python triple-quoted
// constant and a TypeScript template, compressed in file and verified by re-analysis).
// Run alone: `npm run compile-tests && node out/bench/compress.js`; `npm run bench` includes it.

import * as fs from 'fs';
import * as path from 'path';
import { checkInvariants, compressText } from '../src/core/compress';
import { compressPromptInFile } from '../src/core/compress/inFile';
import { rewriteLiteral } from '../src/core/compress/literal';
import type { CompressLevel, PassId } from '../src/core/compress/types';
import { resolveConfig } from '../src/core/config/load';
import { Engine } from '../src/core/engine';

export interface LevelFigures {
  prompts: number;
  medianReduction: number;
  meanReduction: number;
  minReduction: number;
  maxReduction: number;
  tokensBefore: number;
  tokensAfter: number;
  violations: number;
  notIdempotent: number;
  msPerPrompt: { p50: number; p95: number; max: number };
  savedByPass: Partial<Record<PassId, number>>;
}

export interface CompressBenchReport {
  set: string;
  categories: Record<string, Record<CompressLevel, LevelFigures>>;
  inFile: {
    attempts: number; compressed: number; refused: { file: string; host: string; reason: string }[]; msPerPrompt: { p50: number; p95: number };
    /** Median reduction of the literal as written in the source (quotes excluded, escapes and indentation included), per category and host. */
    writtenMedian: Record<string, { python: number; typescript: number }>;
  };
  violationsTotal: number;
}

const LEVELS: CompressLevel[] = ['safe', 'aggressive'];

export function quantile(xs: number[], q: number): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}
export const median = (xs: number[]) => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function promptSet(root: string): Map<string, { file: string; text: string }[]> {
  const set = new Map<string, { file: string; text: string }[]>();
  for (const category of fs.readdirSync(root).sort()) {
    const dir = path.join(root, category);
    if (!fs.statSync(dir).isDirectory()) continue;
    set.set(category, fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ file: `${category}/${f}`, text: fs.readFileSync(path.join(dir, f), 'utf8') })));
  }
  return set;
}

/** A file that sends `text` as a system prompt, with the literal written in the host's own syntax. */
export function hostFile(host: 'python' | 'typescript', text: string): string | null {
  if (host === 'python') {
    const lit = rewriteLiteral('"""x"""', 'python', text);
    return lit.ok ? `from openai import OpenAI\nclient = OpenAI()\n\nSYSTEM = ${lit.source}\n\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": SYSTEM}])\n` : null;
  }
  const lit = rewriteLiteral('`x`', 'typescript', text);
  return lit.ok ? `import OpenAI from 'openai';\nconst client = new OpenAI();\nconst system = ${lit.source};\nawait client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: system }] });\n` : null;
}

export async function runCompressBench(root = path.join(__dirname, '../../bench/compress-prompts'), log: (s: string) => void = console.log): Promise<CompressBenchReport> {
  const engine = await Engine.create();
  const config = resolveConfig([], '');
  const countTokens = (t: string) => engine.tokens.count(t, 'gpt-4o', 'openai').tokens;
  const set = promptSet(root);
  const report: CompressBenchReport = {
    set: path.relative(process.cwd(), root) || root,
    categories: {},
    inFile: { attempts: 0, compressed: 0, refused: [], msPerPrompt: { p50: 0, p95: 0 }, writtenMedian: {} },
    violationsTotal: 0,
  };
  // Warm the tokenizer and the passes so the first prompt's time is not the encoder's construction or the JIT's.
  for (const prompts of set.values()) for (const { text } of prompts.slice(0, 3)) compressText(text, { countTokens });

  for (const [category, prompts] of set) {
    report.categories[category] = {} as Record<CompressLevel, LevelFigures>;
    for (const level of LEVELS) {
      const reductions: number[] = [];
      const times: number[] = [];
      const savedByPass: Partial<Record<PassId, number>> = {};
      let violations = 0;
      let notIdempotent = 0;
      let before = 0;
      let after = 0;
      for (const { file, text } of prompts) {
        const t0 = performance.now();
        const r = compressText(text, { countTokens, level });
        times.push(performance.now() - t0);
        reductions.push(r.saved / r.tokensBefore);
        before += r.tokensBefore;
        after += r.tokensAfter;
        for (const p of r.passes) savedByPass[p.id] = (savedByPass[p.id] ?? 0) + p.saved;
        const v = checkInvariants(text, r.text, r.removed);
        if (v.length) {
          violations += v.length;
          log(`  VIOLATION ${file} (${level}): ${v.map((x) => `${x.change} ${x.invariant} ${JSON.stringify(x.item)}`).join('; ')}`);
        }
        if (compressText(r.text, { countTokens, level }).text !== r.text) {
          notIdempotent++;
          log(`  NOT IDEMPOTENT ${file} (${level})`);
        }
      }
      report.violationsTotal += violations;
      report.categories[category][level] = {
        prompts: prompts.length,
        medianReduction: median(reductions),
        meanReduction: reductions.reduce((a, b) => a + b, 0) / Math.max(1, reductions.length),
        minReduction: Math.min(...reductions),
        maxReduction: Math.max(...reductions),
        tokensBefore: before,
        tokensAfter: after,
        violations,
        notIdempotent,
        msPerPrompt: { p50: median(times), p95: quantile(times, 0.95), max: Math.max(...times) },
        savedByPass,
      };
    }
  }

  // The host-literal path: write each prompt into a literal, compress in file, verify by re-analysis.
  const inFileTimes: number[] = [];
  const written = (source: string, p: { pieces: { contentSpan: { start: number; end: number } }[] }) =>
    countTokens(p.pieces.map((pc) => source.slice(pc.contentSpan.start, pc.contentSpan.end)).join(''));
  for (const [category, prompts] of set) {
    const writtenReductions = { python: [] as number[], typescript: [] as number[] };
    for (const { file, text } of prompts) {
      for (const host of ['python', 'typescript'] as const) {
        const source = hostFile(host, text);
        const path_ = host === 'python' ? 'bench.py' : 'bench.ts';
        if (!source) { report.inFile.refused.push({ file, host, reason: 'cannot be written as a literal' }); continue; }
        const analysis = engine.analyze({ path: path_, text: source }, config);
        const prompt = analysis.prompts.find((p) => p.role === 'system');
        report.inFile.attempts++;
        if (!prompt) {
          const why = analysis.skipped ?? analysis.notices.map((n) => n.message).join('; ');
          report.inFile.refused.push({ file, host, reason: `the engine found no system prompt${why ? ` (${why})` : ''}` });
          continue;
        }
        const t0 = performance.now();
        const r = compressPromptInFile(engine, { path: path_, text: source }, config, prompt.id, { analysis });
        inFileTimes.push(performance.now() - t0);
        const before = written(source, prompt);
        if (r.ok) {
          report.inFile.compressed++;
          const same = engine.analyze({ path: path_, text: r.newText }, config).prompts.find((p) => p.pieces[0]?.span.start === prompt.pieces[0].span.start);
          writtenReductions[host].push(same ? (before - written(r.newText, same)) / before : 0);
          const again = compressPromptInFile(engine, { path: path_, text: r.newText }, config, prompt.id);
          if (again.ok) report.inFile.refused.push({ file, host, reason: 'not idempotent in file' });
        } else {
          writtenReductions[host].push(0);
          if (r.reason !== 'nothing to compress') report.inFile.refused.push({ file, host, reason: r.reason });
        }
      }
    }
    report.inFile.writtenMedian[category] = { python: median(writtenReductions.python), typescript: median(writtenReductions.typescript) };
  }
  report.inFile.msPerPrompt = { p50: median(inFileTimes), p95: quantile(inFileTimes, 0.95) };

  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  log(`\n## Prompt compression (${report.set}, o200k tokens)`);
  const width = Math.max(13, ...Object.keys(report.categories).map((c) => c.length));
  log(`${'category'.padEnd(width)} level       n  median  mean   min    max    tokens before→after  violations  non-idempotent  ms/prompt p50/p95`);
  for (const [category, levels] of Object.entries(report.categories)) {
    for (const level of LEVELS) {
      const f = levels[level];
      log(`${category.padEnd(width)} ${level.padEnd(10)} ${String(f.prompts).padStart(2)}  ${pct(f.medianReduction).padStart(6)} ${pct(f.meanReduction).padStart(6)} ${pct(f.minReduction).padStart(6)} ${pct(f.maxReduction).padStart(6)}` +
        `   ${String(f.tokensBefore).padStart(6)}→${String(f.tokensAfter).padEnd(6)}       ${String(f.violations).padStart(3)}          ${String(f.notIdempotent).padStart(3)}          ${f.msPerPrompt.p50.toFixed(2)}/${f.msPerPrompt.p95.toFixed(2)}`);
    }
  }
  for (const [category, levels] of Object.entries(report.categories)) {
    const byPass = Object.entries(levels.safe.savedByPass).map(([id, n]) => `${id} ${n}`).join(', ');
    log(`tokens saved by pass (${category}, safe): ${byPass}`);
  }
  log(`in file (Python """ constant and TS template, verified by re-analysis): ${report.inFile.compressed}/${report.inFile.attempts} compressed, ` +
    `${report.inFile.refused.length} refused, ms/prompt p50 ${report.inFile.msPerPrompt.p50.toFixed(1)} p95 ${report.inFile.msPerPrompt.p95.toFixed(1)}`);
  for (const r of report.inFile.refused) log(`  refused ${r.file} (${r.host}): ${r.reason}`);
  for (const [category, m] of Object.entries(report.inFile.writtenMedian)) {
    log(`in file, literal as written (safe), median reduction ${category}: Python ${pct(m.python)}, TypeScript ${pct(m.typescript)}`);
  }
  log(`invariant violations: ${report.violationsTotal} (target 0)`);
  engine.tokens.dispose?.();
  return report;
}

if (require.main === module) {
  runCompressBench().then((r) => { process.exitCode = r.violationsTotal ? 1 : 0; }, (e) => { console.error(e); process.exitCode = 1; });
}
