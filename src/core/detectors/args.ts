// The arguments of a call as one keyword map, whatever the language: Python keywords (with `**dict` spreads
// resolved), or the single options object JS SDKs take (with `...spread` resolved).

import type { Node } from '../languages/parser';
import type { Evaluator } from '../analysis/evaluator';
import type { Entry, Expr } from '../analysis/ir';
import type { Value } from '../analysis/values';
import type { ArgRef } from './spec';

export interface ArgSlot {
  expr: Expr;
  /** The node to point at (the keyword argument / property), for spans. */
  node: Node;
  /** Reached through a same-file name (a `**params` dict, an options object constant): not written at the call. */
  indirect?: boolean;
}

export interface CallArgs {
  named: Map<string, ArgSlot>;
  positional: Expr[];
  /** A spread (`**kwargs`, `...opts`) that could not be resolved: any parameter may hide in it. */
  opaque: boolean;
  /** The container a new keyword/property goes into: Python argument list or the JS options object literal. */
  container: Node | null;
  containerKind: 'python-args' | 'js-object' | 'python-dict' | null;
}

export function readArgs(ev: Evaluator, call: Extract<Expr, { k: 'call' }>, optionsPos = 0): CallArgs {
  const out: CallArgs = { named: new Map(), positional: [], opaque: false, container: null, containerKind: null };
  if (ev.lang === 'python') {
    out.container = call.argsNode;
    out.containerKind = call.argsNode?.type === 'argument_list' ? 'python-args' : null;
    for (const a of call.args) {
      if (a.spread === 'dict') mergeDict(ev, ev.eval(a.value), out, true);
      else if (a.name) out.named.set(a.name, { expr: a.value, node: a.node });
      else out.positional.push(a.value);
    }
    return out;
  }
  for (const a of call.args) {
    if (a.spread) { out.opaque = true; continue; }
    out.positional.push(a.value);
  }
  // JS SDKs take one options object: its properties are the keyword arguments. Older APIs put it after positional
  // arguments (`createCompletion("text-davinci-001", { max_tokens: 5 })`): then the first object literal.
  let first = call.args[optionsPos];
  if (first && !first.spread && first.value.k !== 'dict' && ev.eval(first.value).t !== 'dict') {
    first = call.args.find((a, i) => i > optionsPos && !a.spread && a.value.k === 'dict') ?? first;
  }
  if (first && !first.spread) {
    if (first.value.k === 'dict') {
      out.container = first.value.node;
      out.containerKind = 'js-object';
      mergeEntries(ev, first.value.entries, out);
    } else {
      const v = ev.eval(first.value);
      if (v.t === 'dict') {
        out.container = v.node.type === 'object' ? v.node : null;
        out.containerKind = out.container ? 'js-object' : null;
        mergeEntries(ev, v.entries, out, 0, true);
      }
    }
  }
  return out;
}

/** A dict written or named in the file as keyword arguments (the JSON body of a raw HTTP request). */
export function dictArgs(ev: Evaluator, expr: Expr): CallArgs | null {
  const v = ev.eval(expr);
  if (v.t !== 'dict') return null;
  const out: CallArgs = { named: new Map(), positional: [], opaque: false, container: null, containerKind: null };
  const literal = expr.k === 'dict' ? expr.node : v.node.type === 'dictionary' || v.node.type === 'object' ? v.node : null;
  if (literal) {
    out.container = literal;
    out.containerKind = ev.lang === 'python' ? 'python-dict' : 'js-object';
  }
  mergeEntries(ev, v.entries, out, 0, expr.k !== 'dict');
  if (v.partial) out.opaque = true;
  return out;
}

function mergeDict(ev: Evaluator, v: Value, out: CallArgs, indirect: boolean): void {
  if (v.t === 'dict') {
    mergeEntries(ev, v.entries, out, 0, indirect);
    if (v.partial) out.opaque = true;
  } else out.opaque = true;
}

function mergeEntries(ev: Evaluator, entries: Entry[], out: CallArgs, depth = 0, indirect = false): void {
  for (const en of entries) {
    if (en.spread) {
      const v = ev.eval(en.value);
      if (v.t === 'dict' && depth < 8) mergeEntries(ev, v.entries, out, depth + 1, true);
      else out.opaque = true;
    } else if (en.key !== null) {
      // later entries win, as at run time
      out.named.set(en.key, indirect ? { expr: en.value, node: en.node, indirect } : { expr: en.value, node: en.node });
    }
  }
}

/** The argument an ArgRef names: a keyword/property (dotted names look inside nested dicts) or a position. */
export function getArg(ev: Evaluator, args: CallArgs, ref: ArgRef): ArgSlot | null {
  for (const name of ref.names) {
    if (!name.includes('.')) {
      const hit = args.named.get(name);
      if (hit) return hit;
      continue;
    }
    const [outer, inner] = name.split('.', 2);
    const holder = args.named.get(outer);
    if (!holder) continue;
    const v = ev.eval(holder.expr);
    if (v.t !== 'dict') continue;
    const en = findEntry(ev, v.entries, inner);
    if (en) return en;
  }
  if (ref.pos !== undefined) {
    const p = args.positional[ref.pos];
    if (p && !(ev.lang === 'js' && ref.pos === 0 && p.k === 'dict' && ref.names.length)) return { expr: p, node: p.node };
  }
  return null;
}

export function findEntry(ev: Evaluator, entries: Entry[], key: string, depth = 0): ArgSlot | null {
  for (let i = entries.length - 1; i >= 0; i--) {
    const en = entries[i];
    if (en.spread) {
      const v = ev.eval(en.value);
      if (v.t === 'dict' && depth < 8) {
        const hit = findEntry(ev, v.entries, key, depth + 1);
        if (hit) return hit;
      }
    } else if (en.key === key) return { expr: en.value, node: en.node };
  }
  return null;
}
