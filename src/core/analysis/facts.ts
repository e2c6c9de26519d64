// What the evaluator knows about one file: imports, bindings (assignments, parameters, fields), candidate calls,
// local functions and `prompt-cost` comments.
//
// Found lazily from the text, not by walking the tree: a regular expression finds where a name occurs (native and
// fast), and only those places are looked up in the syntax tree (`descendantForIndex`). A file's cost is then
// proportional to the code that matters for LLM calls, not to its size: a query over every node of the tree
// cost as much as parsing it.

import type { Node, Tree } from '../languages/parser';
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
  /** `{ A } = obj` / `a, b = x, y`: the key (or index) taken from the value. */
  destructureKey?: string;
  /** `d["model"] = v` / `o.model = v`: sets one key of the dict bound to the name. */
  setKey?: string;
}

export interface Append {
  arg: Node;
  pos: number;
  /** `xs.extend([...])`: the argument is a list of items. */
  extend: boolean;
}

export interface PromptCostComment {
  span: Span;
  text: string;
  /** 0-based line. */
  line: number;
}

export interface FileFacts {
  readonly imports: Map<string, ImportTarget>;
  /** Candidate call nodes (callee name is one an SDK uses), in source order. */
  readonly calls: Node[];
  readonly comments: PromptCostComment[];
  readonly hasErrors: boolean;
  /** Bindings of a name (`client`, `self.client`, `this.client`), in source order. */
  bindingsOf(name: string): Binding[] | undefined;
  /** A local function (for `def make_client(): return OpenAI()` factories). */
  functionOf(name: string): Node | undefined;
  /** The method `name` of the class around `at` (`def name(self…)`, `name() {…}`). */
  methodOf(name: string, at: number): Node | undefined;
  /** The span of the class whose body holds `offset` (for `self.x` / `this.x`), or null. */
  classSpanAt(offset: number): Span | null;
  /** A local class (for `Config.MODEL`, `Settings().model`). */
  classOf(name: string): Node | undefined;
  /** The value a class gives an attribute in its body (`MODEL = "gpt-4o"`, `static model = '…'`, `model = '…'`). */
  classAttribute(cls: Node, attr: string): Node | undefined;
  /** `xs.append(v)` / `xs.push(v)` / `xs.extend([...])` on a name. */
  appendsOf(name: string): Append[] | undefined;
  /** Names assigned in the file that look like prompts (`SYSTEM_PROMPT`, `self.instructions`, …). */
  promptLikeNames(): string[];
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

// After the name: `=` (not `==`), `+=`, a type annotation then `=` or end of statement, `["k"] =`, `.k =`,
// `, b = …` (tuple targets), `} = …` (destructuring).
const DEFINES_AFTER = /^\s*(?:[?!]?\s*:[^=;\n]{0,160}(?:=(?!=)|;|$)|[-+*/%|&^@]?=(?![=>])|\[[^\]\n]{0,80}\]\s*=(?!=)|\.\s*[A-Za-z_$][\w$]*\s*=(?!=)|,[^\n]*?=(?!=)|[,}][^=;\n]*\}\s*=(?!=))/;
// Before the name: `as ` (with … as x), `const|let|var ` (and destructuring), `def ` / `function `.
const DEFINES_BEFORE = /(?:\bas\s+|\b(?:const|let|var)\s+(?:\{[^}]*)?|\b(?:def|function)\s+)$/;
const PARAM_AFTER = /^\s*[?]?\s*(?:[:,)=])/;

const PROMPT_NAME_SOURCE = String.raw`[A-Za-z_]\w*?(?:prompt|instruction|system_?(?:message|msg)|template|preamble|persona)s?`;
export const PROMPT_NAME = new RegExp(`^(?:self\\.|this\\.)?${PROMPT_NAME_SOURCE}$`, 'i');
const PROMPT_KEYWORDS = ['prompt', 'instruction', 'system_message', 'systemmessage', 'system_msg', 'systemmsg', 'template',
  'preamble', 'persona'];

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The shared, lazy part; the language modules say what a definition looks like around an occurrence. */
export abstract class LazyFacts implements FileFacts {
  readonly imports = new Map<string, ImportTarget>();
  readonly calls: Node[] = [];
  readonly comments: PromptCostComment[] = [];
  readonly hasErrors: boolean;
  private readonly bindingCache = new Map<string, Binding[] | undefined>();
  private readonly functionCache = new Map<string, Node | undefined>();
  private readonly methodCache = new Map<string, Node | undefined>();
  private readonly appendCache = new Map<string, Append[] | undefined>();

