// Finds the files a scan reads: walks directories for Python / TypeScript / JavaScript sources, skipping
// dependency, build and VCS folders and the config's `ignore` globs. Files named on the command line are always
// listed (an unsupported or ignored one is reported as skipped rather than silently dropped).

import * as fs from 'fs';
import * as path from 'path';
import { isIgnored as configIgnores } from '../core/config/paths';
import type { ResolvedConfig } from '../core/config/types';
import { UsageError } from './args';

export const SOURCE_EXTENSIONS: ReadonlySet<string> = new Set([
  '.py', '.pyi', '.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs',
]);

/** Folders never entered: dependencies, virtual environments, build output, VCS and tool caches. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set([
  'node_modules', '.git', '.hg', '.svn', 'venv', '.venv', 'dist', 'build', 'out', '__pycache__',
  '.tox', '.mypy_cache', '.pytest_cache',
]);

export interface FoundFile {
  /** Absolute path with the platform's separators (for fs). */
  absPath: string;
  /** The path as scanned: the argument joined with the path below it, '/'-separated. */
  displayPath: string;
  /** Set when the file is listed only to be reported as skipped. */
  skipReason?: string;
}

export interface DiscoverOptions {
  cwd: string;
  /** Its `ignore` globs (relative to its `root`) are applied as the extension applies them. */
  config: ResolvedConfig;
  /** Named in skip reasons, e.g. `.promptcost.json`. */
  ignoreSource: string;
}

export interface Discovery {
  files: FoundFile[];
  /** Arguments that led to no source file at all. */
  empty: string[];
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

export function discoverFiles(args: readonly string[], opts: DiscoverOptions): Discovery {
  const isIgnored = (abs: string) => configIgnores(opts.config, toPosix(abs));
  const seen = new Set<string>();
  const files: FoundFile[] = [];
  const empty: string[] = [];
  const add = (f: FoundFile) => {
    if (seen.has(f.absPath)) return;
    seen.add(f.absPath);
    files.push(f);
  };
  for (const arg of args.length > 0 ? args : ['.']) {
    const abs = path.resolve(opts.cwd, arg);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      throw new UsageError(`No such file or directory: ${arg}`);
    }
    const before = files.length;
    if (stat.isDirectory()) {
      walk(abs, arg, isIgnored, add);
    } else {
      const display = toPosix(path.normalize(arg));
      const skipReason = !SOURCE_EXTENSIONS.has(path.extname(abs).toLowerCase())
        ? 'not a Python, TypeScript or JavaScript file'
        : isIgnored(abs) ? `matches an "ignore" glob in ${opts.ignoreSource}` : undefined;
      add({ absPath: abs, displayPath: display, ...(skipReason ? { skipReason } : {}) });
    }
    if (files.length === before && !seen.has(abs)) empty.push(arg);
  }
  return { files, empty };
}

function walk(dirAbs: string, dirDisplay: string, isIgnored: (abs: string) => boolean, add: (f: FoundFile) => void): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dirAbs, { withFileTypes: true });
  } catch {
    return; // Unreadable folder: nothing to scan there.
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const abs = path.join(dirAbs, e.name);
    const display = toPosix(path.join(dirDisplay, e.name));
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      // Linked files are read; linked folders are not entered (they can loop).
      try {
        isFile = fs.statSync(abs).isFile();
      } catch {
        isFile = false;
      }
      isDir = false;
    }
    if (isDir) {
      if (!SKIPPED_DIRS.has(e.name) && !isIgnored(abs)) walk(abs, display, isIgnored, add);
    } else if (isFile && SOURCE_EXTENSIONS.has(path.extname(e.name).toLowerCase()) && !isIgnored(abs)) {
      add({ absPath: abs, displayPath: display });
    }
  }
}
