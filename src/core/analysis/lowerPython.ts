// Lowers Python syntax nodes into the neutral expression form (ir.ts).

import type { Node } from '../languages/parser';
import type { PromptPiece } from '../types';
import type { Arg, Entry, Expr, StrPart } from './ir';
import { decodePython, scanPlaceholders } from './strings';

const MAX_DEPTH = 120;

export function lowerPython(node: Node, depth = 0): Expr {
  if (depth > MAX_DEPTH) return { k: 'other', node };
  const d = depth + 1;
  switch (node.type) {
    case 'identifier':
      return { k: 'name', node, name: node.text };
    case 'string':
      return lowerString(node, d);
    case 'concatenated_string': {
      // Implicit concatenation: "a" "b" is one string.
      const kids = node.namedChildren.filter((c): c is Node => !!c && c.type === 'string');
      let acc: Expr = lowerString(kids[0], d);
      for (let i = 1; i < kids.length; i++) acc = { k: 'binop', node, op: '+', left: acc, right: lowerString(kids[i], d) };
      return acc;
    }
    case 'integer': case 'float': {
      const v = Number(node.text.replace(/_/g, ''));
      return Number.isFinite(v) ? { k: 'num', node, value: v } : { k: 'other', node };
    }
    case 'true': return { k: 'bool', node, value: true };
    case 'false': return { k: 'bool', node, value: false };
    case 'none': return { k: 'null', node };
    case 'attribute': {
      const obj = node.childForFieldName('object');
      const attr = node.childForFieldName('attribute');
      if (!obj || !attr) return { k: 'other', node };
      return { k: 'member', node, object: lowerPython(obj, d), prop: attr.text, propNode: attr };
    }
    case 'subscript': {
      const obj = node.childForFieldName('value');
      const idx = node.childForFieldName('subscript');
      if (!obj || !idx) return { k: 'other', node };
      return { k: 'subscript', node, object: lowerPython(obj, d), index: lowerPython(idx, d) };
    }
    case 'call': {
      const fn = node.childForFieldName('function');
      const argsNode = node.childForFieldName('arguments');
      if (!fn) return { k: 'other', node };
      const args: Arg[] = [];
      if (argsNode && argsNode.type === 'argument_list') {
        for (const a of argsNode.namedChildren) {
          if (!a || a.type === 'comment') continue;
          if (a.type === 'keyword_argument') {
            const name = a.childForFieldName('name');
            const value = a.childForFieldName('value');
            if (name && value) args.push({ name: name.text, value: lowerPython(value, d), node: a });
          } else if (a.type === 'list_splat' || a.type === 'dictionary_splat') {
            const inner = a.namedChildren[0];
            if (inner) args.push({ name: null, value: lowerPython(inner, d), node: a, spread: a.type === 'list_splat' ? 'list' : 'dict' });
          } else {
            args.push({ name: null, value: lowerPython(a, d), node: a });
          }
        }
      }
      return { k: 'call', node, callee: lowerPython(fn, d), args, argsNode, isNew: false };
    }
    case 'dictionary': {
      const entries: Entry[] = [];
      for (const c of node.namedChildren) {
        if (!c) continue;
        if (c.type === 'pair') {
          const key = c.childForFieldName('key');
          const value = c.childForFieldName('value');
          if (!key || !value) continue;
          const k = lowerPython(key, d);
          entries.push({ key: k.k === 'str' && k.parts.length === 1 && 'text' in k.parts[0] ? k.parts[0].text : null, value: lowerPython(value, d), node: c });
        } else if (c.type === 'dictionary_splat') {
          const inner = c.namedChildren[0];
          if (inner) entries.push({ key: null, value: lowerPython(inner, d), node: c, spread: true });
        }
      }
      return { k: 'dict', node, entries };
    }
    case 'list': case 'tuple': case 'set': case 'expression_list': {
      const items: Expr[] = [];
      for (const c of node.namedChildren) {
        if (!c || c.type === 'comment') continue;
        if (c.type === 'list_splat') {
          const inner = c.namedChildren[0];
          if (inner) items.push({ k: 'spread', node: c, value: lowerPython(inner, d) });
        } else items.push(lowerPython(c, d));
      }
      return { k: 'list', node, items };
    }
    case 'parenthesized_expression': {
      const inner = node.namedChildren.find((c) => c && c.type !== 'comment');
      return inner ? lowerPython(inner, d) : { k: 'other', node };
    }
    case 'await': {
      const inner = node.namedChildren[0];
      return inner ? lowerPython(inner, d) : { k: 'other', node };
    }
    case 'binary_operator': {
      const l = node.childForFieldName('left'), r = node.childForFieldName('right'), op = node.childForFieldName('operator');
      if (!l || !r || !op) return { k: 'other', node };
      return { k: 'binop', node, op: op.text, left: lowerPython(l, d), right: lowerPython(r, d) };
    }
    case 'boolean_operator': {
      const l = node.childForFieldName('left'), r = node.childForFieldName('right'), op = node.childForFieldName('operator');
      if (!l || !r) return { k: 'other', node };
      return { k: 'binop', node, op: op?.text === 'and' ? '&&' : '||', left: lowerPython(l, d), right: lowerPython(r, d) };
    }
    case 'conditional_expression': {
      const kids = node.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
      if (kids.length < 3) return { k: 'other', node };
      return { k: 'cond', node, a: lowerPython(kids[0], d), b: lowerPython(kids[2], d) };
    }
    case 'lambda':
      return { k: 'func', node };
    case 'named_expression': {
      const v = node.childForFieldName('value');
      return v ? lowerPython(v, d) : { k: 'other', node };
    }
    default:
      return { k: 'other', node };
  }
}

function lowerString(node: Node, depth: number): Expr {
  const start = node.firstChild;
  const end = node.lastChild;
  if (!start || start.type !== 'string_start' || !end) return { k: 'other', node };
  const opening = start.text;
  const prefix = /^[A-Za-z]*/.exec(opening)![0];
  const quote = opening.slice(prefix.length);
  const lower = prefix.toLowerCase();
  const raw = lower.includes('r');
  const isF = lower.includes('f') || lower.includes('t');
  if (lower.includes('b')) return { k: 'other', node };
  const parts: StrPart[] = [];
  const contentStart = start.endIndex;
  const contentEnd = end.type === 'string_end' ? end.startIndex : node.endIndex;
  let interpolated = false;
  for (const c of node.children) {
    if (!c) continue;
    if (c.type === 'string_content') {
      let text = raw ? c.text : decodePython(c.text);
      if (isF) {
        text = text.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
        parts.push({ text });
      } else {
        parts.push(...scanPlaceholders(text));
      }
    } else if (c.type === 'interpolation') {
      interpolated = true;
      const expr = c.childForFieldName('expression') ?? c.namedChildren.find((x) => x && x.type !== 'type_conversion' && x.type !== 'format_specifier');
      parts.push({
        placeholder: { text: c.text, name: expr ? expr.text : '', syntax: 'fstring' },
        expr: expr ? lowerPython(expr, depth + 1) : undefined,
      });
    }
  }
  const piece: PromptPiece = {
    span: { start: node.startIndex, end: node.endIndex },
    contentSpan: { start: contentStart, end: contentEnd },
    prefix,
    quote,
    interpolated,
  };
  return { k: 'str', node, parts: mergeText(parts), piece, raw };
}

export function mergeText(parts: StrPart[]): StrPart[] {
  const out: StrPart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if ('text' in p && last && 'text' in last) out[out.length - 1] = { text: last.text + p.text };
    else if (!('text' in p) || p.text) out.push(p);
  }
  return out;
}
