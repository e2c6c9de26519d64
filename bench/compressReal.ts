// Compression measured on real prompts from open-source applications, against a human reference edit.
// The corpus is third-party text, so it is not in this repository: point the bench at a folder of JSON files,
// one prompt each: { "id", "repo", "path", "language", "text", "label": "verbose" | "well-written", "reference" }
// where `reference` is the prompt as a careful editor shortened it without changing what it asks (the ceiling a
// meaning-preserving rewrite can reach). Run: `PROMPT_COST_REAL_PROMPTS=DIR npm run bench compress`, or
// `npm run compile-tests && node out/bench/compressReal.js DIR`.

import * as fs from 'fs';
import * as path from 'path';
import { checkInvariants, compressText } from '../src/core/compress';
import { compressPromptInFile } from '../src/core/compress/inFile';
import { resolveConfig } from '../src/core/config/load';
import { Engine } from '../src/core/engine';
import { hostFile, median } from './compress';

interface RealPrompt { id: string; repo?: string; language?: string; text: string; label: string; reference?: string }

export interface LabelFigures {
  prompts: number;
  /** Median token reduction of the prompt text at `safe`. */
  median: number;
  mean: number;
  /** Median reduction of the human reference edit: the meaning-preserving ceiling. */
  referenceMedian: number;
  /** Median reduction of the literal in a host file, compressed and verified by re-analysis. */
  inFileMedian: number;
  violations: number;
  notIdempotent: number;
  refusedInFile: number;
}

function readCorpus(dir: string): RealPrompt[] {
  const out: RealPrompt[] = [];
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    try {
      const p = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as RealPrompt;
      if (typeof p.text === 'string' && typeof p.label === 'string') out.push(p);
    } catch { /* not a prompt file */ }
  }
  return out;
}

/** A TypeScript file sending `text` as a template literal whose `${…}` placeholders are real interpolations. */
function templateHost(text: string): string {
  const body = text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$(?!\{)/g, '\\$');
  return `import OpenAI from 'openai';\nconst client = new OpenAI();\nconst system = \`${body}\`;\n` +
    `await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: system }] });\n`;
}

export async function runRealPromptBench(dir = process.env.PROMPT_COST_REAL_PROMPTS ?? '', log: (s: string) => void = console.log): Promise<Record<string, LabelFigures> | undefined> {
  if (!dir || !fs.existsSync(dir)) return undefined;
  const engine = await Engine.create();
  const config = resolveConfig([], '');
  const count = (t: string) => engine.tokens.count(t, 'gpt-4o', 'openai').tokens;
  const prompts = readCorpus(dir);
  const figures: Record<string, LabelFigures> = {};
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  for (const label of [...new Set(prompts.map((p) => p.label))].sort()) {
    const set = prompts.filter((p) => p.label === label);
    const ours: number[] = [];
    const refs: number[] = [];
    const inFile: number[] = [];
    let violations = 0, notIdempotent = 0, refusedInFile = 0;
    for (const p of set) {
      const r = compressText(p.text, { countTokens: count });
      ours.push(r.saved / r.tokensBefore);
      refs.push((r.tokensBefore - count(p.reference ?? p.text)) / r.tokensBefore);
      const v = checkInvariants(p.text, r.text, r.removed);
      violations += v.length;
      for (const x of v) log(`  VIOLATION ${p.id}: ${x.change} ${x.invariant} ${JSON.stringify(x.item)}`);
      if (compressText(r.text, { countTokens: count }).text !== r.text) { notIdempotent++; log(`  NOT IDEMPOTENT ${p.id}`); }
      // The literal as the application holds it: a Python """ constant or a TypeScript template.
      const host = p.language === 'python' ? 'python' : 'typescript';
      const file = { path: host === 'python' ? 'real.py' : 'real.ts', text: host === 'python' ? hostFile(host, p.text) ?? '' : templateHost(p.text) };
      const prompt = file.text ? engine.analyze(file, config).prompts.find((x) => x.role === 'system') : undefined;
      if (!prompt) { refusedInFile++; log(`  not written as a literal: ${p.id}`); continue; }
      const edit = compressPromptInFile(engine, file, config, prompt.id);
      if (!edit.ok && edit.reason !== 'nothing to compress') { refusedInFile++; log(`  refused in file ${p.id}: ${edit.reason}`); }
      inFile.push(edit.ok ? edit.saved / edit.tokensBefore : 0);
    }
    figures[label] = {
      prompts: set.length, median: median(ours), mean: ours.reduce((a, b) => a + b, 0) / Math.max(1, ours.length),
      referenceMedian: median(refs), inFileMedian: median(inFile), violations, notIdempotent, refusedInFile,
    };
  }
  log(`\n## Prompt compression on real prompts (${dir}, safe level, o200k tokens)`);
  log('label         n  median  mean   in file  human reference  violations  non-idempotent  refused in file');
  for (const [label, f] of Object.entries(figures)) {
    log(`${label.padEnd(12)} ${String(f.prompts).padStart(3)}  ${pct(f.median).padStart(6)} ${pct(f.mean).padStart(6)}  ${pct(f.inFileMedian).padStart(6)}   ${pct(f.referenceMedian).padStart(6)}` +
      `           ${String(f.violations).padStart(3)}          ${String(f.notIdempotent).padStart(3)}             ${String(f.refusedInFile).padStart(3)}`);
  }
  engine.tokens.dispose?.();
  return figures;
}

if (require.main === module) {
  runRealPromptBench(process.argv[2]).then((r) => {
    if (!r) { console.error('usage: node out/bench/compressReal.js DIR (a folder of prompt JSON files; see the header of bench/compressReal.ts)'); process.exitCode = 2; }
    else process.exitCode = Object.values(r).some((f) => f.violations || f.notIdempotent) ? 1 : 0;
  }, (e) => { console.error(e); process.exitCode = 1; });
}
