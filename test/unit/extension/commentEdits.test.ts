import * as assert from 'assert';
import type { LlmCall, TextEdit } from '../../../src/core/types';
import { resolveConfig } from '../../../src/core/config/load';
import { Engine } from '../../../src/core/engine';
import { callsPerMonthEdit, parseRate, suppressFileEdit, suppressLineEdit } from '../../../src/extension/commentEdits';

function apply(text: string, e: TextEdit): string {
  return text.slice(0, e.span.start) + e.newText + text.slice(e.span.end);
}

function callAt(text: string, needle: string, annotation?: string): LlmCall {
  const start = text.indexOf(needle);
  const a = annotation ? text.indexOf(annotation) : -1;
  return {
    id: `c${start}`, span: { start, end: start + needle.length }, nameSpan: { start, end: start + 6 }, provider: 'openai',
    sdk: 'openai', api: 'chat.completions.create', kind: 'chat', model: 'gpt-4o', modelSource: 'literal', modelSpan: null,
    outputCap: null, capInsertion: null, stream: false, inLoop: false, promptIds: [], messageCount: 1, dynamicInputs: 0, options: {},
    annotation: a >= 0 ? { callsPerMonth: 1, span: { start: a, end: a + annotation!.length } } : undefined,
  };
}

describe('comment edits', () => {
  const py = 'def f():\n    r = client.chat.completions.create(model="gpt-4o")\n';

  it('inserts a calls-per-month annotation above the call, indented like it', () => {
    const e = callsPerMonthEdit(py, 'python', callAt(py, 'client.chat'), { count: 20000, period: 'month' });
    assert.strictEqual(apply(py, e), 'def f():\n    # prompt-cost: 20000/month\n    r = client.chat.completions.create(model="gpt-4o")\n');
  });

  it('rewrites an existing annotation instead of adding another', () => {
    const ts = '  // prompt-cost: 500/day\n  await openai.chat.completions.create({});\n';
    const e = callsPerMonthEdit(ts, 'typescript', callAt(ts, 'openai.chat', '// prompt-cost: 500/day'), { count: 3, period: 'hour' });
    assert.strictEqual(apply(ts, e), '  // prompt-cost: 3/hour\n  await openai.chat.completions.create({});\n');
  });

  it('suppresses a rule on the next line with the language comment syntax', () => {
    const ts = 'const a = 1;\r\n\tfoo.create({});\r\n';
    const e = suppressLineEdit(ts, 'typescript', ts.indexOf('foo'), 'unknown-model');
    assert.strictEqual(apply(ts, e), 'const a = 1;\r\n\t// prompt-cost-disable-next-line unknown-model\r\n\tfoo.create({});\r\n');
  });

  it('joins the comment right above instead of pushing it off the call (the engine reads only that line)', () => {
    const annotated = '    # prompt-cost: 500/day\n    r = client.chat.completions.create(model="gpt-4o")\n';
    assert.strictEqual(apply(annotated, suppressLineEdit(annotated, 'python', annotated.indexOf('r ='), 'missing-output-cap')),
      '    # prompt-cost: 500/day  prompt-cost-disable-next-line missing-output-cap\n    r = client.chat.completions.create(model="gpt-4o")\n');
    const suppressed = '  // prompt-cost-disable-next-line unknown-model -- internal model\n  await c.chat.completions.create({});\n';
    assert.strictEqual(apply(suppressed, suppressLineEdit(suppressed, 'typescript', suppressed.indexOf('await'), 'missing-output-cap')),
      '  // prompt-cost-disable-next-line unknown-model, missing-output-cap -- internal model\n  await c.chat.completions.create({});\n');
    const call = callAt(suppressed, 'c.chat');
    assert.strictEqual(apply(suppressed, callsPerMonthEdit(suppressed, 'typescript', call, { count: 9, period: 'day' })),
      '  // prompt-cost: 9/day  prompt-cost-disable-next-line unknown-model -- internal model\n  await c.chat.completions.create({});\n');
    // A file-wide directive above is left alone: a new line goes between.
    const fileWide = '# prompt-cost-disable-file over-budget\nr = client.chat.completions.create()\n';
    assert.strictEqual(apply(fileWide, suppressLineEdit(fileWide, 'python', fileWide.indexOf('r ='), 'unknown-model')),
      '# prompt-cost-disable-file over-budget\n# prompt-cost-disable-next-line unknown-model\nr = client.chat.completions.create()\n');
  });

  it('writes comments the engine reads: a joined rate and suppression both apply', async function () {
    this.timeout(60_000);
    const engine = await Engine.create();
    const config = resolveConfig([], '/w');
    const src = 'from openai import OpenAI\nclient = OpenAI()\n\ndef f():\n' +
      '    r = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}])\n';
    const analyze = (text: string) => engine.analyze({ path: '/w/a.py', text }, config);
    const first = analyze(src);
    assert.deepStrictEqual(first.findings.map((f) => f.ruleId), ['missing-output-cap']);
    const rated = apply(src, callsPerMonthEdit(src, 'python', first.calls[0], { count: 500, period: 'day' }));
    const second = analyze(rated);
    assert.strictEqual(second.costs[0].callsPerMonthSource.kind, 'annotation');
    const both = apply(rated, suppressLineEdit(rated, 'python', second.findings[0].span.start, 'missing-output-cap'));
    const third = analyze(both);
    assert.deepStrictEqual(third.findings, []);
    assert.strictEqual(third.costs[0].callsPerMonth, second.costs[0].callsPerMonth, 'the rate still applies');
  });

  it('suppresses a rule for the file after a shebang and an encoding line', () => {
    const src = '#!/usr/bin/env python\n# -*- coding: utf-8 -*-\nimport openai\n';
    assert.strictEqual(apply(src, suppressFileEdit(src, 'python', 'missing-output-cap')),
      '#!/usr/bin/env python\n# -*- coding: utf-8 -*-\n# prompt-cost-disable-file missing-output-cap\nimport openai\n');
    assert.strictEqual(apply('x()', suppressFileEdit('x()', 'javascript', 'r')), '// prompt-cost-disable-file r\nx()');
  });

  it('parses call rates as users type them', () => {
    assert.deepStrictEqual(parseRate('20,000'), { count: 20000, period: 'month' });
    assert.deepStrictEqual(parseRate(' 500/day '), { count: 500, period: 'day' });
    assert.deepStrictEqual(parseRate('50 per Hour'), { count: 50, period: 'hour' });
    assert.strictEqual(parseRate('lots'), undefined);
    assert.strictEqual(parseRate('-5'), undefined);
  });
});
