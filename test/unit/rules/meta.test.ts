// Every rule has a docs page and a table test; metadata is complete.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { allRules } from '../../../src/core/rules';

const ROOT = path.join(__dirname, '../../../..');

describe('rules: metadata, docs and tests', () => {
  it('has unique ids', () => {
    const ids = allRules.map((r) => r.meta.id);
    assert.deepStrictEqual([...new Set(ids)], ids);
  });
  for (const rule of allRules) {
    it(`${rule.meta.id}: docs page, test file and complete metadata`, () => {
      assert.strictEqual(rule.meta.docs, `docs/rules/${rule.meta.id}.md`);
      assert.ok(fs.existsSync(path.join(ROOT, rule.meta.docs)), `missing ${rule.meta.docs}`);
      assert.ok(fs.existsSync(path.join(ROOT, 'test/unit/rules', `${rule.meta.id}.test.ts`)), 'missing table test');
      assert.ok(fs.existsSync(path.join(ROOT, 'src/core/rules', `${rule.meta.id}.ts`)), 'rule file must be named after the rule');
      assert.ok(rule.meta.description.length > 20);
      assert.ok(['error', 'warning', 'info', 'hint'].includes(rule.meta.defaultSeverity));
    });
  }
});