  constructor(protected readonly tree: Tree, protected readonly text: string) {
    this.hasErrors = tree.rootNode.hasError;
  }

  /** The smallest node covering [start, end), or null. */
  protected nodeAt(start: number, end: number): Node | null {
    return this.tree.rootNode.descendantForIndex(start, end);
  }

  /** Offsets where `name` occurs as a whole word (for `self.x`, where `self.x` occurs; the offset of `x`). */
  protected occurrences(name: string): number[] {
    const dot = name.lastIndexOf('.');
    const re = dot === -1
      ? new RegExp(`(?<![\\w.$])${escapeRe(name)}(?![\\w$])`, 'g')
      : new RegExp(`(?<![\\w.$])${escapeRe(name.slice(0, dot))}\\s*\\.\\s*${escapeRe(name.slice(dot + 1))}(?![\\w$])`, 'g');
    const out: number[] = [];
    for (let m = re.exec(this.text); m; m = re.exec(this.text)) {
      out.push(dot === -1 ? m.index : m.index + m[0].length - (name.length - dot - 1));
      if (out.length > 2000) break;
    }
    return out;
  }

  bindingsOf(name: string): Binding[] | undefined {
    if (this.bindingCache.has(name)) return this.bindingCache.get(name);
    const found: Binding[] = [];
    const bare = name.slice(name.lastIndexOf('.') + 1);
    for (const at of this.occurrences(name)) {
      if (!this.mayDefine(at, at + bare.length)) continue;
      const node = this.nodeAt(at, at + bare.length);
      if (node && node.text === bare) this.definitionsAt(node, name, found);
    }
    // Class attributes (`model = "gpt-4o"` in a class body, TS fields and parameter properties) are read as self.x.
    if (name.startsWith('self.') || name.startsWith('this.')) {
      for (const at of this.occurrences(bare)) {
        const node = this.nodeAt(at, at + bare.length);
        if (node && node.text === bare) this.classAttributeAt(node, found);
      }
    }
    found.sort((a, b) => a.pos - b.pos);
    const result = found.length ? found : undefined;
    this.bindingCache.set(name, result);
    return result;
  }

  functionOf(name: string): Node | undefined {
    if (this.functionCache.has(name)) return this.functionCache.get(name);
    let fn: Node | undefined;
    for (const at of this.occurrences(name)) {
      if (!/\b(?:def|function)\s+$/.test(this.text.slice(Math.max(0, at - 20), at))) continue;
      const node = this.nodeAt(at, at + name.length);
      const parent = node?.parent;
      if (parent && (parent.type === 'function_definition' || parent.type === 'function_declaration') &&
          parent.childForFieldName('name')?.startIndex === node!.startIndex) { fn = parent; break; }
    }
    this.functionCache.set(name, fn);
    return fn;
  }

  methodOf(name: string, at: number): Node | undefined {
    const cls = this.classSpanAt(at);
    if (!cls) return undefined;
    const key = `${name}@${cls.start}`;
    if (this.methodCache.has(key)) return this.methodCache.get(key);
    let found: Node | undefined;
    for (const pos of this.occurrences(name)) {
      if (pos < cls.start || pos >= cls.end || !/\b(?:def\s+|async\s+|static\s+|\n\s*)$/.test(this.text.slice(Math.max(0, pos - 12), pos))) continue;
      const node = this.nodeAt(pos, pos + name.length);
      const parent = node?.parent;
      if (parent && (parent.type === 'function_definition' || parent.type === 'method_definition') &&
          parent.childForFieldName('name')?.startIndex === node!.startIndex && this.classSpanAt(pos)?.start === cls.start) { found = parent; break; }
    }
    this.methodCache.set(key, found);
    return found;
  }

  classSpanAt(offset: number): Span | null {
    for (let n = this.nodeAt(offset, offset + 1); n; n = n.parent) {
      if (n.type === 'class_definition' || n.type === 'class_declaration' || n.type === 'class') return { start: n.startIndex, end: n.endIndex };
    }
    return null;
  }

