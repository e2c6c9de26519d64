// Runs the real `prompt-cost` CLI in a child process: the tsc output by default (out/src/cli/main.js), or the
// bundle when PROMPT_COST_CLI=dist/cli.js (after `node esbuild.js`).

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CLI_FIXTURES, REPO_ROOT } from '../formatters/golden';

export { CLI_FIXTURES, REPO_ROOT };

export const CLI = path.resolve(REPO_ROOT, process.env.PROMPT_COST_CLI ?? 'out/src/cli/main.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd: string, env: Record<string, string> = {}): CliRun {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...env };
  delete childEnv.FORCE_COLOR;
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: childEnv, timeout: 60_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A throw-away folder with these files (text or bytes); removed by the returned function. */
export function makeTree(files: Record<string, string | Buffer>): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prompt-cost-cli-'));
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function fixture(name: string): string {
  return path.join(CLI_FIXTURES, name);
}

/** 1-based line and column of the first occurrence of `needle` in a fixture file, counted by hand. */
export function lineColIn(file: string, needle: string): { line: number; column: number } {
  const text = fs.readFileSync(file, 'utf8');
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`${needle} not in ${file}`);
  const before = text.slice(0, at).split(/\r\n|\n|\r/);
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** Runs `fn` in a throw-away folder holding these files, and removes the folder afterwards. */
export function withTree(files: Record<string, string | Buffer>, fn: (dir: string) => void): void {
  const t = makeTree(files);
  try {
    fn(t.dir);
  } finally {
    t.remove();
  }
}
