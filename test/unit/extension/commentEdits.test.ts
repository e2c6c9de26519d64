import * as assert from 'assert';
import type { LlmCall, TextEdit } from '../../../src/core/types';
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
