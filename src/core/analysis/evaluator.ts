// Evaluates expressions to abstract values within one file: follows same-file names (scope-aware, nearest binding),
// imports of the known SDKs, constructors and factories, string building (concatenation, f-strings, templates,
// .format, join, dedent) and environment defaults. Bounded: depth-limited, cycle-safe, memoised per node.

import type { Node } from '../languages/parser';
import type { PromptPiece, ProviderId } from '../types';
import type { CallSpec, SdkSpec } from '../detectors/spec';
import type { Binding, FileFacts, ImportTarget } from './facts';
import { isFunctionType } from './facts';
import type { Arg, Entry, Expr, StrPart } from './ir';
import { dedent, mapPartsText, scanPlaceholders } from './strings';
import { ENV_UNKNOWN, type ObjValue, type StrValue, UNKNOWN, type Value } from './values';

const MAX_DEPTH = 40;
const DEDENT_NAMES = new Set(['dedent', 'cleandoc', 'stripIndent', 'stripIndents', 'outdent', 'trimIndent']);
const TRIM_NAMES = new Set(['strip', 'lstrip', 'rstrip', 'trim', 'trimStart', 'trimEnd']);
const GETENV_NAMES = new Set(['getenv', 'os.getenv', 'os.environ.get', 'environ.get', 'env.get']);

export interface SdkIndex {
  /** The spec whose module is the longest prefix of `dotted` (Python dotted path or npm package/subpath). */
  byModule(dotted: string): { spec: SdkSpec; rest: string[] } | null;
  /** For a method name only one SDK has (`getGenerativeModel`), the SDK and receiver type it implies. */
  assumedReceiver(method: string): { spec: SdkSpec; type: string } | null;
}

export class Evaluator {
  private readonly exprMemo = new Map<number, Expr>();
  private readonly bindingMemo = new Map<number, Value>();
  private readonly inProgress = new Set<number>();
  private readonly returnMemo = new Map<number, Value>();

  constructor(
    readonly lang: 'python' | 'js',
    readonly facts: FileFacts,
    private readonly sdks: SdkIndex,
    private readonly lowerNode: (node: Node) => Expr,
  ) {}

  lower(node: Node): Expr {
    let e = this.exprMemo.get(node.id);
    if (!e) {
      e = this.lowerNode(node);
      this.exprMemo.set(node.id, e);
    }
    return e;
  }

  get selfName(): string {
    return this.lang === 'python' ? 'self' : 'this';
  }

  eval(e: Expr, depth = 0): Value {
    if (depth > MAX_DEPTH) return UNKNOWN;
    const d = depth + 1;
    switch (e.k) {
      case 'str': return this.evalString(e, d);
      case 'num': return { t: 'num', value: e.value, node: e.node, source: 'literal' };
      case 'bool': return { t: 'bool', value: e.value };
      case 'null': return { t: 'null' };
      case 'name': return this.resolveName(e.name, e.node.startIndex, d);
      case 'member': return this.evalMember(e, d);
      case 'subscript': {
        const o = this.eval(e.object, d);
        if (o.t === 'env' || (o.t === 'unknown' && o.env)) return ENV_UNKNOWN;
        const idx = this.eval(e.index, d);
        if (o.t === 'dict' && idx.t === 'str') return this.dictGet(o, textOf(idx), d) ?? UNKNOWN;
        if (o.t === 'list' && idx.t === 'num') {
          const item = o.items[idx.value < 0 ? o.items.length + idx.value : idx.value];
          return item ? this.eval(item, d) : UNKNOWN;
        }
        return UNKNOWN;
      }
      case 'call': return this.evalCall(e, d);
      case 'dict': return { t: 'dict', entries: e.entries, node: e.node };
      case 'list': return { t: 'list', items: e.items, node: e.node };
      case 'func': return { t: 'func', node: e.node };
      case 'spread': return this.eval(e.value, d);
      case 'binop': return this.evalBinop(e, d);
      case 'cond': {
        const a = this.eval(e.a, d);
        if (a.t === 'obj') return a;
        const b = this.eval(e.b, d);
        if (b.t === 'obj') return b;
        if (a.t === 'str' && b.t === 'str' && textOf(a) === textOf(b)) return a;
        return UNKNOWN;
      }
      default: return UNKNOWN;
    }
  }