  classOf(name: string): Node | undefined {
    const re = new RegExp(`\\bclass\\s+${escapeRe(name)}\\b`, 'g');
    for (let m = re.exec(this.text); m; m = re.exec(this.text)) {
      const at = m.index + m[0].length - name.length;
      const cls = this.nodeAt(at, at + name.length)?.parent;
      if (cls && /^class(_definition|_declaration)?$/.test(cls.type)) return cls;
    }
    return undefined;
  }

  classAttribute(cls: Node, attr: string): Node | undefined {
    const body = cls.childForFieldName('body');
    for (const st of body?.namedChildren ?? []) {
      if (!st) continue;
      // Python: `attr = v` / `attr: T = v` in the class body
      const assign = st.type === 'expression_statement' ? st.namedChildren[0] : null;
      if (assign?.type === 'assignment' && assign.childForFieldName('left')?.text === attr) {
        const v = assign.childForFieldName('right');
        if (v) return v;
      }
      // JS/TS: `attr = v`, `static attr = v`
      if ((st.type === 'public_field_definition' || st.type === 'field_definition') &&
          (st.childForFieldName('name') ?? st.childForFieldName('property'))?.text === attr) {
        const v = st.childForFieldName('value');
        if (v) return v;
      }
    }
    return undefined;
  }

  appendsOf(name: string): Append[] | undefined {
    if (this.appendCache.has(name)) return this.appendCache.get(name);
    const out: Append[] = [];
    const re = new RegExp(`(?<![\\w.$])${escapeRe(name).replace('\\.', '\\s*\\.\\s*')}\\s*\\.\\s*(append|extend|push)\\s*\\(`, 'g');
    for (let m = re.exec(this.text); m; m = re.exec(this.text)) {
      const paren = m.index + m[0].length - 1;
      const args = this.nodeAt(paren, paren + 1)?.parent;
      if (!args || (args.type !== 'argument_list' && args.type !== 'arguments')) continue;
      for (const arg of args.namedChildren) {
        if (arg && arg.type !== 'comment') out.push({ arg, pos: m.index, extend: m[1] === 'extend' });
      }
    }
    const result = out.length ? out : undefined;
    this.appendCache.set(name, result);
    return result;
  }

