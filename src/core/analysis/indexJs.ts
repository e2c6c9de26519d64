// JavaScript / TypeScript facts, found lazily (see facts.ts).

import type { Node, Tree } from '../languages/parser';
import { type Binding, enclosingFunction, type ImportTarget, LazyFacts } from './facts';

export class JsFacts extends LazyFacts {
  constructor(tree: Tree, text: string, names: ReadonlySet<string>) {
    super(tree, text);
    const importRe = /(?<![\w$.])import\b/g;
    for (let m = importRe.exec(text); m; m = importRe.exec(text)) {
      const n = this.nodeAt(m.index, m.index + 6)?.parent;
      if (n?.type === 'import_statement') this.addImport(n);
    }
    const requireRe = /(?<![\w$.])require\s*\(/g;
    for (let m = requireRe.exec(text); m; m = requireRe.exec(text)) {
      const call = this.nodeAt(m.index, m.index + 7)?.parent;
      if (call?.type === 'call_expression') this.addRequire(call);
    }
    this.findCalls(names, (name) => {
      const p = name.parent;
      if (!p) return null;
      if ((p.type === 'call_expression' && p.childForFieldName('function')?.id === name.id) ||
          (p.type === 'new_expression' && p.childForFieldName('constructor')?.id === name.id)) return p;
      if (p.type === 'member_expression' && p.childForFieldName('property')?.id === name.id) {
        const call = p.parent;
        if ((call?.type === 'call_expression' && call.childForFieldName('function')?.id === p.id) ||
            (call?.type === 'new_expression' && call.childForFieldName('constructor')?.id === p.id)) return call;
      }
      return null;
    });
    if (text.includes('prompt-cost')) this.findComments((n) => n.type === 'comment');
  }

  private addImport(node: Node): void {
    const src = node.childForFieldName('source');
    if (!src || src.type !== 'string') return;
    const source = src.text.slice(1, -1);
    const clause = node.namedChildren.find((c) => c?.type === 'import_clause');
    if (!clause) return;
    for (const c of clause.namedChildren) {
      if (!c) continue;
      if (c.type === 'identifier') this.imports.set(c.text, { module: source, path: ['default'] });
      else if (c.type === 'namespace_import') {
        const id = c.namedChildren[0];
        if (id) this.imports.set(id.text, { module: source, path: [] });
      } else if (c.type === 'named_imports') {
        for (const s of c.namedChildren) {
          if (!s || s.type !== 'import_specifier') continue;
          const n = s.childForFieldName('name'), alias = s.childForFieldName('alias');
          if (n) this.imports.set((alias ?? n).text, { module: source, path: [n.text] });
        }
      }
    }
  }

  /** `const X = require('m')`, `const { A, B: C } = require('m')`, `const X = require('m').Y`. */
  private addRequire(call: Node): void {
    const arg = call.childForFieldName('arguments')?.namedChildren[0];
    if (!arg || arg.type !== 'string') return;
    const target: ImportTarget = { module: arg.text.slice(1, -1), path: [] };
    let v: Node = call;
    while (v.parent?.type === 'member_expression' && v.parent.childForFieldName('object')?.id === v.id) {
      const prop = v.parent.childForFieldName('property');
      if (prop) target.path.push(prop.text);
      v = v.parent;
    }
    if (v.parent?.type === 'await_expression') v = v.parent;
    const decl = v.parent;
    if (!decl) return;
    const nameNode = decl.type === 'variable_declarator' ? decl.childForFieldName('name')
      : decl.type === 'assignment_expression' ? decl.childForFieldName('left') : null;
    if (!nameNode) return;
    if (nameNode.type === 'identifier') { this.imports.set(nameNode.text, target); return; }
    if (nameNode.type !== 'object_pattern') return;
    for (const p of nameNode.namedChildren) {
      if (!p) continue;
      if (p.type === 'shorthand_property_identifier_pattern') this.imports.set(p.text, { ...target, path: [...target.path, p.text] });
      else if (p.type === 'pair_pattern') {
        const key = p.childForFieldName('key'), local = p.childForFieldName('value');
        if (key && local?.type === 'identifier') this.imports.set(local.text, { ...target, path: [...target.path, key.text] });
      }
    }
  }

  protected definitionsAt(node: Node, name: string, out: Binding[]): void {
    let target = node;
    if (name.includes('.')) {
      const member = node.parent;
      if (!member || member.type !== 'member_expression' || member.childForFieldName('property')?.id !== node.id) return;
      target = member;
    }
    const p = target.parent;
    if (!p) return;
    switch (p.type) {
      case 'variable_declarator': {
        if (p.childForFieldName('name')?.id !== target.id) return;
        const scope = enclosingFunction(p);
        const value = p.childForFieldName('value');
        const type = p.childForFieldName('type');
        if (value) out.push({ kind: 'value', node: value, pos: p.startIndex, scope });
        if (type) out.push({ kind: 'type', node: type, pos: p.startIndex, scope });
        return;
      }
      case 'assignment_expression': case 'augmented_assignment_expression': {
        if (p.childForFieldName('left')?.id !== target.id) return;
        const value = p.childForFieldName('right');
        if (value) out.push({ kind: 'value', node: value, pos: p.startIndex, scope: enclosingFunction(p),
          ...(p.type === 'augmented_assignment_expression' ? { augmented: true } : {}) });
        return;
      }
      case 'object_pattern': case 'pair_pattern': {
        // const { model } = config  /  const { model: m } = config
        const pattern = p.type === 'pair_pattern' ? p.parent : p;
        const key = p.type === 'pair_pattern' ? p.childForFieldName('key')?.text : target.text;
        const decl = pattern?.parent;
        if (!key || decl?.type !== 'variable_declarator') return;
        const value = decl.childForFieldName('value');
        if (value) out.push({ kind: 'value', node: value, pos: decl.startIndex, scope: enclosingFunction(decl), destructureKey: key });
        return;
      }
      case 'required_parameter': case 'optional_parameter':
        this.parameter(p, target, out, false);
        return;
      case 'assignment_pattern': {
        if (p.childForFieldName('left')?.id !== target.id) return;
        const fn = p.parent?.parent;
        const value = p.childForFieldName('right');
        if (value) out.push({ kind: 'param-default', node: value, pos: p.startIndex, scope: fn ? { start: fn.startIndex, end: fn.endIndex } : null });
        return;
      }
      case 'member_expression': case 'subscript_expression': {
        // opts.model = "…" / opts["model"] = "…"
        const assign = p.parent;
        if (p.childForFieldName('object')?.id !== target.id || assign?.type !== 'assignment_expression' ||
            assign.childForFieldName('left')?.id !== p.id) return;
        const keyNode = p.type === 'member_expression' ? p.childForFieldName('property') : p.childForFieldName('index');
        const k = keyNode?.type === 'property_identifier' ? keyNode.text : keyNode?.type === 'string' ? keyNode.text.slice(1, -1) : null;
        const value = assign.childForFieldName('right');
        if (value && k) out.push({ kind: 'value', node: value, pos: assign.startIndex, scope: enclosingFunction(assign), setKey: k });
        return;
      }
      case 'object_assignment_pattern': {
        // `{ model = "gpt-4o" }`: in a signature the default is what is known; in a declaration, the key, then it.
        if (p.childForFieldName('left')?.id !== target.id) return;
        const def = p.childForFieldName('right');
        const decl = p.parent?.parent;
        if (decl?.type === 'variable_declarator') {
          const value = decl.childForFieldName('value');
          if (value) out.push({ kind: 'value', node: value, pos: decl.startIndex, scope: enclosingFunction(decl), destructureKey: target.text });
        }
        let fn: Node | null = p.parent;
        while (fn && fn.type !== 'formal_parameters' && fn.type !== 'variable_declarator') fn = fn.parent;
        const scope = fn?.type === 'formal_parameters' && fn.parent ? { start: fn.parent.startIndex, end: fn.parent.endIndex } : enclosingFunction(p);
        if (def) out.push({ kind: 'param-default', node: def, pos: p.startIndex, scope });
        return;
      }
      case 'formal_parameters': {
        const fn = p.parent;
        out.push({ kind: 'param', node: target, pos: target.startIndex, scope: fn ? { start: fn.startIndex, end: fn.endIndex } : null });
        return;
      }
    }
  }

  private parameter(p: Node, id: Node, out: Binding[], asField: boolean): void {
    if (p.childForFieldName('pattern')?.id !== id.id) return;
    const fn = p.parent?.parent;
    const scope = asField || !fn ? null : { start: fn.startIndex, end: fn.endIndex };
    const type = p.childForFieldName('type');
    const value = p.childForFieldName('value');
    if (type) out.push({ kind: 'type', node: type, pos: p.startIndex, scope });
    if (value) out.push({ kind: 'param-default', node: value, pos: p.startIndex, scope });
    if (!type && !value) out.push({ kind: 'param', node: id, pos: p.startIndex, scope });
  }

  /** `this.x` is also set by a class field `x = …` / `x: T` and a constructor parameter property `private x: T`. */
  protected override classAttributeAt(node: Node, out: Binding[]): void {
    const p = node.parent;
    if (!p) return;
    if ((p.type === 'public_field_definition' || p.type === 'field_definition') &&
        (p.childForFieldName('name') ?? p.childForFieldName('property'))?.id === node.id) {
      const value = p.childForFieldName('value');
      const type = p.childForFieldName('type');
      if (value) out.push({ kind: 'value', node: value, pos: p.startIndex, scope: null });
      if (type) out.push({ kind: 'type', node: type, pos: p.startIndex, scope: null });
      return;
    }
    if ((p.type === 'required_parameter' || p.type === 'optional_parameter') &&
        p.namedChildren.some((c) => c?.type === 'accessibility_modifier' || c?.type === 'override_modifier') || /^readonly\b/.test(p.text)) {
      if (p.type === 'required_parameter' || p.type === 'optional_parameter') this.parameter(p, node, out, true);
    }
  }
}