  // ---- names ------------------------------------------------------------------------------------------------

  resolveName(name: string, at: number, depth: number): Value {
    // An imported SDK name is not re-bound in practice: skip the search for bindings.
    const imported = this.facts.imports.get(name);
    if (imported && !name.includes('.')) {
      const v = this.importValue(imported);
      if (v.t !== 'unknown') return v;
    }
    const all = this.facts.bindingsOf(name);
    if (all) {
      // `d["k"] = v` before this point, in this function (or at module level): not another function's `d`.
      const sets = all.filter((b) => b.setKey !== undefined && b.pos < at && (!b.scope || inside(b.scope, at)));
      const bindings = sets.length ? all.filter((b) => b.setKey === undefined) : all;
      for (const b of this.rank(bindings, at, name)) {
        const v = this.evalBinding(name, b, depth);
        if (v.t !== 'unknown' && v.t !== 'null') return this.withKeySets(this.withAppends(name, b, at, v, depth), sets, b.pos);
        if (v.t === 'unknown' && v.env) return v;
        if (this.shadows(b, bindings, at)) break;
      }
      // A dict we cannot see (a parameter) with keys set here: known keys, maybe others.
      if (sets.length) return this.withKeySets({ t: 'dict', entries: [], node: sets[0].node, partial: true }, sets, -1);
    }
    const imp = this.facts.imports.get(name);
    if (imp) return this.importValue(imp);
    if (this.lang === 'js' && name === 'process') return { t: 'unknown' };
    const cls = /^[A-Z]/.test(name) ? this.facts.classOf(name) : undefined;
    return cls ? { t: 'cls', node: cls, instance: false } : UNKNOWN;
  }

  /** The bindings of a name seen from `at`, in the order resolveName tries them. */
  bindingsAt(name: string, at: number): Binding[] {
    const all = this.facts.bindingsOf(name);
    return all ? this.rank(all, at, name) : [];
  }

  /** Bindings in preference order: innermost enclosing scope first; in a scope, the latest one before `at` first. */
  private rank(bindings: Binding[], at: number, name: string): Binding[] {
    if (name.includes('.')) {
      // self.x / this.x: set in this class (any method; the constructor usually comes first), never another class's.
      const cls = this.facts.classSpanAt(at);
      return cls ? bindings.filter((b) => b.pos >= cls.start && b.pos < cls.end) : bindings;
    }
    if (bindings.length === 1 && (!bindings[0].scope || inside(bindings[0].scope, at) || bindings[0].kind === 'value')) return bindings;
    const width = (b: Binding) => (b.scope ? b.scope.end - b.scope.start : Number.MAX_SAFE_INTEGER);
    const visible = bindings.filter((b) => !b.scope || inside(b.scope, at));
    const order = (a: Binding, b: Binding) => {
      const w = width(a) - width(b);
      if (w) return w;
      const ab = a.pos <= at, bb = b.pos <= at;
      if (ab !== bb) return ab ? -1 : 1;
      return ab ? b.pos - a.pos : a.pos - b.pos;
    };
    visible.sort(order);
    // Another function's assignment may set a global used here (`global client`); its parameters never do.
    const others = bindings.filter((b) => b.scope && !inside(b.scope, at) && b.kind === 'value');
    return others.length ? [...visible, ...others] : visible;
  }

  /** A local of the function the name is used in (a parameter, an earlier assignment) hides any outer value. */
  private shadows(b: Binding, all: Binding[], at: number): boolean {
    if (!b.scope || !inside(b.scope, at)) return false;
    if (b.kind === 'param') return true;
    if (b.kind === 'value') return b.pos <= at;
    if (b.kind === 'type') return !all.some((o) => o !== b && o.pos === b.pos); // `model: str` without a default
    return false;
  }

