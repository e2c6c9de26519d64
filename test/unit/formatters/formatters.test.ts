import * as assert from 'assert';
import { FORMATTERS } from '../../../src/core/formatters';
import { toJsonReport } from '../../../src/core/formatters/json';
import { FINGERPRINT_KEY, toSarifLog } from '../../../src/core/formatters/sarif';
import type { FormatOptions } from '../../../src/core/formatters/types';
import { DOCS_BASE, fixtureScan, PY_TEXT, RULES, TOTAL_BUDGET, TS_TEXT } from './fixtures';
import { expectGolden } from './golden';
import { sarifValidator } from './sarifSchema';

const OPTS: FormatOptions = { rules: RULES, docsBaseUri: DOCS_BASE, srcRoot: '/repo' };

/** 1-based line and column of the first occurrence of `needle`, counted by hand (not with LineIndex). */
function lineCol(text: string, needle: string): { line: number; column: number } {
  const at = text.indexOf(needle);
  const before = text.slice(0, at).split(/\r\n|\n|\r/);
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

describe('formatters: golden outputs', () => {
  const scan = fixtureScan({ budgets: [TOTAL_BUDGET] });
  it('stylish', () => expectGolden('stylish.txt', FORMATTERS.stylish(scan, OPTS)));
  it('stylish with colour', () => expectGolden('stylish-color.txt', FORMATTERS.stylish(scan, { ...OPTS, color: true })));
  it('stylish --quiet', () => expectGolden('stylish-quiet.txt', FORMATTERS.stylish(scan, { ...OPTS, quiet: true })));
  it('json', () => expectGolden('report.json', FORMATTERS.json(scan, OPTS)));
  it('sarif', () => expectGolden('report.sarif', FORMATTERS.sarif(scan, OPTS)));
  it('markdown', () => expectGolden('report.md', FORMATTERS.markdown(scan, OPTS)));
});

describe('formatters/json: the public contract', () => {
  const report = toJsonReport(fixtureScan());
  const py = report.files.find((f) => f.path === 'app/chat.py')!;
  const ts = report.files.find((f) => f.path === 'web/summarize.ts')!;

  it('reports where the whole call expression starts, 1-based, also for multi-line calls', () => {
    assert.deepStrictEqual({ line: py.calls[0].line, column: py.calls[0].column }, lineCol(PY_TEXT, 'client.chat.completions.create('));
    assert.strictEqual(py.calls[0].endLine, lineCol(PY_TEXT, '    )\n\nfor').line + 0);
    assert.deepStrictEqual({ line: ts.calls[0].line, column: ts.calls[0].column }, lineCol(TS_TEXT, 'anthropic.messages.create'));
  });

  it('has every field of the issue-2 contract with its documented name and type', () => {
    assert.deepStrictEqual(Object.keys(report).slice(0, 3), ['tool', 'files', 'summary']);
    assert.deepStrictEqual(report.tool, { name: 'prompt-cost', version: '0.1.0' });
    const call = py.calls[0];
    for (const key of ['line', 'column', 'provider', 'api', 'kind', 'model', 'modelSource', 'outputCap', 'stream', 'inLoop',
      'prompts', 'inputTokens', 'outputTokens', 'worstCaseOutputTokens', 'costPerCall', 'callsPerMonth', 'monthlyCost']) {
      assert.ok(key in call, `call.${key}`);
    }
    assert.strictEqual(call.provider, 'openai');
    assert.strictEqual(call.api, 'chat.completions.create');
    assert.strictEqual(call.model, 'gpt-4o');
    assert.strictEqual(call.modelSource, 'literal');
    assert.strictEqual(call.outputCap, null);
    assert.deepStrictEqual(ts.calls[0].outputCap, { param: 'max_tokens', value: 512 });
    assert.strictEqual(py.calls[1].inLoop, true);
    assert.strictEqual(py.calls[1].modelSource, 'env-default');
    const prompt = call.prompts[0];
    for (const key of ['line', 'endLine', 'role', 'tokens', 'placeholders']) assert.ok(key in prompt, `prompt.${key}`);
    assert.deepStrictEqual(call.prompts.map((p) => p.role), ['system', 'user']);
    assert.strictEqual(call.prompts[0].line, lineCol(PY_TEXT, 'SYSTEM_PROMPT = """').line);
    assert.deepStrictEqual(call.prompts[1].placeholders, ['{question}']);
    const finding = py.findings[0];
    for (const key of ['ruleId', 'severity', 'line', 'column', 'endLine', 'endColumn', 'message']) assert.ok(key in finding, `finding.${key}`);
    for (const key of ['calls', 'monthlyCost', 'byModel']) assert.ok(key in report.summary, `summary.${key}`);
  });

  it('prices from the costs and never prices an unknown model at $0', () => {
    const call = py.calls[0];
    assert.ok(Math.abs(call.costPerCall! - (40 * 2.5 + 350 * 10) / 1e6) < 1e-12);
    assert.ok(Math.abs(call.monthlyCost! - call.costPerCall! * 30000) < 1e-9);
    assert.strictEqual(ts.calls[0].costPerCall, null);
    assert.strictEqual(ts.calls[0].monthlyCost, null);
    assert.strictEqual(report.summary.unpriced, 1);
    assert.ok(Math.abs(report.summary.monthlyCost - (py.calls[0].monthlyCost! + py.calls[1].monthlyCost!)) < 1e-9);
    assert.deepStrictEqual(Object.keys(report.summary.byModel), ['gpt-4o', 'text-embedding-3-small', 'claude-mystery-9']);
    assert.deepStrictEqual(report.summary.byModel['claude-mystery-9'], { calls: 1, monthlyCost: 0, unpriced: 1 });
  });

  it('counts columns in UTF-16 units after an emoji and across CRLF', () => {
    const f = ts.findings[0];
    assert.deepStrictEqual({ line: f.line, column: f.column }, lineCol(TS_TEXT, "'claude-mystery-9'"));
    assert.strictEqual(f.endColumn - f.column, "'claude-mystery-9'".length);
  });

  it('keeps skipped files with their reason', () => {
    const skipped = report.files.find((f) => f.skipped !== null)!;
    assert.strictEqual(skipped.skipped, 'binary file (contains NUL bytes)');
    assert.strictEqual(report.summary.skipped, 1);
    assert.strictEqual(report.summary.files, 2);
  });
});

describe('formatters/sarif', () => {
  const validate = sarifValidator();

  it('validates against the official SARIF 2.1.0 schema', () => {
    const errors = validate(toSarifLog(fixtureScan({ budgets: [TOTAL_BUDGET] }), OPTS));
    assert.deepStrictEqual(errors, []);
  });

  it('validates without optional inputs (no srcRoot, no docs base, no findings)', () => {
    const scan = fixtureScan();
    for (const f of scan.files) f.result.findings = [];
    assert.deepStrictEqual(validate(toSarifLog(scan, { rules: [] })), []);
  });

  it('the validator rejects a broken log (so the test above can fail)', () => {
    const log = toSarifLog(fixtureScan(), OPTS) as any;
    log.runs[0].results[0].level = 'fatal';
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    assert.ok(validate(log).length >= 2);
  });

  it('lists rules with helpUri to docs/rules/<id>.md and points results at them', () => {
    const run = toSarifLog(fixtureScan(), OPTS).runs[0] as any;
    const rules = run.tool.driver.rules;
    assert.deepStrictEqual(rules.map((r: any) => r.id), RULES.map((r) => r.id));
    assert.strictEqual(rules[0].helpUri, `${DOCS_BASE}docs/rules/missing-output-cap.md`);
    assert.strictEqual(rules[0].defaultConfiguration.level, 'warning');
    for (const r of run.results) assert.strictEqual(rules[r.ruleIndex].id, r.ruleId);
    const unknown = run.results.find((r: any) => r.ruleId === 'unknown-model');
    assert.strictEqual(unknown.level, 'error');
    const region = unknown.locations[0].physicalLocation.region;
    assert.deepStrictEqual({ line: region.startLine, column: region.startColumn }, lineCol(TS_TEXT, "'claude-mystery-9'"));
    assert.deepStrictEqual(unknown.locations[0].physicalLocation.artifactLocation, { uri: 'web/summarize.ts', uriBaseId: '%SRCROOT%' });
    assert.deepStrictEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///repo/' } });
  });

  it('carries the monthly cost on results and on the run', () => {
    const run = toSarifLog(fixtureScan(), OPTS).runs[0] as any;
    const cap = run.results.find((r: any) => r.ruleId === 'missing-output-cap');
    assert.ok(cap.properties.monthlyCost > 100 && cap.properties.worstCaseMonthlyCost > 4000);
    assert.ok(cap.properties.monthlySaving > 4000);
    assert.strictEqual(run.properties.monthlyCost, fixtureScan().summary.monthlyCost);
  });

  it('keeps fingerprints when lines move, and changes them when the flagged code changes', () => {
    const fp = (pyText: string) => {
      const run = toSarifLog(fixtureScan({ pyText }), OPTS).runs[0] as any;
      const r = run.results.find((x: any) => x.ruleId === 'missing-output-cap');
      return { fp: r.partialFingerprints[FINGERPRINT_KEY], line: r.locations[0].physicalLocation.region.startLine };
    };
    const before = fp(PY_TEXT);
    const moved = fp(`# a new comment\n\n${PY_TEXT}`);
    assert.strictEqual(moved.line, before.line + 2);
    assert.strictEqual(moved.fp, before.fp);
    const edited = fp(PY_TEXT.replace('return client.chat', 'reply = client.chat'));
    assert.notStrictEqual(edited.fp, before.fp);
  });

  it('reports skipped files and budget violations as notifications', () => {
    const run = toSarifLog(fixtureScan({ budgets: [TOTAL_BUDGET] }), OPTS).runs[0] as any;
    const texts = run.invocations[0].toolExecutionNotifications.map((n: any) => `${n.level}: ${n.message.text}`);
    assert.ok(texts.some((t: string) => t.startsWith('note: Skipped vendor/blob.py')), texts.join('\n'));
    assert.ok(texts.some((t: string) => t.startsWith('error: Over budget')), texts.join('\n'));
    assert.strictEqual(run.properties.overBudget, true);
  });
});

describe('formatters/stylish', () => {
  it('prints no escape codes without colour and some with it', () => {
    const scan = fixtureScan();
    assert.ok(!FORMATTERS.stylish(scan, OPTS).includes('\u001b['));
    assert.ok(FORMATTERS.stylish(scan, { ...OPTS, color: true }).includes('\u001b[31m'));
  });

  it('puts each call with its line:column, tokens and dollars, and its findings after it', () => {
    const out = FORMATTERS.stylish(fixtureScan(), OPTS);
    const lines = out.split('\n');
    const chat = lineCol(PY_TEXT, 'client.chat');
    const callRow = lines.findIndex((l) => l.includes(`${chat.line}:${chat.column}`) && l.includes('call'));
    assert.ok(callRow > 0, out);
    assert.match(lines[callRow], /openai gpt-4o chat\.completions\.create · 40 in · ~350 out · \$0\.0036\/call × 30,000\/mo ≈ \$108\/mo/);
    assert.match(lines[callRow + 1], /warning\s+No output cap.*missing-output-cap$/);
    assert.match(out, /unpriced × 15,000\/mo/);
    assert.match(out, /✖ 2 problems \(1 error, 1 warning\)/);
    assert.match(out, /3 LLM calls in 2 files ≈ \$108\/month/);
  });

  it('--quiet keeps errors and budgets only', () => {
    const out = FORMATTERS.stylish(fixtureScan({ budgets: [TOTAL_BUDGET] }), { ...OPTS, quiet: true });
    assert.ok(!out.includes('missing-output-cap'));
    assert.ok(out.includes('unknown-model'));
    assert.ok(out.includes('Over budget'));
    assert.ok(!/\d+:\d+\s+call\s/.test(out), out);
  });
});

describe('formatters/markdown', () => {
  it('lists top calls by monthly cost, links rule docs and escapes table cells', () => {
    const out = FORMATTERS.markdown(fixtureScan(), OPTS);
    assert.match(out, /^## Prompt cost: ≈ \$108\/month/);
    const top = out.split('\n').filter((l) => /^\| \d+ \|/.test(l));
    assert.strictEqual(top.length, 3);
    assert.ok(top[0].includes('chat.completions.create') && top[2].includes('messages.create'), top.join('\n'));
    assert.ok(out.includes(`[missing-output-cap](${DOCS_BASE}docs/rules/missing-output-cap.md)`));
    // The message has a "|" in it: escaped so the table keeps its columns.
    const row = out.split('\n').find((l) => l.includes('No output cap'))!;
    assert.ok(row.includes('\\| set max_completion_tokens'));
    assert.strictEqual(row.split(/(?<!\\)\|/).length - 2, 5);
  });

  it('cuts long lists and says how many were left out', () => {
    const out = FORMATTERS.markdown(fixtureScan(), { ...OPTS, topCalls: 1, maxFindings: 1 });
    assert.match(out, /…and 2 more calls\./);
    assert.match(out, /…and 1 more finding\./);
  });
});
