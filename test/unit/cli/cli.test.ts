import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { version } from '../../../package.json';
import { sarifValidator } from '../formatters/sarifSchema';
import { fixture, lineColIn, runCli, withTree } from './run';

type Report = {
  files: {
    path: string; skipped: string | null;
    calls: { line: number; column: number; api: string; model: string | null; outputCap: { param: string; value: number | null } | null; callsPerMonth: number | null; monthlyCost: number | null }[];
    findings: { ruleId: string; severity: string; line: number }[];
  }[];
  summary: { calls: number; monthlyCost: number; files: number; skipped: number };
  budgets: { scope: string; source: string }[];
};

function parse(stdout: string): Report {
  return JSON.parse(stdout) as Report;
}

function expectedExit(report: Report): number {
  const failing = report.budgets.length > 0 ||
    report.files.some((f) => f.findings.some((x) => x.severity === 'error' || x.ruleId === 'over-budget'));
  return failing ? 1 : 0;
}

describe('cli: usage (exit 2) and information', function () {
  this.timeout(60_000);
  const cwd = fixture('clean');

  it('--help and --version', () => {
    const help = runCli(['--help'], cwd);
    assert.strictEqual(help.code, 0);
    assert.match(help.stdout, /Usage: prompt-cost <command>/);
    assert.match(help.stdout, /--max-monthly-cost/);
    const v = runCli(['--version'], cwd);
    assert.strictEqual(v.code, 0);
    assert.strictEqual(v.stdout.trim(), version);
  });

  const usageCases: [string[], RegExp][] = [
    [['scan', '--bogus'], /Unknown option "--bogus"/],
    [['scan', '--format', 'xml'], /Unknown format "xml".*stylish, json, sarif, markdown/],
    [['scan', '--format'], /Option "--format" needs a value/],
    [['scan', '--calls-per-month', 'lots'], /--calls-per-month needs a whole number.*"lots"/],
    [['scan', '--max-monthly-cost=-5'], /--max-monthly-cost needs a number.*"-5"/],
    [['scan', 'no/such/dir'], /No such file or directory: no\/such\/dir/],
    [['frobnicate'], /Unknown command "frobnicate"/],
    [['scan', '--config', 'missing.json'], /Cannot read config file missing\.json: no such file/],
  ];
  for (const [args, message] of usageCases) {
    it(`exit 2: prompt-cost ${args.join(' ')}`, () => {
      const r = runCli(args, cwd);
      assert.strictEqual(r.code, 2, r.stderr);
      assert.match(r.stderr, message);
      assert.strictEqual(r.stdout, '');
    });
  }

  it('exit 2 for a malformed .promptcost.json found upward from the current folder, naming the file and the problem', () => {
    const r = runCli(['scan', '.'], fixture('bad-config'));
    assert.strictEqual(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /Invalid configuration/);
    assert.match(r.stderr, /^  \.promptcost\.json:3:\d+: invalid JSON/m);
    assert.strictEqual(r.stdout, '');
  });

  it('exit 2 for a config value of the wrong type, given with --config', () => {
    withTree({ 'conf.json': '{ "callsPerMonth": "many" }', 'a.py': 'x = 1\n' }, (dir) => {
      const r = runCli(['scan', '--config', 'conf.json', '.'], dir);
      assert.strictEqual(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /Invalid configuration/);
      assert.match(r.stderr, /^  conf\.json:1:\d+: .*callsPerMonth/m);
    });
  });
});