  promptLikeNames(): string[] {
    // Keywords first (native search on a lower-cased copy); only a keyword that ends a name followed by `=` (or a
    // type annotation, then `=`) is worth walking back to the start of the name.
    const names = new Set<string>();
    const text = this.text;
    const lower = text.toLowerCase();
    for (const kw of PROMPT_KEYWORDS) {
      for (let i = lower.indexOf(kw); i !== -1; i = lower.indexOf(kw, i + kw.length)) {
        let end = i + kw.length;
        if (lower.charCodeAt(end) === 115 /* s */) end++;
        if (isIdentChar(text.charCodeAt(end))) continue;
        let j = end;
        while (j < text.length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
        const c = text.charCodeAt(j);
        if (c !== 61 /* = */ && c !== 58 /* : */) continue;
        if (c === 61 && text.charCodeAt(j + 1) === 61) continue;
        if (c === 58 && !/^:[^=\n]{0,80}=(?!=)/.test(text.slice(j, j + 100))) continue;
        let start = i;
        while (start > 0 && (isIdentChar(text.charCodeAt(start - 1)) || text.charCodeAt(start - 1) === 46)) start--;
        const name = text.slice(start, end).replace(/^\.+/, '');
        if (PROMPT_NAME.test(name)) names.add(name);
      }
    }
    return [...names];
  }

  /**
   * A cheap look at the text around an occurrence: could it define the name? Most occurrences are uses
   * (`client.chat…`, `f(client)`): skipping them saves a tree lookup each. Errs on the side of yes.
   */
  protected mayDefine(start: number, end: number): boolean {
    const after = this.text.slice(end, end + 160);
    if (DEFINES_AFTER.test(after)) return true;
    const before = this.text.slice(Math.max(0, start - 40), start);
    if (DEFINES_BEFORE.test(before)) return true;
    // A parameter: `(…, client: OpenAI, …)`, `client=None)`, `(client)` in a signature.
    return PARAM_AFTER.test(after) && this.insideParens(start);
  }

  private insideParens(at: number): boolean {
    let depth = 0;
    for (let i = at - 1; i >= 0 && i > at - 3000; i--) {
      const c = this.text.charCodeAt(i);
      if (c === 41) depth++;
      else if (c === 40 && depth-- === 0) return true;
    }
    return false;
  }

  /** Adds the bindings that the occurrence `node` of `name` makes (if it is a definition). */
  protected abstract definitionsAt(node: Node, name: string, out: Binding[]): void;
  /** A class-level assignment of the bare name (Python), read as `self.<name>`. */
  protected classAttributeAt(_node: Node, _out: Binding[]): void {}

  /** Candidate calls: `name(` where name is one an SDK uses, found in the text, then located in the tree. */
  protected findCalls(names: ReadonlySet<string>, callOf: (nameNode: Node) => Node | null): void {
    const seen = new Set<number>();
    const text = this.text;
    // A bound SDK method kept in a variable (`fn = client.chat.completions.create` … `fn(…)`): its name is a candidate.
    const aliases = boundMethodAliases(text, names);
    // Every `(`, then the identifier before it: ~3x faster than one regex alternation of all candidate names.
    for (let i = text.indexOf('('); i !== -1; i = text.indexOf('(', i + 1)) {
      let j = i;
      while (j > 0 && isSpace(text.charCodeAt(j - 1))) j--;
      if (j > 0 && text.charCodeAt(j - 1) === 62 /* > */) j = skipTypeArguments(text, j);
      let k = j;
      while (k > 0 && isIdentChar(text.charCodeAt(k - 1))) k--;
      const name = text.slice(k, j);
      // Imported names are candidates too: `import { embed as embedCore } from 'ai'`.
      if (k === j || (!names.has(name) && !this.imports.has(name) && !aliases.has(name))) continue;
      const nameNode = this.nodeAt(k, j);
      if (!nameNode || nameNode.startIndex !== k || nameNode.endIndex !== j) continue;
      const call = callOf(nameNode);
      if (call && !seen.has(call.id)) { seen.add(call.id); this.calls.push(call); }
    }
  }

  protected findComments(isComment: (n: Node) => boolean): void {
    const re = /prompt-cost/g;
    for (let m = re.exec(this.text); m; m = re.exec(this.text)) {
      const node = this.nodeAt(m.index, m.index + 11);
      if (!node || !isComment(node) || this.comments.some((c) => c.span.start === node.startIndex)) continue;
      this.comments.push({ span: { start: node.startIndex, end: node.endIndex }, text: node.text, line: node.startPosition.row });
    }
  }
}

/**
 * Names assigned a bound SDK method (`fn = client.chat.completions.create`): from each `=`, the dotted chain to its
 * right must end the statement and end with a candidate name. A scan from the `=` signs keeps this linear (a regex
 * starting with an identifier is quadratic on a long run of letters).
 */
function boundMethodAliases(text: string, names: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (let i = text.indexOf('='); i !== -1; i = text.indexOf('=', i + 1)) {
    const prev = text.charCodeAt(i - 1), next = text.charCodeAt(i + 1);
    if (next === 61 || next === 62 || prev === 61 || prev === 33 || prev === 60 || prev === 62) continue; // == => != <= >=
    let j = i + 1;
    while (j < text.length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    const start = j;
    let lastDot = -1;
    while (j < text.length && j - start < 200 && (isIdentChar(text.charCodeAt(j)) || text.charCodeAt(j) === 46)) {
      if (text.charCodeAt(j) === 46) lastDot = j;
      j++;
    }
    if (lastDot <= start || j === lastDot + 1) continue;
    let k = j;
    while (k < text.length && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
    const end = text.charCodeAt(k);
    if (k < text.length && end !== 59 && end !== 10 && end !== 13) continue;
    if (!names.has(text.slice(lastDot + 1, j))) continue;
    let e = i;
    while (e > 0 && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
    let b = e;
    while (b > 0 && isIdentChar(text.charCodeAt(b - 1)) && e - b < 100) b--;
    if (b < e) out.add(text.slice(b, e));
  }
  return out;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function isIdentChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36;
}

/** `generateObject<Schema>(`: from the `>` before the paren, back over the balanced type arguments. */
function skipTypeArguments(text: string, end: number): number {
  let depth = 0;
  for (let i = end - 1; i >= 0 && i > end - 200; i--) {
    const c = text.charCodeAt(i);
    if (c === 62) depth++;
    else if (c === 60 && --depth === 0) {
      let j = i;
      while (j > 0 && isSpace(text.charCodeAt(j - 1))) j--;
      return j;
    } else if (c === 40 || c === 41 || c === 59 || c === 123 || c === 125) break;
  }
  return end;
}
