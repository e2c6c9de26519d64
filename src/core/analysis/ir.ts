// A small language-neutral expression form. Python and JS/TS syntax trees are lowered into it on demand (only the
// expressions a detector asks about), so one evaluator and one provider table serve every language.

import type { Node } from '../languages/parser';
import type { Placeholder, PromptPiece, Span } from '../types';

export type StrPart = { text: string } | { placeholder: Placeholder; expr?: Expr };

export interface Arg {
  /** Keyword (Python `name=`) or null for positional. JS passes options as one object: that is positional 0. */
  name: string | null;
  value: Expr;
  node: Node;
  /** `*xs` / `...xs` (list) or `**kw` (dict). */
  spread?: 'list' | 'dict';
}

export interface Entry {
  /** Key when it is a literal name or string; null for computed keys. */
  key: string | null;
  value: Expr;
  node: Node;
  /** `**d` in a dict, `...o` in an object. */
  spread?: boolean;
}

export type Expr =
  | { k: 'str'; node: Node; parts: StrPart[]; piece: PromptPiece | null; raw: boolean }
  | { k: 'num'; node: Node; value: number }
  | { k: 'bool'; node: Node; value: boolean }
  | { k: 'null'; node: Node }
  | { k: 'name'; node: Node; name: string }
  | { k: 'member'; node: Node; object: Expr; prop: string; propNode: Node }
  | { k: 'subscript'; node: Node; object: Expr; index: Expr }
  | { k: 'call'; node: Node; callee: Expr; args: Arg[]; argsNode: Node | null; isNew: boolean }
  | { k: 'dict'; node: Node; entries: Entry[] }
  | { k: 'list'; node: Node; items: Expr[] }
  | { k: 'spread'; node: Node; value: Expr }
  | { k: 'binop'; node: Node; op: string; left: Expr; right: Expr }
  | { k: 'cond'; node: Node; a: Expr; b: Expr }
  | { k: 'func'; node: Node }
  | { k: 'other'; node: Node };

export function spanOf(node: Node): Span {
  return { start: node.startIndex, end: node.endIndex };
}

/** The last name of a callee: `create` of `client.chat.completions.create`, `fetch` of `fetch`. */
export function lastNameOf(e: Expr): string {
  return e.k === 'member' ? e.prop : e.k === 'name' ? e.name : '';
}

/** A chain `a.b.c` as the base expression and the property names after it. */
export function memberChain(e: Expr): { base: Expr; path: string[] } {
  const path: string[] = [];
  let cur = e;
  while (cur.k === 'member') {
    path.unshift(cur.prop);
    cur = cur.object;
  }
  return { base: cur, path };
}