describe('cli: scanning (real engine)', function () {
  this.timeout(60_000);

  it('walks the tree: sources only, no node_modules, no ignored globs; reports calls where their expression starts', () => {
    const dir = fixture('project');
    const r = runCli(['scan', '--format', 'json', '.'], dir);
    const report = parse(r.stdout);
    assert.deepStrictEqual(report.files.map((f) => f.path), ['app/chat.py', 'web/Reply.tsx', 'web/summarize.mjs']);
    assert.strictEqual(r.code, expectedExit(report), r.stderr);
    const chat = report.files[0];
    assert.strictEqual(chat.calls.length, 2);
    assert.deepStrictEqual({ line: chat.calls[0].line, column: chat.calls[0].column },
      lineColIn(path.join(dir, 'app/chat.py'), 'client.chat.completions.create('));
    assert.strictEqual(chat.calls[0].model, 'gpt-4o');
    assert.strictEqual(chat.calls[0].outputCap, null);
    assert.strictEqual(chat.calls[0].callsPerMonth, 30000);
    assert.ok(chat.findings.some((f) => f.ruleId === 'missing-output-cap' && f.line === chat.calls[0].line || f.ruleId === 'missing-output-cap'));
    assert.deepStrictEqual(chat.calls[1].outputCap, { param: 'max_completion_tokens', value: 300 });
    assert.strictEqual(chat.calls[1].callsPerMonth, 20000, 'the # prompt-cost: 20000/month annotation wins');
    assert.strictEqual(report.files[1].calls[0].model, 'claude-3-5-haiku-latest');
    assert.strictEqual(report.files[2].calls[0].api, 'chat.completions.create');
    assert.strictEqual(report.summary.calls, 4);
  });

  it('--calls-per-month overrides the config default but not annotations', () => {
    const r = runCli(['scan', '-f', 'json', '--calls-per-month', '10', 'app'], fixture('project'));
    const calls = parse(r.stdout).files[0].calls;
    assert.deepStrictEqual(calls.map((c) => c.callsPerMonth), [10, 20000]);
  });

  it('exit 0 on a clean tree, exit 1 when --max-monthly-cost is exceeded', () => {
    const cwd = fixture('clean');
    const ok = runCli(['scan', '--max-monthly-cost', '1000000'], cwd);
    assert.strictEqual(ok.code, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /✔ No problems/);
    const over = runCli(['scan', '--max-monthly-cost', '0.0001'], cwd);
    assert.strictEqual(over.code, 1, over.stdout + over.stderr);
    assert.match(over.stdout, /✖ Over budget: total ≈ \$[\d.,]+\/month exceeds \$0\.0001\/month \(--max-monthly-cost\)/);
  });

  it('exit 1 when a path budget from the config is exceeded', () => {
    const r = runCli(['scan', '--format', 'json'], fixture('budgets'));
    const report = parse(r.stdout);
    assert.strictEqual(r.code, 1, r.stderr);
    assert.deepStrictEqual(report.budgets.map((b) => [b.scope, b.source]), [['path', '.promptcost.json paths["jobs/**"]']]);
    const nightly = report.files.find((f) => f.path === 'jobs/nightly.py')!;
    assert.strictEqual(nightly.calls[0].callsPerMonth, 500000);
  });

  it('writes --output-file (creating folders), prints nothing, and the SARIF validates', () => {
    withTree({}, (dir) => {
      const out = path.join(dir, 'reports', 'nested', 'scan.sarif');
      const r = runCli(['scan', '--format', 'sarif', '--output-file', out, '.'], fixture('project'));
      assert.strictEqual(r.stdout, '');
      assert.ok(r.code === 0 || r.code === 1, r.stderr);
      const log = JSON.parse(fs.readFileSync(out, 'utf8'));
      assert.deepStrictEqual(sarifValidator()(log), []);
      const rules = log.runs[0].tool.driver.rules.map((x: { id: string }) => x.id);
      assert.ok(rules.includes('missing-output-cap'), rules.join());
      for (const res of log.runs[0].results) {
        assert.ok(res.locations[0].physicalLocation.region.startLine >= 1);
        assert.ok(res.locations[0].physicalLocation.region.startColumn >= 1);
      }
    });
  });

  it('exit 2 when --output-file cannot be written', () => {
    withTree({ 'blocker': 'a file where a folder is needed' }, (dir) => {
      const r = runCli(['scan', '--output-file', path.join(dir, 'blocker', 'x.txt'), '.'], fixture('clean'));
      assert.strictEqual(r.code, 2);
      assert.match(r.stderr, /Cannot write --output-file/);
    });
  });

  it('skips binary and oversized files with a notice and still analyses the rest', () => {
    const call = 'from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-4o-mini", max_completion_tokens=5, messages=[{"role": "user", "content": "hi"}])\n';
    withTree({
      '.promptcost.json': JSON.stringify({ maxFileBytes: 4096 }),
      'ok.py': call,
      'binary.py': Buffer.concat([Buffer.from(call), Buffer.from([0, 1, 2, 0])]),
      'huge.js': `// ${'x'.repeat(10_000)}\n`,
      'dist/bundle.js': call,
      'venv/lib/site.py': call,
      '__pycache__/c.py': call,
      'lib/types.ts': "import OpenAI from 'openai';\nnew OpenAI().embeddings.create({ model: 'text-embedding-3-small', input: 'x' });\n",
    }, (dir) => {
      const r = runCli(['scan', '--format', 'json'], dir);
      assert.ok(r.code === 0 || r.code === 1, r.stderr);
      const report = parse(r.stdout);
      const byPath = Object.fromEntries(report.files.map((f) => [f.path, f]));
      assert.deepStrictEqual(Object.keys(byPath).sort(), ['binary.py', 'huge.js', 'lib/types.ts', 'ok.py']);
      assert.match(byPath['binary.py'].skipped!, /binary/);
      assert.match(byPath['huge.js'].skipped!, /10,\d{3} bytes, over the 4,096-byte limit/);
      assert.strictEqual(byPath['ok.py'].calls.length, 1);
      assert.strictEqual(byPath['lib/types.ts'].calls.length, 1);
      assert.strictEqual(report.summary.skipped, 2);
      const stylish = runCli(['scan'], dir);
      assert.match(stylish.stdout, /binary\.py\n\s+skipped\s+binary file \(contains NUL bytes\)/);
    });
  });

  it('a file with a syntax error still yields its complete calls', () => {
    withTree({
      'half.py': [
        'from openai import OpenAI',
        'client = OpenAI()',
        'client.chat.completions.create(model="gpt-4o-mini", max_completion_tokens=5, messages=[{"role": "user", "content": "hi"}])',
        'def broken(:',
        '    return client.chat.completions.create(model="gpt-4o", messages=[',
      ].join('\n'),
    }, (dir) => {
      const r = runCli(['scan', '-f', 'json', 'half.py'], dir);
      assert.ok(r.code === 0 || r.code === 1, r.stderr);
      const file = parse(r.stdout).files[0];
      assert.ok(file.calls.some((c) => c.line === 3 && c.model === 'gpt-4o-mini'), JSON.stringify(file.calls));
    });
  });

  it('lists an explicitly named unsupported file as skipped', () => {
    const r = runCli(['scan', '-f', 'json', 'README.md', 'app/chat.py'], fixture('project'));
    const report = parse(r.stdout);
    assert.deepStrictEqual(report.files.map((f) => [f.path, f.skipped]), [
      ['README.md', 'not a Python, TypeScript or JavaScript file'], ['app/chat.py', null],
    ]);
  });

  it('markdown and stylish reports carry the totals', () => {
    const md = runCli(['scan', '--format', 'markdown'], fixture('clean'));
    assert.strictEqual(md.code, 0, md.stderr);
    assert.match(md.stdout, /^## Prompt cost: ≈ \$[\d.,]+\/month/);
    assert.match(md.stdout, /### Top calls by monthly cost/);
    const stylish = runCli(['scan', '--no-color'], fixture('clean'));
    assert.match(stylish.stdout, /2 LLM calls in 1 file ≈ \$[\d.,]+\/month/);
    assert.ok(!stylish.stdout.includes('\u001b['));
    const colored = runCli(['scan', '--color'], fixture('clean'));
    assert.ok(colored.stdout.includes('\u001b['));
  });
});

describe('cli: pathological inputs give a clear result in bounded time', function () {
  this.timeout(120_000);

  it('5 MB minified file, 1 MB single-line prompt, deeply nested code, binary bytes in a .py file', () => {
    const call = (prompt: string) =>
      `from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-4o-mini", max_completion_tokens=5, messages=[{"role": "user", "content": "${prompt}"}])\n`;
    const minified = `var a=${'[1,2,3],'.repeat(5 * 1024 * 1024 / 8)}0;`;
    const nested = `x = ${'['.repeat(3000)}${']'.repeat(3000)}\n${call('after the nesting')}`;
    withTree({
      '.promptcost.json': JSON.stringify({ maxFileBytes: 8 * 1024 * 1024 }),
      'big.min.js': minified,
      'huge_prompt.py': call('a'.repeat(1024 * 1024)),
      'nested.py': nested,
      'binary.py': Buffer.concat([Buffer.from(call('hi')), Buffer.from([0xff, 0x00, 0xfe])]),
    }, (dir) => {
      const started = Date.now();
      const r = runCli(['scan', '--format', 'json'], dir);
      const seconds = (Date.now() - started) / 1000;
      assert.ok(r.code === 0 || r.code === 1, r.stderr);
      assert.ok(seconds < 60, `took ${seconds}s`);
      const byPath = Object.fromEntries(parse(r.stdout).files.map((f) => [f.path, f]));
      assert.match(byPath['big.min.js'].skipped ?? '', /minified/);
      assert.match(byPath['binary.py'].skipped ?? '', /binary/);
      // The engine may analyse it (one call) or decline it as minified; either way with a result, not a hang.
      const huge = byPath['huge_prompt.py'];
      assert.ok(huge.skipped ? huge.skipped.length > 0 : huge.calls.length === 1, JSON.stringify(huge).slice(0, 300));
      assert.strictEqual(byPath['nested.py'].skipped, null);
      assert.ok(byPath['nested.py'].calls.length <= 1);
    });
  });

  it('a 5 MB file over the default size limit is skipped before it is read', () => {
    withTree({ 'big.js': `// ${'x'.repeat(5 * 1024 * 1024)}\n` }, (dir) => {
      const r = runCli(['scan'], dir);
      assert.strictEqual(r.code, 0, r.stderr);
      assert.match(r.stdout, /big\.js\n\s+skipped\s+file is 5,242,8\d\d bytes, over the 1,048,576-byte limit \(maxFileBytes\)/);
    });
  });
});

describe('cli: --quiet', function () {
  this.timeout(60_000);

  it('drops warnings from the report and its counts but not from the exit code', () => {
    const cwd = fixture('project');
    const full = runCli(['scan', '-f', 'json'], cwd);
    const quiet = runCli(['scan', '-f', 'json', '--quiet'], cwd);
    assert.strictEqual(quiet.code, full.code);
    const all = parse(full.stdout).files.flatMap((f) => f.findings);
    const kept = parse(quiet.stdout).files.flatMap((f) => f.findings);
    assert.ok(all.some((f) => f.severity === 'warning'), 'the fixture has a warning');
    assert.deepStrictEqual(kept, all.filter((f) => f.severity === 'error'));
    const stylish = runCli(['scan', '--quiet'], cwd);
    assert.ok(!/\bwarning\b/.test(stylish.stdout), stylish.stdout);
  });
});
