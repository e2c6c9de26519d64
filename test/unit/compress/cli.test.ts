import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCompress } from '../../../src/cli/compressCommand';
import { unifiedDiff } from '../../../src/core/compress/diff';

const APP = `from openai import OpenAI
client = OpenAI()
SYSTEM = """
    You are a very helpful travel assistant. I would like you to suggest trips
    in order to help the user plan. Please answer in at most 5 sentences.
    """
client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": SYSTEM}])
`;

async function cli(argv: string[], stdin = '', cwd?: string) {
  let out = '';
  let err = '';
  const code = await runCompress(argv, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; }, readStdin: async () => stdin, cwd });
  return { code, out, err };
}

describe('prompt-cost compress (CLI)', function () {
  this.timeout(60000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-compress-'));
    fs.writeFileSync(path.join(dir, 'app.py'), APP);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--stdin prints the compressed text on stdout and the counts per pass on stderr', async () => {
    const r = await cli(['--stdin'], '    Please note that you must answer in French.\n    It is important that you cite {source}.\n');
    assert.equal(r.code, 0);
    assert.equal(r.out, 'You must answer in French.\nCite {source}.\n');
    assert.match(r.err, /^\d+ → \d+ tokens \(−\d+, −[\d.]+%\) at safe level\n/);
    assert.match(r.err, /filler\s+\d+/);
    assert.match(r.err, /whitespace\s+\d+/);
  });

  it('FILE:LINE prints the rewritten literal; --diff a unified diff; --write applies it', async () => {
    const shown = await cli(['app.py:4'], '', dir);
    assert.equal(shown.code, 0, shown.err);
    assert.equal(shown.out, '"""You are a helpful travel assistant. Suggest trips to help the user plan. Answer in at most 5 sentences."""\n');
    assert.match(shown.err, /app\.py:4 system prompt \(SYSTEM\): \d+ → \d+ tokens/);
    const diff = await cli(['app.py:7', '--diff'], '', dir);
    assert.equal(diff.code, 0, diff.err);
    assert.match(diff.out, /^--- a\/app\.py\n\+\+\+ b\/app\.py\n@@ -1,7 \+1,4 @@\n/);
    assert.match(diff.out, /\n-    You are a very helpful travel assistant/);
    const write = await cli(['app.py:3', '--write'], '', dir);
    assert.equal(write.code, 0, write.err);
    const written = fs.readFileSync(path.join(dir, 'app.py'), 'utf8');
    assert.ok(written.includes('SYSTEM = """You are a helpful travel assistant.'));
    const again = await cli(['app.py:3'], '', dir);
    assert.equal(again.code, 0);
    assert.match(again.err, /nothing to compress/);
    fs.writeFileSync(path.join(dir, 'app.py'), APP);
  });

  it('--level aggressive and --disable change what runs', async () => {
    const text = 'Could you list **three** risks? Please be brief.';
    const safe = await cli(['--stdin'], text);
    const aggressive = await cli(['--stdin', '--level', 'aggressive'], text);
    assert.notEqual(safe.out, aggressive.out);
    const disabled = await cli(['--stdin', '--disable', 'filler,markdown'], text);
    assert.equal(disabled.out, `${text}\n`);
    assert.doesNotMatch(disabled.err, /filler|markdown/);
  });

  it('exits 2 on bad usage, with one message', async () => {
    for (const [argv, msg] of [
      [[], /Give FILE:LINE or --stdin/],
      [['--level', 'max', '--stdin'], /Unknown level "max"/],
      [['--disable', 'nope', '--stdin'], /Unknown pass "nope"/],
      [['app.py'], /Expected FILE:LINE/],
      [['--bogus'], /Unknown option "--bogus"/],
      [['missing.py:1'], /Cannot read missing\.py/],
      [['app.py:2'], /No prompt literal or LLM call at app\.py:2/],
    ] as [string[], RegExp][]) {
      const r = await cli(argv, '', dir);
      assert.equal(r.code, 2, `${argv.join(' ')}: ${r.err}`);
      assert.match(r.err, msg);
    }
    assert.match((await cli(['--help'])).out, /Usage: prompt-cost compress FILE:LINE/);
  });
});

describe('unified diff', () => {
  it('produces hunks with context that patch(1) would accept', () => {
    const a = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n');
    const b = a.replace('line 3', 'LINE 3').replace('line 18\n', '');
    const d = unifiedDiff(a, b, 'f.txt');
    assert.equal(d, [
      '--- a/f.txt', '+++ b/f.txt',
      '@@ -1,6 +1,6 @@', ' line 1', ' line 2', '-line 3', '+LINE 3', ' line 4', ' line 5', ' line 6',
      '@@ -15,6 +15,5 @@', ' line 15', ' line 16', ' line 17', '-line 18', ' line 19', ' line 20', '',
    ].join('\n'));
    assert.equal(unifiedDiff(a, a, 'f.txt'), '');
  });
});
