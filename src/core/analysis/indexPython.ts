// Python facts, found lazily (see facts.ts).

import type { Node, Tree } from '../languages/parser';
import { type Binding, enclosingFunction, LazyFacts } from './facts';

const IMPORT_LINE = /^[ \t]*(?:from[ \t]+\.*[\w.]*[ \t]+import\b|import[ \t]+[\w.])/;

export class PythonFacts extends LazyFacts {
  constructor(tree: Tree, text: string, names: ReadonlySet<string>) {
    super(tree, text);
    // Each `import` word, then its line: a multi-line-anchored regex would be tried at every offset of the file.
    let lastLine = -1;
    for (let i = text.indexOf('import'); i !== -1; i = text.indexOf('import', i + 6)) {
      const lineStart = text.lastIndexOf('\n', i) + 1;
      if (lineStart === lastLine) continue;
      lastLine = lineStart;
      const m = IMPORT_LINE.exec(text.slice(lineStart, i + 8));
      if (!m) continue;
      const kw = lineStart + m[0].length - m[0].trimStart().length;
      let n = this.nodeAt(kw, kw + 4);
      for (let i = 0; n && i < 3 && n.type !== 'import_statement' && n.type !== 'import_from_statement'; i++) n = n.parent;
      if (n && (n.type === 'import_statement' || n.type === 'import_from_statement')) this.addImport(n);
    }
    this.findCalls(names, (name) => {
      const p = name.parent;
      if (!p) return null;
      if (p.type === 'call' && p.childForFieldName('function')?.id === name.id) return p;
      if (p.type === 'attribute' && p.childForFieldName('attribute')?.id === name.id) {
        const call = p.parent;
        if (call?.type === 'call' && call.childForFieldName('function')?.id === p.id) return call;
      }
      return null;
    });
    if (text.includes('prompt-cost')) this.findComments((n) => n.type === 'comment');
  }

  private addImport(node: Node): void {
    if (node.type === 'import_statement') {
      for (const c of node.namedChildren) {
        if (!c) continue;
        if (c.type === 'dotted_name') {
          const dotted = c.text;
          this.imports.set(dotted.split('.')[0], { module: dotted, path: [], prefixOnly: dotted.includes('.') });
        } else if (c.type === 'aliased_import') {
          const mod = c.childForFieldName('name'), alias = c.childForFieldName('alias');
          if (mod && alias) this.imports.set(alias.text, { module: mod.text, path: [] });
        }
      }
      return;
    }
    const modNode = node.childForFieldName('module_name');
    if (!modNode || modNode.type === 'relative_import') return;
    const module = modNode.text;
    for (const c of node.namedChildren) {
      if (!c || c.startIndex === modNode.startIndex) continue;
      if (c.type === 'dotted_name') this.imports.set(c.text.split('.').pop()!, { module, path: c.text.split('.') });
      else if (c.type === 'aliased_import') {
        const n = c.childForFieldName('name'), alias = c.childForFieldName('alias');
        if (n && alias) this.imports.set(alias.text, { module, path: n.text.split('.') });
      }
    }
  }

  protected definitionsAt(node: Node, name: string, out: Binding[]): void {
    let target = node;
    if (name.includes('.')) {
      const attr = node.parent;
      if (!attr || attr.type !== 'attribute' || attr.childForFieldName('attribute')?.id !== node.id) return;
      target = attr;
    }
    const p = target.parent;
    if (!p) return;
    switch (p.type) {
      case 'assignment': case 'augmented_assignment': {
        if (p.childForFieldName('left')?.id !== target.id) return;
        const scope = enclosingFunction(p);
        const pos = p.startIndex;
        const type = p.childForFieldName('type');
        if (type) out.push({ kind: 'type', node: type, pos, scope });
        let value = p.childForFieldName('right');
        // x = y = value: bind to the innermost value
        while (value && value.type === 'assignment') value = value.childForFieldName('right');
        if (value) out.push({ kind: 'value', node: value, pos, scope, ...(p.type === 'augmented_assignment' ? { augmented: true } : {}) });
        return;
      }
      case 'pattern_list': case 'tuple_pattern': {
        const assign = p.parent;
        if (assign?.type !== 'assignment' || assign.childForFieldName('left')?.id !== p.id) return;
        const right = assign.childForFieldName('right');
        if (!right || (right.type !== 'expression_list' && right.type !== 'tuple')) return;
        const i = p.namedChildren.findIndex((c) => c?.id === target.id);
        const value = right.namedChildren[i];
        if (value) out.push({ kind: 'value', node: value, pos: assign.startIndex, scope: enclosingFunction(assign) });
        return;
      }
      case 'as_pattern_target': {
        const pat = p.parent;
        const value = pat?.namedChildren[0];
        if (pat?.type === 'as_pattern' && value && pat.parent?.type === 'with_item') {
          out.push({ kind: 'value', node: value, pos: pat.startIndex, scope: enclosingFunction(pat) });
        }
        return;
      }
      case 'typed_parameter': case 'default_parameter': case 'typed_default_parameter': {
        const nameNode = p.type === 'typed_parameter' ? p.namedChildren[0] : p.childForFieldName('name');
        if (nameNode?.id !== target.id) return;
        const fn = p.parent?.parent;
        const scope = fn ? { start: fn.startIndex, end: fn.endIndex } : null;
        const type = p.childForFieldName('type');
        const value = p.childForFieldName('value');
        if (type) out.push({ kind: 'type', node: type, pos: p.startIndex, scope });
        if (value) out.push({ kind: 'param-default', node: value, pos: p.startIndex, scope });
        return;
      }
      case 'subscript': {
        // d["model"] = "…"
        const assign = p.parent;
        const key = p.childForFieldName('subscript');
        if (p.childForFieldName('value')?.id !== target.id || assign?.type !== 'assignment' ||
            assign.childForFieldName('left')?.id !== p.id || key?.type !== 'string') return;
        const value = assign.childForFieldName('right');
        const k = /^[a-z]*(['"])(.*)\1$/i.exec(key.text)?.[2];
        if (value && k) out.push({ kind: 'value', node: value, pos: assign.startIndex, scope: enclosingFunction(assign), setKey: k });
        return;
      }
      case 'dictionary_splat_pattern': case 'list_splat_pattern': {
        // `**kwargs` / `*args` (also typed: `**kwargs: Any`): a parameter, never a same-named dict of another scope.
        const params = p.parent?.type === 'typed_parameter' ? p.parent.parent : p.parent;
        if (params?.type !== 'parameters' && params?.type !== 'lambda_parameters') return;
        const fn = params.parent;
        out.push({ kind: 'param', node: target, pos: target.startIndex, scope: fn ? { start: fn.startIndex, end: fn.endIndex } : null });
        return;
      }
      case 'parameters': {
        const fn = p.parent;
        out.push({ kind: 'param', node: target, pos: target.startIndex, scope: fn ? { start: fn.startIndex, end: fn.endIndex } : null });
        return;
      }
    }
  }

  protected override classAttributeAt(node: Node, out: Binding[]): void {
    const p = node.parent;
    if (p?.type !== 'assignment' || p.childForFieldName('left')?.id !== node.id) return;
    if (p.parent?.parent?.parent?.type !== 'class_definition') return;
    const value = p.childForFieldName('right');
    if (value) out.push({ kind: 'value', node: value, pos: p.startIndex, scope: null });
  }
}
