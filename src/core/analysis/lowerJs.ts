// Lowers JavaScript / TypeScript syntax nodes into the neutral expression form (ir.ts).

import type { Node } from '../languages/parser';
import type { PromptPiece } from '../types';
import type { Arg, Entry, Expr, StrPart } from './ir';
import { mergeText } from './lowerPython';
import { decodeJs, scanPlaceholders } from './strings';

const MAX_DEPTH = 120;

/** TS wrappers that do not change the value. */
const TRANSPARENT = new Set(['parenthesized_expression', 'await_expression', 'as_expression', 'satisfies_expression',
  'non_null_expression', 'type_assertion']);

export function lowerJs(node: Node, depth = 0): Expr {
  if (depth > MAX_DEPTH) return { k: 'other', node };
  const d = depth + 1;
  if (TRANSPARENT.has(node.type)) {
    const inner = node.namedChildren.find((c) => c && c.type !== 'comment' && !c.type.startsWith('type'));
    return inner ? lowerJs(inner, d) : { k: 'other', node };
  }
  switch (node.type) {
    case 'identifier': case 'shorthand_property_identifier': case 'this':
      return { k: 'name', node, name: node.text };
    case 'string':
      return lowerString(node);
    case 'template_string':
      return lowerTemplate(node, d);
    case 'number': {
      const v = Number(node.text.replace(/_/g, '').replace(/n$/, ''));
      return Number.isFinite(v) ? { k: 'num', node, value: v } : { k: 'other', node };
    }
    case 'true': return { k: 'bool', node, value: true };
    case 'false': return { k: 'bool', node, value: false };
    case 'null': case 'undefined': return { k: 'null', node };
    case 'member_expression': {
      const obj = node.childForFieldName('object');
      const prop = node.childForFieldName('property');
      if (!obj || !prop) return { k: 'other', node };
      return { k: 'member', node, object: lowerJs(obj, d), prop: prop.text, propNode: prop };
    }
    case 'subscript_expression': {
      const obj = node.childForFieldName('object');
      const idx = node.childForFieldName('index');
      if (!obj || !idx) return { k: 'other', node };
      const index = lowerJs(idx, d);
      // o['prop'] is o.prop
      if (index.k === 'str' && index.parts.length === 1 && 'text' in index.parts[0]) {
        return { k: 'member', node, object: lowerJs(obj, d), prop: index.parts[0].text, propNode: idx };
      }
      return { k: 'subscript', node, object: lowerJs(obj, d), index };
    }
    case 'call_expression': case 'new_expression': {
      const fn = node.childForFieldName(node.type === 'new_expression' ? 'constructor' : 'function');
      const argsNode = node.childForFieldName('arguments');
      if (!fn) return { k: 'other', node };
      const args: Arg[] = [];
      if (argsNode && argsNode.type === 'template_string') {
        // tagged template: dedent`…`
        args.push({ name: null, value: lowerTemplate(argsNode, d), node: argsNode });
      } else if (argsNode) {
        for (const a of argsNode.namedChildren) {
          if (!a || a.type === 'comment') continue;
          if (a.type === 'spread_element') {
            const inner = a.namedChildren[0];
            if (inner) args.push({ name: null, value: lowerJs(inner, d), node: a, spread: 'list' });
          } else args.push({ name: null, value: lowerJs(a, d), node: a });
        }
      }
      return { k: 'call', node, callee: lowerJs(fn, d), args, argsNode, isNew: node.type === 'new_expression' };
    }
    case 'object': {
      const entries: Entry[] = [];
      for (const c of node.namedChildren) {
        if (!c || c.type === 'comment') continue;
        if (c.type === 'pair') {
          const key = c.childForFieldName('key');
          const value = c.childForFieldName('value');
          if (!key || !value) continue;
          entries.push({ key: keyText(key), value: lowerJs(value, d), node: c });
        } else if (c.type === 'shorthand_property_identifier') {
          entries.push({ key: c.text, value: { k: 'name', node: c, name: c.text }, node: c });
        } else if (c.type === 'spread_element') {
          const inner = c.namedChildren[0];
          if (inner) entries.push({ key: null, value: lowerJs(inner, d), node: c, spread: true });
        }
      }
      return { k: 'dict', node, entries };
    }
    case 'array': {
      const items: Expr[] = [];
      for (const c of node.namedChildren) {
        if (!c || c.type === 'comment') continue;
        if (c.type === 'spread_element') {
          const inner = c.namedChildren[0];
          if (inner) items.push({ k: 'spread', node: c, value: lowerJs(inner, d) });
        } else items.push(lowerJs(c, d));
      }
      return { k: 'list', node, items };
    }
    case 'binary_expression': {
      const l = node.childForFieldName('left'), r = node.childForFieldName('right'), op = node.childForFieldName('operator');
      if (!l || !r) return { k: 'other', node };
      return { k: 'binop', node, op: op ? op.text : '?', left: lowerJs(l, d), right: lowerJs(r, d) };
    }
    case 'ternary_expression': {
      const a = node.childForFieldName('consequence'), b = node.childForFieldName('alternative');
      if (!a || !b) return { k: 'other', node };
      return { k: 'cond', node, a: lowerJs(a, d), b: lowerJs(b, d) };
    }
    case 'arrow_function': case 'function_expression': case 'function':
      return { k: 'func', node };
    default:
      return { k: 'other', node };
  }
}

function keyText(key: Node): string | null {
  if (key.type === 'property_identifier' || key.type === 'identifier' || key.type === 'number') return key.text;
  if (key.type === 'string') {
    const s = lowerString(key);
    return s.k === 'str' && s.parts.length <= 1 ? (s.parts[0] && 'text' in s.parts[0] ? s.parts[0].text : '') : null;
  }
  return null;
}

function lowerString(node: Node): Expr {
  const text = node.text;
  const quote = text[0];
  if (quote !== '"' && quote !== "'") return { k: 'other', node };
  const body = text.slice(1, text.endsWith(quote) && text.length > 1 ? -1 : undefined);
  const piece: PromptPiece = {
    span: { start: node.startIndex, end: node.endIndex },
    contentSpan: { start: node.startIndex + 1, end: node.startIndex + 1 + body.length },
    prefix: '',
    quote,
    interpolated: false,
  };
  return { k: 'str', node, parts: scanPlaceholders(decodeJs(body)), piece, raw: false };
}

function lowerTemplate(node: Node, depth: number): Expr {
  const parts: StrPart[] = [];
  let interpolated = false;
  for (const c of node.namedChildren) {
    if (!c) continue;
    if (c.type === 'string_fragment') parts.push(...scanPlaceholders(c.text));
    else if (c.type === 'escape_sequence') parts.push({ text: decodeJs(c.text) });
    else if (c.type === 'template_substitution') {
      interpolated = true;
      const expr = c.namedChildren.find((x) => x && x.type !== 'comment');
      parts.push({
        placeholder: { text: c.text, name: expr ? expr.text : '', syntax: 'template' },
        expr: expr ? lowerJs(expr, depth + 1) : undefined,
      });
    }
  }
  const piece: PromptPiece = {
    span: { start: node.startIndex, end: node.endIndex },
    contentSpan: { start: node.startIndex + 1, end: Math.max(node.startIndex + 1, node.endIndex - 1) },
    prefix: '',
    quote: '`',
    interpolated,
  };
  return { k: 'str', node, parts: mergeText(parts), piece, raw: false };
}
