// What one pass over a file collects for the evaluator: imports, bindings (assignments, parameters, fields),
// candidate calls, local functions and `prompt-cost` comments. Collected with tree-sitter queries (run inside
// WASM), so the JS side touches only the nodes that matter.

import type { Node } from '../languages/parser';
import type { Span } from '../types';

export interface ImportTarget {
  /** Python dotted module or npm package (with subpath). */
  module: string;
  /** Member path inside it (`['OpenAI']`, `['default']` for a JS default import, `[]` for the module itself). */
  path: string[];
  /** `import a.b.c` binds `a` only: the name is a prefix of the dotted module path. */
  prefixOnly?: boolean;
}

export type BindingKind = 'value' | 'type' | 'param-default' | 'param';

export interface Binding {
  kind: BindingKind;
  /** The value expression (kind value/param-default) or the type annotation node (kind type). */
  node: Node;
  /** Offset of the binding statement. */
  pos: number;
  /** Enclosing function span, or null at module (or class) level. */
  scope: Span | null;
  /** `x += …` (adds to a string being built). */
  augmented?: boolean;
  /** For `a, b = x, y` style destructuring we only keep simple names; for `{ A } = require('m')` the key. */
  destructureKey?: string;
}

export interface FileFacts {
  imports: Map<string, ImportTarget>;
  bindings: Map<string, Binding[]>;
  /** Candidate call nodes (filtered by callee name), in source order. */
  calls: Node[];
  /** `xs.append(v)` / `xs.push(v)` / `xs.extend([...])`, by receiver name: the argument nodes. */
  appends: Map<string, { arg: Node; pos: number; extend: boolean }[]>;
  /** Local functions by name (for `return OpenAI()` factories). */
  functions: Map<string, Node>;
  /** Comments that mention `prompt-cost`. */
  comments: { span: Span; text: string; line: number }[];
  hasErrors: boolean;
}

export function newFacts(): FileFacts {
  return { imports: new Map(), bindings: new Map(), calls: [], appends: new Map(), functions: new Map(), comments: [], hasErrors: false };
}

export function addBinding(facts: FileFacts, name: string, b: Binding): void {
  const list = facts.bindings.get(name);
  if (list) list.push(b);
  else facts.bindings.set(name, [b]);
}

const FUNCTION_TYPES = new Set(['function_definition', 'lambda', 'function_declaration', 'function_expression', 'arrow_function',
  'method_definition', 'generator_function_declaration', 'generator_function', 'function']);

/** The span of the nearest enclosing function, or null at module/class level. */
export function enclosingFunction(node: Node): Span | null {
  for (let p = node.parent; p; p = p.parent) {
    if (FUNCTION_TYPES.has(p.type)) return { start: p.startIndex, end: p.endIndex };
  }
  return null;
}

export function isFunctionType(type: string): boolean {
  return FUNCTION_TYPES.has(type);
}
