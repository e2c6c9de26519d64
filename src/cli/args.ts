// Parses `prompt-cost scan` arguments into options, or says exactly what is wrong (exit code 2).

import { isFormatName } from '../core/formatters';
import type { FormatName } from '../core/formatters/types';

export interface ScanOptions {
  paths: string[];
  format: FormatName;
  config?: string;
  callsPerMonth?: number;
  maxMonthlyCost?: number;
  outputFile?: string;
  quiet: boolean;
  /** undefined: colour when writing to a terminal. */
  color?: boolean;
}

export class UsageError extends Error {}

type Flag = 'format' | 'config' | 'calls-per-month' | 'max-monthly-cost' | 'output-file' | 'quiet' | 'color' | 'no-color';

const ALIASES: Record<string, Flag> = {
  '--format': 'format', '-f': 'format',
  '--config': 'config', '-c': 'config',
  '--calls-per-month': 'calls-per-month',
  '--max-monthly-cost': 'max-monthly-cost',
  '--output-file': 'output-file', '-o': 'output-file',
  '--quiet': 'quiet', '-q': 'quiet',
  '--color': 'color',
  '--no-color': 'no-color',
};

const TAKES_VALUE = new Set<Flag>(['format', 'config', 'calls-per-month', 'max-monthly-cost', 'output-file']);

export function parseScanArgs(argv: readonly string[]): ScanOptions {
  const opts: ScanOptions = { paths: [], format: 'stylish', quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      opts.paths.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      opts.paths.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const flag = ALIASES[name];
    if (!flag) throw new UsageError(`Unknown option "${name}". Run "prompt-cost --help" for the list of options.`);
    let value: string | undefined;
    if (TAKES_VALUE.has(flag)) {
      if (eq > 0) value = arg.slice(eq + 1);
      else if (i + 1 < argv.length) value = argv[++i];
      if (value === undefined || value === '') throw new UsageError(`Option "${name}" needs a value.`);
    } else if (eq > 0) {
      throw new UsageError(`Option "${name}" takes no value.`);
    }
    apply(opts, flag, name, value);
  }
  return opts;
}

function apply(opts: ScanOptions, flag: Flag, name: string, value: string | undefined): void {
  switch (flag) {
    case 'format':
      if (!isFormatName(value!)) {
        throw new UsageError(`Unknown format "${value}" for ${name}. Use one of: stylish, json, sarif, markdown.`);
      }
      opts.format = value;
      return;
    case 'config': opts.config = value; return;
    case 'output-file': opts.outputFile = value; return;
    case 'calls-per-month': opts.callsPerMonth = number(name, value!, { integer: true }); return;
    case 'max-monthly-cost': opts.maxMonthlyCost = number(name, value!.replace(/^\$/, ''), { integer: false }); return;
    case 'quiet': opts.quiet = true; return;
    case 'color': opts.color = true; return;
    case 'no-color': opts.color = false; return;
  }
}

function number(name: string, raw: string, { integer }: { integer: boolean }): number {
  const n = /^\d+(\.\d+)?$/.test(raw.replace(/_/g, '')) ? Number(raw.replace(/_/g, '')) : NaN;
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) {
    throw new UsageError(`${name} needs a ${integer ? 'whole number' : 'number'} of 0 or more, got "${raw}".`);
  }
  return n;
}
