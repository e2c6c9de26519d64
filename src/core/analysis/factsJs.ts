// JavaScript / TypeScript facts (see facts.ts).

import type { LanguageId } from '../types';
import type { Node, Parsers, Tree } from '../languages/parser';
import { addBinding, enclosingFunction, type FileFacts, newFacts } from './facts';

const COMMON = `
(import_statement) @import
(variable_declarator) @decl
(assignment_expression) @assign
(augmented_assignment_expression) @aug
(formal_parameters) @params
(function_declaration name: (identifier) @fname)
(call_expression function: (member_expression property: (property_identifier) @m))
(call_expression function: (identifier) @f)
(new_expression constructor: (identifier) @f)
(new_expression constructor: (member_expression property: (property_identifier) @m))
(comment) @comment
`;
const QUERIES: Record<string, string> = {
  javascript: COMMON + '(field_definition) @field\n',
  typescript: COMMON + '(public_field_definition) @field\n',
  tsx: COMMON + '(public_field_definition) @field\n',
};

export function collectJs(lang: LanguageId, tree: Tree, parsers: Parsers, isCandidate: (name: string) => boolean): FileFacts {
  const facts = newFacts();
  facts.hasErrors = tree.rootNode.hasError;
  const caps = parsers.query(lang, QUERIES[lang]).captures(tree.rootNode);
  for (let i = 0; i < caps.length; i++) {
    const { name, node } = caps[i];
    switch (name) {
      case 'import': collectImport(node, facts); break;
      case 'decl': collectDeclarator(node, facts); break;
      case 'assign': case 'aug': collectAssignment(node, facts, name === 'aug'); break;
      case 'field': collectField(node, facts); break;
      case 'params': collectParams(node, facts); break;
      case 'fname': if (node.parent) facts.functions.set(node.text, node.parent); break;
      case 'm': {
        const m = node.text;
        const call = node.parent?.parent;
        if (!call) break;
        if (m === 'push' || m === 'concat') collectAppend(call, facts);
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

function stringValue(node: Node | null | undefined): string | null {
  if (!node || node.type !== 'string') return null;
  return node.text.slice(1, -1);
}

function collectImport(node: Node, facts: FileFacts): void {
  const source = stringValue(node.childForFieldName('source'));
  if (!source) return;
  const clause = node.namedChildren.find((c) => c?.type === 'import_clause');
  if (!clause) return;
  for (const c of clause.namedChildren) {
    if (!c) continue;
    if (c.type === 'identifier') facts.imports.set(c.text, { module: source, path: ['default'] });
    else if (c.type === 'namespace_import') {
      const id = c.namedChildren[0];
      if (id) facts.imports.set(id.text, { module: source, path: [] });
    } else if (c.type === 'named_imports') {
      for (const s of c.namedChildren) {
        if (!s || s.type !== 'import_specifier') continue;
        const n = s.childForFieldName('name'), alias = s.childForFieldName('alias');
        if (n) facts.imports.set((alias ?? n).text, { module: source, path: [n.text] });
      }
    }
  }
}

/** `require('m')` or `require('m').X` → the import target. */
function requireTarget(value: Node): { module: string; path: string[] } | null {
  let v = value;
  const path: string[] = [];
  while (v.type === 'member_expression') {
    const prop = v.childForFieldName('property');
    if (prop) path.unshift(prop.text);
    v = v.childForFieldName('object')!;
    if (!v) return null;
  }
  if (v.type === 'await_expression') v = v.namedChildren[0] ?? v;
  if (v.type !== 'call_expression') return null;
  const fn = v.childForFieldName('function');
  if (!fn || (fn.text !== 'require' && fn.type !== 'import')) return null;
  const arg = v.childForFieldName('arguments')?.namedChildren[0];
  const module = stringValue(arg);
  return module ? { module, path } : null;
}

function collectDeclarator(node: Node, facts: FileFacts): void {
  const nameNode = node.childForFieldName('name');
  const value = node.childForFieldName('value');
  if (!nameNode) return;
  const scope = enclosingFunction(node);
  const req = value ? requireTarget(value) : null;
  if (nameNode.type === 'identifier') {
    if (req) { facts.imports.set(nameNode.text, req); return; }
    if (value) addBinding(facts, nameNode.text, { kind: 'value', node: value, pos: node.startIndex, scope });
    const type = node.childForFieldName('type');
    if (type) addBinding(facts, nameNode.text, { kind: 'type', node: type, pos: node.startIndex, scope });
    return;
  }
  if (nameNode.type === 'object_pattern' && value) {
    for (const p of nameNode.namedChildren) {
      if (!p) continue;
      let key: string | null = null, local: string | null = null;
      if (p.type === 'shorthand_property_identifier_pattern') key = local = p.text;
      else if (p.type === 'pair_pattern') {
        key = p.childForFieldName('key')?.text ?? null;
        const v = p.childForFieldName('value');
        local = v?.type === 'identifier' ? v.text : null;
      }
      if (!key || !local) continue;
      if (req) facts.imports.set(local, { module: req.module, path: [...req.path, key] });
      else addBinding(facts, local, { kind: 'value', node: value, pos: node.startIndex, scope, destructureKey: key });
    }
  }
}

function memberTarget(left: Node): string | null {
  if (left.type === 'identifier') return left.text;
  if (left.type === 'member_expression') {
    const obj = left.childForFieldName('object'), prop = left.childForFieldName('property');
    if (obj && prop && (obj.type === 'this' || obj.type === 'identifier')) return `${obj.type === 'this' ? 'this' : obj.text}.${prop.text}`;
  }
  return null;
}

function collectAssignment(node: Node, facts: FileFacts, augmented: boolean): void {
  const left = node.childForFieldName('left'), right = node.childForFieldName('right');
  if (!left || !right) return;
  const name = memberTarget(left);
  if (!name) return;
  const req = requireTarget(right);
  if (req && !name.includes('.')) { facts.imports.set(name, req); return; }
  addBinding(facts, name, { kind: 'value', node: right, pos: node.startIndex, scope: enclosingFunction(node), augmented });
}

function collectField(node: Node, facts: FileFacts): void {
  const prop = node.childForFieldName('name') ?? node.childForFieldName('property');
  if (!prop) return;
  const name = 'this.' + prop.text;
  const value = node.childForFieldName('value');
  const type = node.childForFieldName('type');
  if (value) addBinding(facts, name, { kind: 'value', node: value, pos: node.startIndex, scope: null });
  if (type) addBinding(facts, name, { kind: 'type', node: type, pos: node.startIndex, scope: null });
  // Static fields are read as ClassName.x too; keep the bare name for same-class references.
  if (value && node.text.startsWith('static')) addBinding(facts, prop.text, { kind: 'value', node: value, pos: node.startIndex, scope: null });
}

function collectParams(node: Node, facts: FileFacts): void {
  const fn = node.parent;
  if (!fn) return;
  const scope = { start: fn.startIndex, end: fn.endIndex };
  for (const p of node.namedChildren) {
    if (!p) continue;
    let id: Node | null = null, type: Node | null = null, value: Node | null = null;
    let property = false;
    if (p.type === 'identifier') id = p;
    else if (p.type === 'required_parameter' || p.type === 'optional_parameter') {
      const pat = p.childForFieldName('pattern');
      id = pat?.type === 'identifier' ? pat : null;
      type = p.childForFieldName('type');
      value = p.childForFieldName('value');
      property = p.namedChildren.some((c) => c?.type === 'accessibility_modifier' || c?.type === 'override_modifier') ||
        /^\s*readonly\b/.test(p.text);
    } else if (p.type === 'assignment_pattern') {
      const l = p.childForFieldName('left');
      id = l?.type === 'identifier' ? l : null;
      value = p.childForFieldName('right');
    }
    if (!id) continue;
    const names = property ? [id.text, 'this.' + id.text] : [id.text];
    for (const name of names) {
      const s = name.startsWith('this.') ? null : scope;
      if (type) addBinding(facts, name, { kind: 'type', node: type, pos: p.startIndex, scope: s });
      if (value) addBinding(facts, name, { kind: 'param-default', node: value, pos: p.startIndex, scope: s });
      if (!type && !value) addBinding(facts, name, { kind: 'param', node: p, pos: p.startIndex, scope: s });
    }
  }
}

function collectAppend(call: Node, facts: FileFacts): void {
  const fn = call.childForFieldName('function');
  const obj = fn?.childForFieldName('object');
  const args = call.childForFieldName('arguments');
  if (!obj || !args) return;
  const key = memberTarget(obj);
  if (!key) return;
  const list = facts.appends.get(key) ?? [];
  for (const arg of args.namedChildren) if (arg && arg.type !== 'comment') list.push({ arg, pos: call.startIndex, extend: false });
  facts.appends.set(key, list);
}
