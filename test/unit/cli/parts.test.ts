// The CLI's pieces in-process: argument parsing, file discovery and cross-file budgets.

import * as assert from 'assert';
import * as path from 'path';
import { parseScanArgs, UsageError } from '../../../src/cli/args';
import { checkBudgets } from '../../../src/cli/budgets';
import { discoverFiles } from '../../../src/cli/discover';
import { resolveConfig } from '../../../src/core/config/load';
import type { FileResult } from '../../../src/core/types';
import { makeTree } from './run';

describe('cli/args', () => {
  it('parses flags in both spellings, short forms and paths after --', () => {
    assert.deepStrictEqual(
      parseScanArgs(['src', '-f', 'sarif', '--config=c.json', '--calls-per-month', '1_000', '--max-monthly-cost', '$12.5',
        '-o', 'r.sarif', '-q', '--no-color', '--', '--weird-name.py']),
      { paths: ['src', '--weird-name.py'], format: 'sarif', config: 'c.json', callsPerMonth: 1000, maxMonthlyCost: 12.5,
        outputFile: 'r.sarif', quiet: true, color: false },
    );
    assert.deepStrictEqual(parseScanArgs([]), { paths: [], format: 'stylish', quiet: false });
  });

  it('rejects what it cannot use with a message naming the option', () => {
    const cases: [string[], RegExp][] = [
      [['--calls-per-month', '2.5'], /--calls-per-month needs a whole number/],
      [['--quiet=yes'], /"--quiet" takes no value/],
      [['-x'], /Unknown option "-x"/],
      [['--output-file='], /"--output-file" needs a value/],
    ];
    for (const [argv, message] of cases) assert.throws(() => parseScanArgs(argv), (e: unknown) => e instanceof UsageError && message.test(e.message));
  });
});

describe('cli/discover', () => {
  const tree = () => makeTree({
    '.promptcost.json': '{}',
    'a.py': '', 'b.pyi': '', 'c.ts': '', 'd.tsx': '', 'e.mts': '', 'f.cts': '', 'g.js': '', 'h.jsx': '', 'i.mjs': '', 'j.cjs': '',
    'notes.md': '', 'Makefile': '',
    'node_modules/x/index.js': '', '.git/hooks/pre-commit.py': '', 'venv/lib/x.py': '', '.venv/lib/x.py': '',
    'dist/a.js': '', 'build/a.js': '', 'out/a.js': '', 'pkg/__pycache__/m.py': '',
    'pkg/mod.py': '', 'pkg/gen/big.py': '', 'pkg/sub/generated_client.py': '',
  });

  it('walks in a stable order, keeps source extensions, skips dependency and build folders', () => {
    const t = tree();
    try {
      const config = resolveConfig([], t.dir);
      const { files, empty } = discoverFiles(['.'], { cwd: t.dir, config, ignoreSource: '.promptcost.json' });
      assert.deepStrictEqual(files.map((f) => f.displayPath), [
        'a.py', 'b.pyi', 'c.ts', 'd.tsx', 'e.mts', 'f.cts', 'g.js', 'h.jsx', 'i.mjs', 'j.cjs',
        'pkg/gen/big.py', 'pkg/mod.py', 'pkg/sub/generated_client.py',
      ]);
      assert.deepStrictEqual(empty, []);
      assert.strictEqual(files[0].absPath, path.join(t.dir, 'a.py'));
    } finally {
      t.remove();
    }
  });

  it('applies ignore globs relative to the config folder, also to folders and bare file-name globs', () => {
    const t = tree();
    try {
      const config = resolveConfig([{ values: { ignore: ['pkg/gen/**', 'generated_*.py'] }, origin: '.promptcost.json' }], t.dir);
      const { files } = discoverFiles(['pkg'], { cwd: t.dir, config, ignoreSource: '.promptcost.json' });
      assert.deepStrictEqual(files.map((f) => f.displayPath), ['pkg/mod.py']);
      const explicit = discoverFiles(['pkg/gen/big.py', 'notes.md', './a.py', 'a.py'], { cwd: t.dir, config, ignoreSource: '.promptcost.json' });
      assert.deepStrictEqual(explicit.files.map((f) => [f.displayPath, f.skipReason]), [
        ['pkg/gen/big.py', 'matches an "ignore" glob in .promptcost.json'],
        ['notes.md', 'not a Python, TypeScript or JavaScript file'],
        ['a.py', undefined],
      ]);
    } finally {
      t.remove();
    }
  });

  it('reports an argument that holds no source file, and fails on one that does not exist', () => {
    const t = makeTree({ 'docs/readme.md': '', 'src/a.py': '' });
    try {
      const config = resolveConfig([], '');
      const { files, empty } = discoverFiles(['docs', 'src'], { cwd: t.dir, config, ignoreSource: '' });
      assert.deepStrictEqual(files.map((f) => f.displayPath), ['src/a.py']);
      assert.deepStrictEqual(empty, ['docs']);
      assert.throws(() => discoverFiles(['nope'], { cwd: t.dir, config, ignoreSource: '' }), /No such file or directory: nope/);
    } finally {
      t.remove();
    }
  });
});

describe('cli/budgets', () => {
  const file = (rel: string, monthlyCost: number): { absPath: string; result: FileResult } => ({
    absPath: path.join('/proj', rel),
    result: {
      path: rel, language: 'python', calls: [], prompts: [], promptTokens: [], costs: [], findings: [], notices: [],
      hasSyntaxErrors: false, monthlyCost, unpricedCalls: 0, timings: { parseMs: 0, analyzeMs: 0 },
    },
  });
  const files = [file('jobs/a.py', 3), file('jobs/deep/b.py', 4), file('api/c.py', 10)];

  it('checks the total against the flag and budgets.monthly, each reported with its source', () => {
    const config = resolveConfig([{ values: { budgets: { monthly: 20 } }, origin: '.promptcost.json' }], '/proj');
    assert.deepStrictEqual(checkBudgets(files, config, '.promptcost.json', undefined), []);
    const over = checkBudgets(files, config, '.promptcost.json', 16.5);
    assert.deepStrictEqual(over.map((b) => [b.scope, b.source, b.limit, b.actual]), [['total', '--max-monthly-cost', 16.5, 17]]);
    const both = checkBudgets([...files, file('x.py', 5)], config, '.promptcost.json', 16.5);
    assert.deepStrictEqual(both.map((b) => b.source), ['--max-monthly-cost', '.promptcost.json budgets.monthly']);
    assert.match(both[1].message, /total ≈ \$22\.00\/month exceeds \$20\.00\/month/);
  });

  it('adds up every file a paths glob matches', () => {
    const config = resolveConfig([{ values: { paths: [{ glob: 'jobs/**', maxMonthlyCost: 6 }, { glob: 'api/**', maxMonthlyCost: 10 }] }, origin: '.promptcost.json' }], '/proj');
    const over = checkBudgets(files, config, '.promptcost.json', undefined);
    // jobs: 3 + 4 = 7 > 6 (each file alone is under); api: 10 is not over 10.
    assert.deepStrictEqual(over.map((b) => [b.scope, b.glob, b.actual]), [['path', 'jobs/**', 7]]);
    assert.strictEqual(over[0].source, '.promptcost.json paths["jobs/**"]');
  });
});
