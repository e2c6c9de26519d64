// Compares output with a file under test/fixtures/cli/golden/; `UPDATE_GOLDEN=1` rewrites the files instead.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

/** The repository root, from the compiled test (out/test/unit/<area>/) or the source (test/unit/<area>/). */
export const REPO_ROOT = findRoot(__dirname);
export const CLI_FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'cli');
const GOLDEN_DIR = path.join(CLI_FIXTURES, 'golden');

function findRoot(from: string): string {
  let dir = from;
  // esbuild.js, not package.json: tsc may emit a copy of package.json into out/.
  while (!fs.existsSync(path.join(dir, 'esbuild.js'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no esbuild.js above ${from}`);
    dir = up;
  }
  return dir;
}

export function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(GOLDEN_DIR, { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  assert.ok(fs.existsSync(file), `golden file ${name} is missing; run with UPDATE_GOLDEN=1 to create it`);
  assert.strictEqual(actual, fs.readFileSync(file, 'utf8'), `output differs from golden ${name} (UPDATE_GOLDEN=1 regenerates)`);
}
