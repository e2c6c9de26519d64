// `prompt-cost scan`: config → file discovery → read → engine → budgets → report → exit code.
// Exit 0 clean; 1 when a finding is at error severity, an over-budget finding exists, or a cross-file budget is
// exceeded; 2 for bad usage or configuration (thrown as UsageError / ConfigError and reported by the caller).

import * as fs from 'fs';
import * as path from 'path';
import type { ResolvedConfig } from '../core/config/types';
import type { Engine } from '../core/engine';
import { FORMATTERS } from '../core/formatters';
import { LineIndex } from '../core/formatters/lineIndex';
import { summarize } from '../core/formatters/summary';
import type { ScanResult, ScannedFile } from '../core/formatters/types';
import { allRules } from '../core/rules';
import type { RuleMeta } from '../core/rules/types';
import type { FileResult, Notice } from '../core/types';
import { UsageError, type ScanOptions } from './args';
import { checkBudgets } from './budgets';
import { loadConfig } from './config';
import { discoverFiles, toPosix, type FoundFile } from './discover';
import type { CliIo } from './io';
import { errorMessage, readSource } from './readSource';
import { DOCS_BASE_URI, TOOL } from './toolInfo';

export const OVER_BUDGET_RULE = 'over-budget';

export async function runScan(opts: ScanOptions, io: CliIo): Promise<number> {
  const loaded = loadConfig(opts, io.cwd, opts.paths);
  const { config } = loaded;
  const discovery = discoverFiles(opts.paths, {
    cwd: io.cwd, config, ignoreSource: loaded.source,
  });
  const notices: Notice[] = discovery.empty.map((arg) => ({
    level: 'warning', message: `No Python, TypeScript or JavaScript files found in ${arg}`,
  }));

  const files = await analyzeAll(discovery.files, config);
  const scan: ScanResult = {
    tool: TOOL,
    files,
    summary: summarize(files.map((f) => f.result)),
    budgets: checkBudgets(
      files.map((f, i) => ({ absPath: discovery.files[i].absPath, result: f.result })),
      config, loaded.source, opts.maxMonthlyCost,
    ),
    notices,
  };

  const rules: RuleMeta[] = allRules.map((r) => r.meta);
  const report = FORMATTERS[opts.format](opts.quiet ? errorsOnly(scan) : scan, {
    rules,
    color: opts.color ?? autoColor(io, !!opts.outputFile),
    docsBaseUri: DOCS_BASE_URI,
    srcRoot: io.cwd,
    quiet: opts.quiet,
  });
  if (opts.outputFile) {
    const out = path.resolve(io.cwd, opts.outputFile);
    try {
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, report);
    } catch (e) {
      throw new UsageError(`Cannot write --output-file ${opts.outputFile}: ${errorMessage(e)}`);
    }
  } else {
    io.stdout(report);
  }
  return exitCode(scan);
}

export function exitCode(scan: ScanResult): 0 | 1 {
  if (scan.budgets.length > 0) return 1;
  const failing = scan.files.some((f) => f.result.findings.some((x) => x.severity === 'error' || x.ruleId === OVER_BUDGET_RULE));
  return failing ? 1 : 0;
}

async function analyzeAll(found: readonly FoundFile[], config: ResolvedConfig): Promise<ScannedFile[]> {
  if (found.length === 0) return [];
  // The engine (WASM parsers, tokenizer, prices) loads only when there is a file; bad usage and config fail fast.
  const { Engine, languageFor } = await import('../core/engine');
  let engine: Engine | undefined;
  const out: ScannedFile[] = [];
  for (const f of found) {
    const language = languageFor(f.absPath);
    if (f.skipReason) {
      out.push(skipped(f.displayPath, language, f.skipReason));
      continue;
    }
    const read = readSource(f.absPath, config.maxFileBytes);
    if ('skipped' in read) {
      out.push(skipped(f.displayPath, language, read.skipped));
      continue;
    }
    engine ??= await Engine.create();
    let result: FileResult;
    try {
      // The engine gets the absolute path: config globs are relative to the config folder, not to the cwd.
      result = engine.analyze({ path: toPosix(f.absPath), text: read.text }, config);
    } catch (e) {
      // A bug in one file's analysis must not lose the whole report.
      out.push(skipped(f.displayPath, language, `internal error while analysing: ${errorMessage(e)}`));
      continue;
    }
    out.push({ result: { ...result, path: f.displayPath }, lines: new LineIndex(read.text) });
  }
  return out;
}

function skipped(path: string, language: FileResult['language'], reason: string): ScannedFile {
  return {
    result: {
      path, language, calls: [], prompts: [], promptTokens: [], costs: [], findings: [], skipped: reason,
      notices: [], hasSyntaxErrors: false, monthlyCost: 0, unpricedCalls: 0, timings: { parseMs: 0, analyzeMs: 0 },
    },
    lines: new LineIndex(''),
  };
}

/** --quiet: only error findings reach the report and its counts (the exit code is computed on everything). */
function errorsOnly(scan: ScanResult): ScanResult {
  const files = scan.files.map((f) => ({
    ...f, result: { ...f.result, findings: f.result.findings.filter((x) => x.severity === 'error') },
  }));
  return { ...scan, files, summary: summarize(files.map((f) => f.result)) };
}

function autoColor(io: CliIo, toFile: boolean): boolean {
  if (toFile) return false;
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== '0';
  return io.stdoutIsTTY && io.env.NO_COLOR === undefined && io.env.TERM !== 'dumb';
}
