// Table tests from hand-written fixtures: every `expect-call` comment names the call on the next code line and the
// fields it must have; every detected call must be expected (precision) and every expected one detected (recall).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { detect, langOf } from '../../helpers/detect';

const ROOT = path.join(__dirname, '../../../../test/fixtures/detect');

interface Expectation { line: number; fields: Record<string, string> }

function expectations(text: string): Expectation[] {
  const lines = text.split('\n');
  const out: Expectation[] = [];
  lines.forEach((l, i) => {
    const m = /(?:#|\/\/)\s*expect-call\b(.*)$/.exec(l);
    if (!m) return;
    let j = i + 1;
    while (j < lines.length && /^\s*(#|\/\/)/.test(lines[j])) j++;
    const fields: Record<string, string> = {};
    for (const kv of m[1].trim().split(/\s+/).filter(Boolean)) {
      const [k, v] = kv.split('=');
      fields[k] = v;
    }
    out.push({ line: j + 1, fields });
  });
  return out;
}

const files = ['python', 'ts'].flatMap((dir) => fs.readdirSync(path.join(ROOT, dir)).map((f) => path.join(ROOT, dir, f)));

describe('detection fixtures (one per provider and language, plus negatives)', () => {
  for (const file of files) {
    it(path.relative(ROOT, file), async () => {
      const text = fs.readFileSync(file, 'utf8');
      const d = await detect(text, langOf(file));
      const expected = expectations(text);
      const got = new Map(d.calls.map(({ call, prompts }) => [d.lines.position(call.span.start).line, { call, prompts }]));
      const problems: string[] = [];
      for (const line of got.keys()) {
        if (!expected.some((e) => e.line === line)) problems.push(`unexpected call at line ${line}: ${got.get(line)!.call.api}`);
      }
      for (const e of expected) {
        const hit = got.get(e.line);
        if (!hit) { problems.push(`missed call at line ${e.line}`); continue; }
        const { call, prompts } = hit;
        const actual: Record<string, string> = {
          api: call.api, provider: call.provider, sdk: call.sdk, kind: call.kind, model: String(call.model), source: call.modelSource,
          cap: call.outputCap ? `${call.outputCap.param}:${call.outputCap.value ?? '?'}` : 'none',
          stream: String(call.stream), loop: String(call.inLoop), prompts: prompts.map((p) => p.role).join(','),
        };
        for (const [k, v] of Object.entries(e.fields)) {
          if (actual[k] !== v) problems.push(`line ${e.line}: ${k} is ${actual[k]}, expected ${v}`);
        }
      }
      assert.deepStrictEqual(problems, []);
    });
  }
});