  private evalBinding(name: string, b: Binding, depth: number): Value {
    if (b.augmented) return UNKNOWN;
    const cached = this.bindingMemo.get(b.node.id + (b.destructureKey ? 0.5 : 0));
    if (cached) return cached;
    if (this.inProgress.has(b.node.id)) return UNKNOWN;
    this.inProgress.add(b.node.id);
    let v: Value;
    try {
      if (b.kind === 'type') v = this.typeValue(b.node.text);
      else if (b.kind === 'param') v = UNKNOWN;
      else {
        v = this.eval(this.lower(b.node), depth);
        if (b.destructureKey) v = v.t === 'dict' ? this.dictGet(v, b.destructureKey, depth) ?? UNKNOWN : UNKNOWN;
        v = viaName(v, name);
      }
    } finally {
      this.inProgress.delete(b.node.id);
    }
    this.bindingMemo.set(b.node.id + (b.destructureKey ? 0.5 : 0), v);
    return v;
  }

  /** `prompt += "…"` and `messages.append(…)` after the binding, in the same scope, before `at`. */
  private withAppends(name: string, b: Binding, at: number, v: Value, depth: number): Value {
    if (v.t === 'str') {
      const augs = this.facts.bindingsOf(name)?.filter((x) => x.augmented && x.pos > b.pos && x.pos < at && sameScope(x, b));
      if (!augs?.length) return v;
      let acc: Value = v;
      for (const a of augs) acc = this.concat(acc, this.eval(this.lower(a.node), depth), a.node);
      return acc;
    }
    if (v.t === 'list') {
      const apps = this.facts.appendsOf(name)?.filter((x) => x.pos > b.pos && x.pos < at);
      if (!apps?.length) return v;
      const items = [...v.items];
      for (const a of apps) {
        const e = this.lower(a.arg);
        if (a.extend) items.push({ k: 'spread', node: a.arg, value: e });
        else items.push(e);
      }
      return { t: 'list', items, node: v.node };
    }
    return v;
  }

  /** `d["model"] = v` after the dict's binding adds (or replaces) that key. */
  private withKeySets(v: Value, sets: Binding[], after: number): Value {
    if (v.t !== 'dict' || !sets.length) return v;
    const extra: Entry[] = sets.filter((s) => s.pos > after).map((s) => ({ key: s.setKey!, value: this.lower(s.node), node: s.node }));
    return extra.length ? { ...v, entries: [...v.entries, ...extra] } : v;
  }

  importValue(imp: ImportTarget): Value {
    if (imp.prefixOnly) {
      const first = imp.module.split('.')[0];
      return this.pymodValue(first);
    }
    if (this.lang === 'python') {
      // `from google import genai` is the module google.genai; `from openai import OpenAI` is a member of openai.
      const hit = this.sdks.byModule([imp.module, ...imp.path].join('.'));
      return hit ? this.sdkValue(hit.spec, hit.rest) : UNKNOWN;
    }
    const hit = this.sdks.byModule(imp.module);
    if (!hit) return UNKNOWN;
    return this.sdkValue(hit.spec, [...hit.rest, ...imp.path]);
  }

  private pymodValue(dotted: string): Value {
    const hit = this.sdks.byModule(dotted);
    if (hit && hit.rest.length === 0) return { t: 'sdk', spec: hit.spec, path: [] };
    return { t: 'pymod', dotted };
  }

  /** An SDK member; an exported instance (Vercel's `openai`) is an object already. */
  private sdkValue(spec: SdkSpec, path: string[]): Value {
    if (path.length >= 1) {
      const exp = spec.exports[path[path.length - 1]];
      if (exp?.instance && exp.type) {
        return { t: 'obj', spec, type: exp.type, provider: exp.provider ?? spec.provider, ctor: null, ctorDescribes: false,
          parent: null, className: path[path.length - 1] };
      }
    }
    return { t: 'sdk', spec, path };
  }

