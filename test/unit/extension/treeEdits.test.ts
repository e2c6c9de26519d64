// Incremental parsing must give exactly the tree a full parse gives: checked with the real grammars.
import * as assert from 'assert';
import { assetPath, type AssetName } from '../../../src/core/assets';
import { Parsers } from '../../../src/core/languages/parser';
import { toTreeEdits, type ContentChange } from '../../../src/extension/treeEdits';

/** A change as VS Code reports it, from offsets in `before`. */
function change(before: string, start: number, end: number, text: string): ContentChange {
  const pos = (o: number) => {
    const line = before.slice(0, o).split('\n').length - 1;
    return { line, character: o - (before.lastIndexOf('\n', o - 1) + 1) };
  };
  return { rangeOffset: start, rangeLength: end - start, text, range: { start: pos(start), end: pos(end) } };
}

/** Applies one event's changes (listed from the end of the text backwards, as VS Code does). */
function apply(before: string, changes: ContentChange[]): string {
  let out = before;
  for (const c of changes) out = out.slice(0, c.rangeOffset) + c.text + out.slice(c.rangeOffset + c.rangeLength);
  return out;
}

describe('content changes to tree-sitter edits', () => {
  let parsers: Parsers;
  before(async () => {
    parsers = await Parsers.create((f) => assetPath(f as AssetName), ['python', 'typescript']);
  });

  const cases: { name: string; lang: 'python' | 'typescript'; text: string; edit: (t: string) => ContentChange[] }[] = [
    { name: 'a character typed into a prompt', lang: 'python',
      text: 'import openai\nSYSTEM = "You are terse."\nr = openai.chat.completions.create(model="gpt-4o", messages=[])\n',
      edit: (t) => [change(t, t.indexOf('terse'), t.indexOf('terse'), 'very ')] },
    { name: 'a multi-line paste replacing a range', lang: 'python',
      text: 'def f(q):\n    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": q}])\n',
      edit: (t) => [change(t, t.indexOf('model'), t.indexOf('messages'), 'model="gpt-4o-mini",\n        max_completion_tokens=200,\n        ')] },
    { name: 'a deletion across lines', lang: 'typescript',
      text: "const a = 1;\nconst b = `x\ny\nz`;\nawait client.responses.create({ model: 'gpt-4.1', input: b });\n",
      edit: (t) => [change(t, t.indexOf('x\n'), t.indexOf('z`'), '')] },
    { name: 'two cursors in one event (listed last first)', lang: 'typescript',
      text: "const p = 'hello';\nconst q = 'world';\n",
      edit: (t) => [change(t, t.indexOf('world'), t.indexOf('world'), '1'), change(t, t.indexOf('hello'), t.indexOf('hello'), '2\n')] },
    { name: 'non-ASCII text before the edit (UTF-16 units)', lang: 'python',
      text: 'P = "café ☕ — 😀 ok"\nx = 1\n',
      edit: (t) => [change(t, t.indexOf('ok'), t.indexOf('ok') + 2, 'fine')] },
  ];

  for (const c of cases) {
    it(`re-parses incrementally to the same tree: ${c.name}`, () => {
      const old = parsers.parse(c.lang, c.text)!;
      const changes = c.edit(c.text);
      const next = apply(c.text, changes);
      for (const e of toTreeEdits(changes)) old.edit(e);
      const incremental = parsers.parse(c.lang, next, old)!;
      const full = parsers.parse(c.lang, next)!;
      assert.strictEqual(incremental.rootNode.toString(), full.rootNode.toString());
      assert.strictEqual(incremental.rootNode.endIndex, next.length);
      const ids = (t: typeof full) => t.rootNode.descendantsOfType('identifier').map((n) => `${n!.text}@${n!.startIndex}`).join(' ');
      assert.strictEqual(ids(incremental), ids(full));
      for (const t of [old, incremental, full]) t.delete();
    });
  }
});
