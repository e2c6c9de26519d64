// Python facts (see facts.ts).

import type { Node, Parsers, Tree } from '../languages/parser';
import { addBinding, enclosingFunction, type FileFacts, newFacts } from './facts';

const QUERY = `
(import_statement) @import
(import_from_statement) @import
(assignment) @assign
(augmented_assignment) @aug
(with_item) @with
(parameters) @params
(function_definition name: (identifier) @fname)
(call function: (attribute attribute: (identifier) @m))
(call function: (identifier) @f)
(comment) @comment
`;

export function collectPython(tree: Tree, parsers: Parsers, isCandidate: (name: string) => boolean): FileFacts {
  const facts = newFacts();
  facts.hasErrors = tree.rootNode.hasError;
  const q = parsers.query('python', QUERY);
  const caps = q.captures(tree.rootNode);
  for (let i = 0; i < caps.length; i++) {
    const { name, node } = caps[i];
    switch (name) {
      case 'import': collectImport(node, facts); break;
      case 'assign': case 'aug': collectAssignment(node, facts, name === 'aug'); break;
      case 'with': collectWith(node, facts); break;
      case 'params': collectParams(node, facts); break;
      case 'fname': {
        const fn = node.parent;
        if (fn) facts.functions.set(node.text, fn);
        break;
      }
      case 'm': {
        const m = node.text;
        const call = node.parent?.parent;
        if (!call) break;
        if (m === 'append' || m === 'extend') collectAppend(call, facts, m === 'extend');
        else if (isCandidate(m)) facts.calls.push(call);
        break;
      }
      case 'f':
        if (isCandidate(node.text) && node.parent) facts.calls.push(node.parent);
        break;
      case 'comment':
        if (node.text.includes('prompt-cost')) {
          facts.comments.push({ span: { start: node.startIndex, end: node.endIndex }, text: node.text, line: node.startPosition.row });
        }
        break;
    }
  }
  return facts;
}

function collectImport(node: Node, facts: FileFacts): void {
  if (node.type === 'import_statement') {
    for (const c of node.namedChildren) {
      if (!c) continue;
      if (c.type === 'dotted_name') {
        const dotted = c.text;
        const first = dotted.split('.')[0];
        facts.imports.set(first, { module: dotted, path: [], prefixOnly: dotted.includes('.') });
      } else if (c.type === 'aliased_import') {
        const mod = c.childForFieldName('name'), alias = c.childForFieldName('alias');
        if (mod && alias) facts.imports.set(alias.text, { module: mod.text, path: [] });
      }
    }
    return;
  }
  // from X import a, b as c
  const modNode = node.childForFieldName('module_name');
  if (!modNode || modNode.type === 'relative_import') return;
  const module = modNode.text;
  for (const c of node.namedChildren) {
    if (!c || c === modNode || c.startIndex === modNode.startIndex) continue;
    if (c.type === 'dotted_name') facts.imports.set(c.text.split('.').pop()!, { module, path: c.text.split('.') });
    else if (c.type === 'aliased_import') {
      const n = c.childForFieldName('name'), alias = c.childForFieldName('alias');
      if (n && alias) facts.imports.set(alias.text, { module, path: n.text.split('.') });
    }
  }
}

function targetName(left: Node): string | null {
  if (left.type === 'identifier') return left.text;
  if (left.type === 'attribute') {
    const obj = left.childForFieldName('object'), attr = left.childForFieldName('attribute');
    if (obj && attr && (obj.type === 'identifier')) return `${obj.text === 'cls' ? 'self' : obj.text}.${attr.text}`;
  }
  return null;
}

function collectAssignment(node: Node, facts: FileFacts, augmented: boolean): void {
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  if (!left) return;
  const scope = enclosingFunction(node);
  const name = targetName(left);
  if (name && right) {
    // `x = y = value` nests assignments on the right: bind x to the innermost value.
    let value: Node = right;
    while (value.type === 'assignment') {
      const inner = value.childForFieldName('right');
      if (!inner) break;
      const innerLeft = value.childForFieldName('left');
      const innerName = innerLeft && targetName(innerLeft);
      if (innerName) addBinding(facts, innerName, { kind: 'value', node: inner, pos: node.startIndex, scope });
      value = inner;
    }
    addBinding(facts, name, { kind: 'value', node: value, pos: node.startIndex, scope, augmented });
    // Class attributes are read as self.x.
    if (!name.includes('.') && node.parent?.parent?.parent?.type === 'class_definition') {
      addBinding(facts, 'self.' + name, { kind: 'value', node: value, pos: node.startIndex, scope });
    }
  } else if (name && !right) {
    const type = node.childForFieldName('type');
    if (type) addBinding(facts, name, { kind: 'type', node: type, pos: node.startIndex, scope });
  }
  if (name) {
    const type = node.childForFieldName('type');
    if (type && right) addBinding(facts, name, { kind: 'type', node: type, pos: node.startIndex, scope });
  }
  // a, b = x, y
  if (!name && right && (left.type === 'pattern_list' || left.type === 'tuple_pattern') &&
      (right.type === 'expression_list' || right.type === 'tuple')) {
    const ls = left.namedChildren, rs = right.namedChildren;
    for (let i = 0; i < ls.length && i < rs.length; i++) {
      const l = ls[i], r = rs[i];
      const n = l && targetName(l);
      if (n && r) addBinding(facts, n, { kind: 'value', node: r, pos: node.startIndex, scope });
    }
  }
}

function collectWith(node: Node, facts: FileFacts): void {
  const pat = node.namedChildren[0];
  if (!pat || pat.type !== 'as_pattern') return;
  const value = pat.namedChildren[0];
  const target = pat.childForFieldName('alias') ?? pat.namedChildren[1];
  const id = target?.type === 'as_pattern_target' ? target.namedChildren[0] : target;
  if (value && id && id.type === 'identifier') {
    addBinding(facts, id.text, { kind: 'value', node: value, pos: node.startIndex, scope: enclosingFunction(node) });
  }
}

function collectParams(node: Node, facts: FileFacts): void {
  const fn = node.parent;
  if (!fn) return;
  const scope = { start: fn.startIndex, end: fn.endIndex };
  for (const p of node.namedChildren) {
    if (!p) continue;
    const nameNode = p.type === 'identifier' ? p : p.childForFieldName('name') ?? p.namedChildren[0];
    if (!nameNode || nameNode.type !== 'identifier') continue;
    const name = nameNode.text;
    const type = p.childForFieldName('type');
    const value = p.childForFieldName('value');
    if (type) addBinding(facts, name, { kind: 'type', node: type, pos: p.startIndex, scope });
    if (value) addBinding(facts, name, { kind: 'param-default', node: value, pos: p.startIndex, scope });
    if (!type && !value) addBinding(facts, name, { kind: 'param', node: p, pos: p.startIndex, scope });
  }
}

function collectAppend(call: Node, facts: FileFacts, extend: boolean): void {
  const fn = call.childForFieldName('function');
  const obj = fn?.childForFieldName('object');
  const args = call.childForFieldName('arguments');
  const arg = args?.namedChildren.find((c) => c && c.type !== 'comment');
  if (!obj || !arg) return;
  const key = obj.type === 'identifier' ? obj.text : obj.type === 'attribute' ? targetName(obj) : null;
  if (!key) return;
  const list = facts.appends.get(key) ?? [];
  list.push({ arg, pos: call.startIndex, extend });
  facts.appends.set(key, list);
}
