// `prompt-cost compress [FILE:LINE | --stdin] [--level safe|aggressive] [--diff] [--write] [--disable PASSES]
// [--model NAME] [--config FILE]`: rewrites a prompt to fewer tokens, locally and deterministically.
// The result (the rewritten literal(s), the compressed text, or a diff) goes to stdout; the token counts per pass
// go to stderr, so `prompt-cost compress --stdin < p.txt > p.min.txt` keeps only the text.
// Exit: 0 compressed (or nothing to compress), 1 the edit was refused (reason on stderr), 2 bad usage.

import * as fs from 'fs';
import * as path from 'path';
import { compressText } from '../core/compress/pipeline';
import { compressPromptInFile, type CompressInFileResult } from '../core/compress/inFile';
import { unifiedDiff } from '../core/compress/diff';
import { PASSES } from '../core/compress/pipeline';
import type { CompressLevel, PassReport } from '../core/compress/types';
import { Engine } from '../core/engine';
import { TokenCounter } from '../core/tokens';
import type { FileResult, Prompt } from '../core/types';
import { ConfigError, loadConfig } from './config';

export interface CompressIo {
  stdout(s: string): void;
  stderr(s: string): void;
  readStdin(): Promise<string>;
  cwd?: string;
}

export const COMPRESS_HELP = `Usage: prompt-cost compress FILE:LINE [options]
       prompt-cost compress --stdin [options]

Rewrites a prompt to fewer tokens without changing what it asks (local, deterministic, no network).
FILE:LINE picks the prompt literal(s) on that line, or the prompts of the LLM call starting there.

Options:
  --stdin             Compress the text read from standard input
  --level LEVEL       safe (default) or aggressive
  --diff              Print a unified diff instead of the rewritten text
  --write             Apply the edit to FILE (FILE:LINE only)
  --disable PASSES    Comma-separated passes to skip: ${PASSES.map((p) => p.id).join(', ')}
  --model NAME        Model whose tokenizer counts tokens with --stdin (default gpt-4o)
  --config FILE       Project config (default: nearest .promptcost.json)
  -h, --help          Show this help

Exit codes: 0 compressed or nothing to compress, 1 the edit was refused, 2 bad usage.
`;

class CompressUsageError extends Error {}

interface CompressArgs {
  target?: { file: string; line: number };
  stdin: boolean;
  level: CompressLevel;
  diff: boolean;
  write: boolean;
  disabled: string[];
  model: string;
  config?: string;
  help: boolean;
}

function parseArgs(argv: readonly string[]): CompressArgs {
  const args: CompressArgs = { stdin: false, level: 'safe', diff: false, write: false, disabled: [], model: 'gpt-4o', help: false };
  const known = new Set<string>(PASSES.map((p) => p.id));
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i];
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    const value = (): string => {
      const v = eq > 0 ? raw.slice(eq + 1) : argv[++i];
      if (v === undefined || v === '') throw new CompressUsageError(`Option "${flag}" needs a value`);
      return v;
    };
    switch (flag) {
      case '-h': case '--help': args.help = true; break;
      case '--stdin': args.stdin = true; break;
      case '--diff': args.diff = true; break;
      case '--write': args.write = true; break;
      case '--level': {
        const v = value();
        if (v !== 'safe' && v !== 'aggressive') throw new CompressUsageError(`Unknown level "${v}": use safe or aggressive`);
        args.level = v;
        break;
      }
      case '--disable':
        for (const id of value().split(',').map((s) => s.trim()).filter(Boolean)) {
          if (!known.has(id)) throw new CompressUsageError(`Unknown pass "${id}": passes are ${[...known].join(', ')}`);
          args.disabled.push(id);
        }
        break;
      case '--model': args.model = value(); break;
      case '--config': args.config = value(); break;
      default: {
        if (flag.startsWith('-')) throw new CompressUsageError(`Unknown option "${flag}" (see prompt-cost compress --help)`);
        const m = /^(.+):(\d+)$/.exec(raw);
        if (!m || Number(m[2]) < 1) throw new CompressUsageError(`Expected FILE:LINE (e.g. app.py:12), got "${raw}"`);
        if (args.target) throw new CompressUsageError('Give one FILE:LINE');
        args.target = { file: m[1], line: Number(m[2]) };
      }
    }
  }
  if (!args.help && !args.stdin && !args.target) throw new CompressUsageError('Give FILE:LINE or --stdin (see prompt-cost compress --help)');
  if (args.stdin && args.target) throw new CompressUsageError('Give either FILE:LINE or --stdin, not both');
  if (args.write && !args.target) throw new CompressUsageError('--write needs FILE:LINE');
  return args;
}

const pct = (saved: number, before: number) => (before ? `${((100 * saved) / before).toFixed(1)}%` : '0%');