  /** A type annotation (`OpenAI`, `Optional[anthropic.Anthropic]`, `AsyncOpenAI | None`) naming an SDK class. */
  typeValue(text: string): Value {
    for (const m of text.matchAll(/[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*/g)) {
      const parts = m[0].split('.');
      const head = this.facts.imports.get(parts[0]);
      if (!head) continue;
      let v = this.importValue(head);
      for (const p of parts.slice(1)) v = this.member(v, p);
      if (v.t === 'sdk') {
        const exp = v.spec.exports[v.path[v.path.length - 1] ?? 'default'] ?? (v.path.length === 0 ? v.spec.exports.default : undefined);
        if (exp?.type && !exp.instance) {
          return { t: 'obj', spec: v.spec, type: exp.type, provider: exp.provider ?? v.spec.provider, ctor: null,
            ctorDescribes: false, parent: null, className: v.path[v.path.length - 1] ?? 'default' };
        }
      }
    }
    return UNKNOWN;
  }

  // ---- members and calls --------------------------------------------------------------------------------------

  private evalMember(e: Extract<Expr, { k: 'member' }>, depth: number): Value {
    if (e.object.k === 'name') {
      const base = e.object.name;
      if (base === 'self' || base === 'this' || base === 'cls') {
        return this.resolveName(`${this.selfName}.${e.prop}`, e.node.startIndex, depth);
      }
      if ((this.lang === 'js' && base === 'process' && e.prop === 'env') || (base === 'os' && e.prop === 'environ')) return { t: 'env' };
    }
    const o = this.eval(e.object, depth);
    if (o.t === 'unknown' && !o.env) {
      // A client imported from another module of the app: a method only one SDK has says which it is.
      const assumed = this.sdks.assumedReceiver(e.prop);
      if (assumed) {
        const obj: ObjValue = { t: 'obj', spec: assumed.spec, type: assumed.type, provider: assumed.spec.provider, ctor: null,
          ctorDescribes: false, parent: null, className: assumed.type };
        return { t: 'objpath', obj, path: [e.prop] };
      }
    }
    return this.member(o, e.prop, depth);
  }

  member(o: Value, prop: string, depth = 0): Value {
    switch (o.t) {
      case 'sdk': return this.sdkValue(o.spec, [...o.path, prop]);
      case 'pymod': return this.pymodValue(`${o.dotted}.${prop}`);
      case 'obj': return { t: 'objpath', obj: o, path: [prop] };
      case 'objpath': return { t: 'objpath', obj: o.obj, path: [...o.path, prop] };
      case 'dict': return this.dictGet(o, prop, depth) ?? UNKNOWN;
      case 'cls': {
        const v = this.facts.classAttribute(o.node, prop);
        if (!v) return UNKNOWN;
        const value = viaName(this.eval(this.lower(v), depth + 1), undefined);
        // pydantic BaseSettings fields are read from the environment first: their defaults are env defaults.
        return /\bBaseSettings\b/.test(o.node.childForFieldName('superclasses')?.text ?? '') ? asEnvDefault(value) : value;
      }
      case 'str': return prop === 'value' ? o : UNKNOWN; // an enum member's .value
      case 'env': return ENV_UNKNOWN;
      default: return o.t === 'unknown' && o.env ? ENV_UNKNOWN : UNKNOWN;
    }
  }

  dictGet(o: Extract<Value, { t: 'dict' }>, key: string, depth = 0): Value | null {
    for (let i = o.entries.length - 1; i >= 0; i--) {
      const en = o.entries[i];
      if (en.spread) {
        const inner = this.eval(en.value, depth + 1);
        if (inner.t === 'dict') {
          const v = this.dictGet(inner, key, depth + 1);
          if (v) return v;
        }
      } else if (en.key === key) return viaName(this.eval(en.value, depth + 1), undefined);
    }
    return null;
  }

  /** Where an SDK call lands: the spec, the call spec and the receiver object. */
  calleeTarget(callee: Expr, depth = 0): { spec: SdkSpec; call: CallSpec; receiver: ObjValue | null; provider: ProviderId; apiPath?: string } | null {
    const v = this.eval(callee, depth);
    if (v.t === 'objpath') {
      const path = normalisePath(v.path);
      const call = findCall(v.obj.spec.types[v.obj.type]?.calls, path);
      return call ? { spec: v.obj.spec, call, receiver: v.obj, provider: v.obj.provider, apiPath: call.api ?? path } : null;
    }
    if (v.t === 'obj') {
      const call = findCall(v.spec.types[v.type]?.calls, '');
      return call ? { spec: v.spec, call, receiver: v, provider: v.provider } : null;
    }
    if (v.t === 'sdk') {
      const last = v.path[v.path.length - 1];
      const exp = last !== undefined ? v.spec.exports[last] : undefined;
      if (exp?.call && v.path.length <= 2) {
        return { spec: v.spec, call: exp.call, receiver: null, provider: exp.provider ?? v.spec.provider };
      }
      if (v.spec.moduleType) {
        const path = normalisePath(v.path);
        const call = findCall(v.spec.types[v.spec.moduleType]?.calls, path);
        if (call) return { spec: v.spec, call, receiver: null, provider: v.spec.provider, apiPath: call.api ?? path };
      }
    }
    return null;
  }

  private evalCall(e: Extract<Expr, { k: 'call' }>, depth: number): Value {
    const special = this.evalSpecialCall(e, depth);
    if (special) return special;
    const cv = this.eval(e.callee, depth);
    if (cv.t === 'sdk') {
      const last = cv.path[cv.path.length - 1];
      const exp = cv.path.length === 0 ? cv.spec.exports.default : cv.spec.exports[last];
      if (exp?.type && !exp.instance) {
        return { t: 'obj', spec: cv.spec, type: exp.type, provider: exp.provider ?? cv.spec.provider, ctor: e, ctorDescribes: true,
          parent: null, className: last ?? 'default' };
      }
      if (exp?.call?.returns) {
        return { t: 'obj', spec: cv.spec, type: exp.call.returns, provider: exp.provider ?? cv.spec.provider, ctor: e,
          ctorDescribes: true, parent: null, className: last ?? '' };
      }
      if (exp?.call) return UNKNOWN;
      // An SDK config class (`types.GenerateContentConfig(max_output_tokens=…)`) reads like a dict of its kwargs.
      return this.kwargsDict(e) ?? UNKNOWN;
    }
    if (cv.t === 'objpath' || cv.t === 'obj') {
      const obj = cv.t === 'obj' ? cv : cv.obj;
      const path = cv.t === 'obj' ? '' : normalisePath(cv.path);
      const call = findCall(obj.spec.types[obj.type]?.calls, path);
      if (call?.returns) {
        const self = call.returns === 'self';
        return { t: 'obj', spec: obj.spec, type: self ? obj.type : call.returns, provider: obj.provider, ctor: e,
          ctorDescribes: !self, parent: obj, className: self ? obj.className : (cv.t === 'obj' ? obj.className : cv.path.join('.')),
          ...(call.bindsOptions ? { bindsOptions: true } : {}) };
      }
      return UNKNOWN;
    }
    if (cv.t === 'cls') return { ...cv, instance: true };
    // `const getClient = () => new CohereClient(…)`, `this.make = function () { return new OpenAI() }`
    if (cv.t === 'func') return this.returnValue(cv.node, depth);
    // LCEL chains in JS: `prompt.pipe(llm)`, `RunnableSequence.from([prompt, llm, parser])` carry the model.
    if (e.callee.k === 'member' && (e.callee.prop === 'pipe' || e.callee.prop === 'from')) {
      const model = this.chainModel(e.args.map((a) => a.value), depth);
      if (model) return { ...model, ctor: e, ctorDescribes: false, parent: model };
    }
    if (e.callee.k === 'name') {
      const fn = this.facts.functionOf(e.callee.name);
      if (fn && !this.facts.bindingsOf(e.callee.name)) return this.returnValue(fn, depth);
    }
    // `self.client = self._new_client()`: a factory method of the same class.
    if (e.callee.k === 'member' && e.callee.object.k === 'name' && e.callee.object.name === this.selfName) {
      const fn = this.facts.methodOf(e.callee.prop, e.node.startIndex);
      if (fn) return this.returnValue(fn, depth);
    }
    return this.kwargsDict(e) ?? UNKNOWN;
  }

  /** The first LangChain model among runnables (or a list of them). */
  private chainModel(items: Expr[], depth: number): ObjValue | null {
    for (const item of items) {
      const v = this.eval(item, depth);
      if (v.t === 'obj' && v.spec.types[v.type]?.reportCtorWhenUnused) return v;
      if (v.t === 'list') {
        const inner = this.chainModel(v.items, depth + 1);
        if (inner) return inner;
      }
    }
    return null;
  }

  /** Python `dict(a=1)` / `SomeConfig(max_tokens=…)`: keyword arguments read as a dict. */
  private kwargsDict(e: Extract<Expr, { k: 'call' }>): Value | null {
    if (this.lang !== 'python' || !e.args.length || e.args.some((a) => a.name === null && a.spread !== 'dict')) return null;
    const entries: Entry[] = e.args.map((a) => ({ key: a.name, value: a.value, node: a.node, spread: a.spread === 'dict' }));
    return { t: 'dict', entries, node: e.argsNode ?? e.node, fromCall: true };
  }

  /** `def make_client(): return OpenAI()`, `() => new OpenAI()`, a helper returning a kwargs dict: the first return value that is known. */
  private returnValue(fn: Node, depth: number): Value {
    const memo = this.returnMemo.get(fn.id);
    if (memo) return memo;
    this.returnMemo.set(fn.id, UNKNOWN);
    let result: Value = UNKNOWN;
    const visit = (n: Node): boolean => {
      for (const c of n.namedChildren) {
        if (!c || isFunctionType(c.type) || c.type === 'class_definition' || c.type === 'class_declaration') continue;
        if (c.type === 'return_statement') {
          const val = c.namedChildren.find((x) => x && x.type !== 'comment');
          if (val) {
            const v = this.eval(this.lower(val), depth + 1);
            if (v.t === 'obj' || v.t === 'str' || v.t === 'dict') { result = v; return true; }
          }
        } else if (visit(c)) return true;
      }
      return false;
    };
    const body = fn.childForFieldName('body');
    if (body) {
      if (body.type === 'block' || body.type === 'statement_block') visit(body);
      else {
        const v = this.eval(this.lower(body), depth + 1); // arrow function with an expression body
        if (v.t === 'obj' || v.t === 'str' || v.t === 'dict') result = v;
      }
    }
    this.returnMemo.set(fn.id, result);
    return result;
  }

  private evalSpecialCall(e: Extract<Expr, { k: 'call' }>, depth: number): Value | null {
    const callee = e.callee;
    const name = callee.k === 'name' ? callee.name : callee.k === 'member' ? callee.prop : '';
    if (!name) return null;
    const dotted = calleeText(callee);
    // os.getenv("MODEL", "gpt-4o"), os.environ.get(...), process.env.X ?? … is a binop
    if (GETENV_NAMES.has(dotted) || (callee.k === 'member' && name === 'get' && this.isEnv(callee.object, depth))) {
      const def = e.args.find((a, i) => (a.name === null && i === 1) || a.name === 'default');
      if (!def) return ENV_UNKNOWN;
      return asEnvDefault(this.eval(def.value, depth));
    }
    // `new URL("models/x:generateContent", base)`: the base with the path appended (only the URL's text matters here).
    if (name === 'URL' && this.lang === 'js' && e.isNew && e.args.length === 2 && callee.k === 'name') {
      const rel = this.eval(e.args[0].value, depth);
      if (rel.t === 'str' && /^[a-z][a-z0-9+.-]*:\/\//i.test(textOf(rel))) return rel;
      const base = this.eval(e.args[1].value, depth);
      if (rel.t !== 'str' || base.t !== 'str') return UNKNOWN;
      return this.concat(this.asStr(base, e.args[1].value), rel, e.args[0].value.node, e.node);
    }
    if (DEDENT_NAMES.has(name)) {
      const arg = e.args[0];
      if (!arg) return null;
      const v = this.eval(arg.value, depth);
      return v.t === 'str' ? { ...v, parts: mapPartsText(v.parts, dedent), origin: e.node } : UNKNOWN;
    }
    if (callee.k !== 'member') return null;
    if (TRIM_NAMES.has(name)) {
      const v = this.eval(callee.object, depth);
      if (v.t !== 'str') return null;
      const fn = name === 'lstrip' || name === 'trimStart' ? (s: string) => s.trimStart()
        : name === 'rstrip' || name === 'trimEnd' ? (s: string) => s.trimEnd() : (s: string) => s.trim();
      return { ...v, parts: mapPartsText(v.parts, fn), origin: e.node };
    }
    if (name === 'format' && this.lang === 'python') {
      const v = this.eval(callee.object, depth);
      if (v.t !== 'str') return null;
      return { ...v, parts: this.substituteFormat(v, e.args, depth), origin: e.node };
    }
    if (name === 'join') {
      const sepV = this.eval(this.lang === 'python' ? callee.object : (e.args[0]?.value ?? { k: 'other', node: e.node }), depth);
      const listV = this.eval(this.lang === 'python' ? (e.args[0]?.value ?? { k: 'other', node: e.node }) : callee.object, depth);
      const sep = this.lang === 'js' && !e.args.length ? ',' : sepV.t === 'str' ? textOf(sepV) : null;
      if (sep === null || listV.t !== 'list') return null;
      let acc: Value | null = null;
      for (const item of listV.items) {
        const iv = this.eval(item, depth);
        acc = acc === null ? this.concat({ t: 'str', parts: [], pieces: [], origin: e.node, source: 'literal' }, iv, item.node)
          : this.concat(this.concat(acc, { t: 'str', parts: [{ text: sep }], pieces: [], origin: e.node, source: 'literal' }, e.node), iv, item.node);
      }
      return acc && acc.t === 'str' ? { ...acc, origin: e.node } : null;
    }
    return null;
  }

  private isEnv(e: Expr, depth: number): boolean {
    const v = this.eval(e, depth);
    return v.t === 'env';
  }

  private substituteFormat(v: StrValue, args: Arg[], depth: number): StrPart[] {
    const named = new Map<string, Value>();
    for (const a of args) if (a.name) named.set(a.name, this.eval(a.value, depth));
    // positional `{}` fields exist only for .format: rescan text parts for them
    const parts: StrPart[] = [];
    for (const p of v.parts) {
      if ('text' in p) parts.push(...scanPlaceholders(p.text, { positionalFormat: true }));
      else parts.push(p);
    }
    return parts.flatMap((p): StrPart[] => {
      if ('text' in p || p.placeholder.syntax !== 'format') return [p];
      const val = named.get(p.placeholder.name);
      return val && val.t === 'str' && val.source !== 'env-default' ? val.parts : [p];
    });
  }

  // ---- operators ----------------------------------------------------------------------------------------------

  private evalBinop(e: Extract<Expr, { k: 'binop' }>, depth: number): Value {
    switch (e.op) {
      case '+': {
        const l = this.eval(e.left, depth), r = this.eval(e.right, depth);
        if (l.t === 'str' || r.t === 'str') return this.concat(this.asStr(l, e.left), r, e.right.node, e.node);
        if (l.t === 'list' && r.t === 'list') return { t: 'list', items: [...l.items, ...r.items], node: e.node };
        return UNKNOWN;
      }
      case '%': {
        const l = this.eval(e.left, depth);
        if (l.t !== 'str') return UNKNOWN;
        const parts: StrPart[] = [];
        for (const p of l.parts) {
          if ('text' in p) parts.push(...scanPlaceholders(p.text, { percent: true }));
          else parts.push(p);
        }
        return { ...l, parts, origin: e.node };
      }
      case '||': case '??': case 'or': {
        const l = this.eval(e.left, depth);
        if (l.t === 'str' || l.t === 'num' || l.t === 'obj' || l.t === 'dict' || l.t === 'list') return l;
        const r = this.eval(e.right, depth);
        if (l.t === 'unknown' && l.env) return asEnvDefault(r);
        if (r.t === 'str' && l.t === 'unknown') return { ...r, source: r.source === 'env-default' ? 'env-default' : 'constant' };
        return r;
      }
      case '|': {
        const r = this.eval(e.right, depth);
        if (r.t === 'obj') return r;
        const l = this.eval(e.left, depth);
        return l.t === 'obj' ? l : UNKNOWN;
      }
      default:
        return UNKNOWN;
    }
  }

  private asStr(v: Value, e: Expr): Value {
    return v.t === 'str' ? v : { t: 'str', parts: [this.dynamicPart(e)], pieces: [], origin: e.node, source: 'literal' };
  }

  private dynamicPart(e: Expr): StrPart {
    const text = e.node.text.length > 80 ? e.node.text.slice(0, 77) + '...' : e.node.text;
    return { placeholder: { text: this.lang === 'python' ? `{${text}}` : '${' + text + '}', name: text,
      syntax: this.lang === 'python' ? 'fstring' : 'template' } };
  }

  /** String concatenation; a non-string side becomes a placeholder. */
  concat(l: Value, r: Value, rNode: Node, origin?: Node): Value {
    if (l.t !== 'str') return UNKNOWN;
    const right: StrPart[] = r.t === 'str' ? r.parts
      : [this.dynamicPart({ k: 'other', node: rNode })];
    return {
      t: 'str',
      parts: joinParts(l.parts, right),
      pieces: r.t === 'str' ? [...l.pieces, ...r.pieces] : l.pieces,
      origin: origin ?? l.origin,
      source: l.source === 'env-default' || (r.t === 'str' && r.source === 'env-default') ? 'env-default'
        : l.source === 'constant' && (r.t !== 'str' || r.source === 'constant') ? 'constant' : 'literal',
    };
  }

  private evalString(e: Extract<Expr, { k: 'str' }>, depth: number): Value {
    const pieces: PromptPiece[] = e.piece ? [e.piece] : [];
    if (!e.parts.some((p) => 'placeholder' in p && p.expr)) {
      return { t: 'str', parts: e.parts, pieces, origin: e.node, source: 'literal' };
    }
    // Interpolations of same-file string constants are part of the prompt: inline them.
    const parts: StrPart[] = [];
    for (const p of e.parts) {
      if ('placeholder' in p && p.expr && (p.expr.k === 'name' || p.expr.k === 'member')) {
        const v = this.eval(p.expr, depth);
        if (v.t === 'str' && v.pieces.length && v.source !== 'env-default') {
          parts.push(...v.parts);
          pieces.push(...v.pieces);
          continue;
        }
      }
      parts.push(p);
    }
    return { t: 'str', parts: joinParts([], parts), pieces, origin: e.node, source: 'literal' };
  }
}

// ---- helpers ----------------------------------------------------------------------------------------------------

/** SDK method paths that only wrap the response (`with_raw_response`) do not change what is called. */
export function normalisePath(path: string[]): string {
  return path.filter((p) => p !== 'with_raw_response' && p !== 'with_streaming_response').join('.');
}

export function findCall(calls: CallSpec[] | undefined, path: string): CallSpec | undefined {
  return calls?.find((c) => c.paths.includes(path));
}

export function textOf(v: StrValue): string {
  let s = '';
  for (const p of v.parts) s += 'text' in p ? p.text : p.placeholder.text;
  return s;
}

function joinParts(a: StrPart[], b: StrPart[]): StrPart[] {
  const out = [...a];
  for (const p of b) {
    const last = out[out.length - 1];
    if ('text' in p && last && 'text' in last) out[out.length - 1] = { text: last.text + p.text };
    else out.push(p);
  }
  return out;
}

function viaName(v: Value, name: string | undefined): Value {
  if (v.t === 'str') return { ...v, source: v.source === 'env-default' ? 'env-default' : 'constant', name: name ?? v.name };
  if (v.t === 'num') return { ...v, source: v.source === 'env-default' ? 'env-default' : 'constant' };
  if (v.t === 'obj') return { ...v, viaName: true };
  return v;
}

function asEnvDefault(v: Value): Value {
  if (v.t === 'str') return { ...v, source: 'env-default' };
  if (v.t === 'num') return { ...v, source: 'env-default' };
  return v.t === 'unknown' ? ENV_UNKNOWN : v;
}

function inside(scope: { start: number; end: number }, at: number): boolean {
  return scope.start <= at && at < scope.end;
}

function sameScope(a: Binding, b: Binding): boolean {
  return (a.scope?.start ?? -1) === (b.scope?.start ?? -1);
}

function calleeText(e: Expr): string {
  if (e.k === 'name') return e.name;
  if (e.k === 'member') {
    const o = calleeText(e.object);
    return o ? `${o}.${e.prop}` : '';
  }
  return '';
}
