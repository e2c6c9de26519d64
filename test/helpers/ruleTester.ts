// ESLint-style rule tester: valid code yields no finding of the rule; invalid code yields the listed findings (range
// text, data, message), and applying each finding's first fix gives the expected text, which re-analyses clean.
import * as assert from 'assert';
import { Engine } from '../../src/core/engine';
import { resolveConfig } from '../../src/core/config/load';
import type { PromptCostConfigFile, ResolvedConfig } from '../../src/core/config/types';
import type { FileResult, Finding } from '../../src/core/types';

let engine: Promise<Engine> | undefined;
export function getEngine(): Promise<Engine> {
  engine ??= Engine.create();
  return engine;
}

export function config(values: PromptCostConfigFile = {}): ResolvedConfig {
  return resolveConfig([{ values, origin: 'test' }], '/project');
}

export interface Case {
  /** `python`, `typescript` or `javascript`: picks the file name. */
  lang: 'python' | 'typescript' | 'javascript';
  code: string;
  config?: PromptCostConfigFile;
  name?: string;
}

export interface InvalidCase extends Case {
  findings: { text: string; data?: Record<string, unknown>; message?: RegExp; severity?: string }[];
  /** The code after applying the first fix of every finding (omit when the rule offers none). */
  output?: string;
}

const FILE: Record<Case['lang'], string> = { python: '/project/app.py', typescript: '/project/app.ts', javascript: '/project/app.js' };

export async function analyze(c: Case): Promise<FileResult> {
  const e = await getEngine();
  return e.analyze({ path: FILE[c.lang], text: c.code }, config(c.config));
}

export function applyFixes(code: string, findings: Finding[]): string {
  const edits = findings.flatMap((f) => f.fixes[0]?.edits ?? []).sort((a, b) => b.span.start - a.span.start);
  let out = code;
  for (const e of edits) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

export function runRuleTests(ruleId: string, cases: { valid: Case[]; invalid: InvalidCase[] }): void {
  describe(`rule ${ruleId}`, () => {
    for (const c of cases.valid) {
      it(`valid ${c.lang}: ${c.name ?? c.code.split('\n').find((l) => l.trim() && !/^(import|from)\b/.test(l.trim()))?.trim()}`, async () => {
        const r = await analyze(c);
        const hits = r.findings.filter((f) => f.ruleId === ruleId);
        assert.deepStrictEqual(hits.map((f) => f.message), []);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid ${c.lang}: ${c.name ?? c.code.split('\n').find((l) => l.trim() && !/^(import|from)\b/.test(l.trim()))?.trim()}`, async () => {
        const r = await analyze(c);
        const hits = r.findings.filter((f) => f.ruleId === ruleId);
        assert.strictEqual(hits.length, c.findings.length, hits.map((f) => f.message).join('\n'));
        hits.forEach((f, i) => {
          const want = c.findings[i];
          assert.strictEqual(c.code.slice(f.span.start, f.span.end), want.text);
          if (want.message) assert.match(f.message, want.message);
          if (want.severity) assert.strictEqual(f.severity, want.severity);
          for (const [k, v] of Object.entries(want.data ?? {})) assert.deepStrictEqual(f.data?.[k], v, `data.${k}`);
        });
        if (c.output !== undefined) {
          const fixed = applyFixes(c.code, hits);
          assert.strictEqual(fixed, c.output);
          const again = await analyze({ ...c, code: fixed });
          assert.strictEqual(again.hasSyntaxErrors, false, 'fixed code must parse');
          assert.deepStrictEqual(again.findings.filter((f) => f.ruleId === ruleId).map((f) => f.message), []);
        }
      });
    }
  });
}