function passTable(passes: readonly PassReport[]): string {
  const rows = passes.map((p) => {
    const note = p.rejected.length ? `  discarded once: ${p.rejected.join('; ')}` : '';
    return `  ${p.id.padEnd(11)} ${String(p.saved).padStart(6)}${note}`;
  });
  return [`  ${'pass'.padEnd(11)} ${'saved'.padStart(6)}`, ...rows].join('\n') + '\n';
}

/** 1-based line → the prompts to compress: those with a literal on the line, else those of a call starting there. */
function promptsAtLine(result: FileResult, text: string, line: number): Prompt[] {
  const lineOf = (offset: number) => {
    let n = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) n++;
    return n;
  };
  const onLine = result.prompts.filter((p) => p.pieces.some((pc) => lineOf(pc.span.start) <= line && line <= lineOf(pc.span.end)));
  if (onLine.length) return onLine;
  const calls = result.calls.filter((c) => lineOf(c.span.start) === line);
  return result.prompts.filter((p) => p.callIds.some((id) => calls.some((c) => c.id === id)));
}

async function compressStdin(args: CompressArgs, io: CompressIo): Promise<number> {
  const text = await io.readStdin();
  const counter = await TokenCounter.create();
  try {
    const r = compressText(text, { countTokens: (t) => counter.count(t, args.model, 'openai').tokens, level: args.level, disabledPasses: args.disabled });
    io.stdout(args.diff ? unifiedDiff(text, r.text, 'stdin') : r.text.endsWith('\n') || !r.text ? r.text : r.text + '\n');
    if (r.skipped) io.stderr(`prompt-cost: left unchanged: ${r.skipped}\n`);
    io.stderr(`${r.tokensBefore} → ${r.tokensAfter} tokens (−${r.saved}, −${pct(r.saved, r.tokensBefore)}) at ${r.level} level\n${passTable(r.passes)}`);
    return 0;
  } finally {
    counter.dispose();
  }
}

async function compressFile(args: CompressArgs, io: CompressIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const { file, line } = args.target!;
  const abs = path.resolve(cwd, file);
  let text: string;
  try {
    text = fs.readFileSync(abs, 'utf8');
  } catch {
    throw new CompressUsageError(`Cannot read ${file}`);
  }
  const { config } = loadConfig({ config: args.config }, cwd);
  const engine = await Engine.create();
  const input = { path: file, text };
  const analysis = engine.analyze(input, config);
  if (analysis.skipped) throw new CompressUsageError(`${file} is not analysed: ${analysis.skipped}`);
  const prompts = promptsAtLine(analysis, text, line);
  if (!prompts.length) throw new CompressUsageError(`No prompt literal or LLM call at ${file}:${line}`);

  let current = text;
  let refused = 0;
  const results: { prompt: Prompt; r: CompressInFileResult }[] = [];
  // One prompt at a time, each verified against the file as the previous ones left it.
  for (const prompt of prompts) {
    const now = current === text ? analysis : engine.analyze({ path: file, text: current }, config);
    const same = now.prompts.find((p) => p.pieces[0]?.span.start === prompt.pieces[0].span.start && p.role === prompt.role);
    if (!same) continue;
    const r = compressPromptInFile(engine, { path: file, text: current }, config, same.id, { level: args.level, disabledPasses: args.disabled, analysis: now });
    results.push({ prompt: same, r });
    if (r.ok) current = r.newText;
  }
  for (const { prompt, r } of results) {
    const label = `${file}:${line} ${prompt.role} prompt${prompt.name ? ` (${prompt.name})` : ''}`;
    if (!r.ok) {
      if (r.reason !== 'nothing to compress') refused++;
      io.stderr(`${label}: ${r.reason === 'nothing to compress' ? 'nothing to compress' : `not compressed: ${r.reason}`}\n`);
      continue;
    }
    if (!args.diff && !args.write) for (const c of r.plan.changes) io.stdout(`${c.after}\n`);
    const money = r.monthlySaving ? `, ≈ −$${r.monthlySaving.toFixed(2)}/month` : '';
    io.stderr(`${label}: ${r.tokensBefore} → ${r.tokensAfter} tokens (−${r.saved}, −${pct(r.saved, r.tokensBefore)}${money}) at ${args.level} level\n${passTable(r.passes)}`);
  }
  if (args.diff) io.stdout(unifiedDiff(text, current, file));
  if (args.write && current !== text) {
    fs.writeFileSync(abs, current);
    io.stderr(`wrote ${file}\n`);
  }
  return refused ? 1 : 0;
}

export async function runCompress(argv: string[], io: CompressIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.help) {
      io.stdout(COMPRESS_HELP);
      return 0;
    }
    return await (args.stdin ? compressStdin(args, io) : compressFile(args, io));
  } catch (e) {
    if (e instanceof CompressUsageError || e instanceof ConfigError) {
      io.stderr(`prompt-cost: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
