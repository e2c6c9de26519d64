import * as assert from 'assert';
import { parseConfigFile } from '../../../src/core/config/load';
import type { TextEdit } from '../../../src/core/types';
import { modelAliasEdit } from '../../../src/extension/configEdits';

function apply(text: string, e: TextEdit): string {
  return text.slice(0, e.span.start) + e.newText + text.slice(e.span.end);
}

/** The edited file must still be a valid config with the alias set. */
function aliasesAfter(text: string | null): Record<string, string> | undefined {
  const e = modelAliasEdit(text, 'acme-llm', 'gpt-4o');
  assert.ok(e, 'an edit');
  const out = apply(text ?? '', e);
  const parsed = parseConfigFile(out, '.promptcost.json');
  assert.deepStrictEqual(parsed.errors, [], out);
  return parsed.config.modelAliases;
}

describe('.promptcost.json edits', () => {
  it('creates the file', () => {
    assert.deepStrictEqual(aliasesAfter(null), { 'acme-llm': 'gpt-4o' });
    assert.deepStrictEqual(aliasesAfter(''), { 'acme-llm': 'gpt-4o' });
  });

  it('adds modelAliases to an existing file, keeping the rest as written', () => {
    const text = '{\n    "callsPerMonth": 5000,\n    "rules": { "over-budget": "error" }\n}\n';
    const e = modelAliasEdit(text, 'acme-llm', 'gpt-4o')!;
    const out = apply(text, e);
    assert.ok(out.includes('    "callsPerMonth": 5000,\n    "rules": { "over-budget": "error" }\n}'), out);
    assert.ok(out.includes('\n    "modelAliases"'), 'indented like its siblings');
    assert.deepStrictEqual(aliasesAfter(text), { 'acme-llm': 'gpt-4o' });
    assert.deepStrictEqual(aliasesAfter('{}'), { 'acme-llm': 'gpt-4o' });
  });

  it('adds to an existing map and replaces an existing entry', () => {
    assert.deepStrictEqual(aliasesAfter('{ "modelAliases": { "other": "gpt-4.1" } }'), { 'acme-llm': 'gpt-4o', other: 'gpt-4.1' });
    assert.deepStrictEqual(aliasesAfter('{ "modelAliases": {} }'), { 'acme-llm': 'gpt-4o' });
    assert.deepStrictEqual(aliasesAfter('{ "modelAliases": { "acme-llm": "gpt-3.5-\\"turbo\\"" } }'), { 'acme-llm': 'gpt-4o' });
  });

  it('leaves files it cannot edit safely alone', () => {
    assert.strictEqual(modelAliasEdit('{ "callsPerMonth": ', 'a', 'b'), undefined);
    assert.strictEqual(modelAliasEdit('[]', 'a', 'b'), undefined);
    assert.strictEqual(modelAliasEdit('{ "modelAliases": [] }', 'a', 'b'), undefined);
  });
});
