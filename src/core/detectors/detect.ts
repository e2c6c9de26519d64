// Finds the LLM calls of one parsed file: every candidate call whose callee traces back to a known SDK (imports,
// client constructors, module aliases, factories), plus calls on untraceable receivers whose API path and
// arguments are unmistakably an LLM API (e.g. `x.chat.completions.create(model=…, messages=…)`).

import type { Node } from '../languages/parser';
import type { Evaluator } from '../analysis/evaluator';
import { textOf } from '../analysis/evaluator';
import type { Expr } from '../analysis/ir';
import { lastNameOf, spanOf } from '../analysis/ir';
import type { ObjValue, Value } from '../analysis/values';
import { collectPrompts, type FoundPrompt } from '../prompts/collect';
import type { InsertionPoint, LlmCall, ModelSource, OutputCap, ProviderId, Span } from '../types';
import { type CallArgs, getArg, readArgs } from './args';
import { fallbackPathMatches, fallbackTarget } from './fallback';
import { type HttpTarget, httpSpec, httpTarget, isHttpCallee } from './http';
import { insertionInto } from './insertion';
import { inferProvider, providerOfServer } from './providerOfModel';
import type { CallSpec, CapSpec, SdkSpec } from './spec';
import { findEnclosingLoop } from './loops';

export interface DetectedCall {
  call: LlmCall;
  prompts: FoundPrompt[];
}

type CallExpr = Extract<Expr, { k: 'call' }>;

interface Target {
  spec: SdkSpec;
  call: CallSpec;
  receiver: ObjValue | null;
  provider: ProviderId;
  /** The API path as matched (`beta.chat.completions.parse`), reported as the call's `api`. */
  apiPath?: string;
}

export interface DetectOptions {
  text: string;
  /** 0-based line of an offset. */
  lineOf(offset: number): number;
  /** Calls per month from a `prompt-cost: N/month` comment on the call's line or the line above. */
  annotationFor(callLine: number): { callsPerMonth: number; span: Span } | undefined;
}

export function detectCalls(ev: Evaluator, callNodes: Node[], opts: DetectOptions): DetectedCall[] {
  const out: DetectedCall[] = [];
  const seen = new Set<number>();
  const usedCtors = new Set<number>();
  const ctorCandidates: { e: CallExpr; obj: ObjValue }[] = [];
  for (const node of callNodes) {
    if (seen.has(node.id)) continue;
    // The callee decides; lower the (possibly large) arguments only for calls that can be LLM calls.
    const calleeNode = node.childForFieldName(node.type === 'new_expression' ? 'constructor' : 'function');
    if (!calleeNode) continue;
    let callee = ev.lower(calleeNode);
    let target: Target | null = ev.calleeTarget(callee);
    const cv = target ? null : ev.eval(callee);
    // `fn = client.completions.create` … `fn(…)` on an untraced client: judge the method it holds.
    if (!target && callee.k === 'name') callee = boundMethod(ev, callee) ?? callee;
    if (cv && cv.t !== 'sdk' && cv.t !== 'obj' && cv.t !== 'objpath' && !fallbackPathMatches(callee) && !isHttpCallee(callee)) continue;
    const e = ev.lower(node);
    if (e.k !== 'call') continue;
    const http = target ? null : httpTarget(ev, e);
    if (http) {
      seen.add(node.id);
      const detected = buildCall(ev, e, { spec: httpSpec, call: http.call, receiver: null, provider: http.provider, apiPath: http.api }, opts, false, http);
      if (detected) out.push(detected);
      continue;
    }
    if (target?.call.returns || cv?.t === 'sdk' || (!target && (e.isNew || callee.k === 'name'))) {
      // A constructor or factory: remember LangChain models in case nothing invokes them in this file.
      const v = ev.eval(e);
      if (v.t === 'obj' && v.ctor === e && v.spec.types[v.type]?.reportCtorWhenUnused) ctorCandidates.push({ e, obj: v });
      continue;
    }
    if (!target) {
      target = fallbackTarget(ev, e, callee);
      if (!target) continue;
    }
    seen.add(node.id);
    const detected = buildCall(ev, e, target, opts);
    if (!detected) continue;
    for (let o: ObjValue | null = target.receiver; o; o = o.parent) if (o.ctor) usedCtors.add(o.ctor.node.startIndex);
    out.push(detected);
  }
  for (const { e, obj } of ctorCandidates) {
    if (usedCtors.has(e.node.startIndex)) continue;
    const report = obj.spec.types[obj.type].reportCtorWhenUnused!;
    const spec: CallSpec = { paths: [''], kind: report.kind, api: obj.className, fromReceiver: true,
      cap: obj.spec.types[obj.type].ctor?.cap };
    const detected = buildCall(ev, e, { spec: obj.spec, call: spec, receiver: obj, provider: obj.provider }, opts, true);
    if (detected) out.push(detected);
  }
  out.sort((a, b) => a.call.span.start - b.call.span.start);
  return out;
}

function buildCall(ev: Evaluator, e: CallExpr, target: Target, opts: DetectOptions, ctorOnly = false, http?: HttpTarget): DetectedCall | null {
  const { call: spec } = target;
  const args = ctorOnly ? { named: new Map(), positional: [], opaque: false, container: null, containerKind: null } as CallArgs
    : http?.args ?? readArgs(ev, e, spec.optionsPos);
  const chain = receiverChain(ev, target.receiver);

  // ---- model
  let model: string | null = null;
  let modelSource: ModelSource = 'dynamic';
  let modelSpan: Span | null = null;
  let provider = target.provider;
  const fromArgs = spec.model ? getArg(ev, args, spec.model) : null;
  if (fromArgs) {
    const r = modelFrom(ev, ev.eval(fromArgs.expr), fromArgs.expr, target.spec.sdk === 'vercel-ai');
    ({ model, source: modelSource, span: modelSpan } = r);
    if (fromArgs.indirect && modelSource === 'literal') modelSource = 'constant';
    if (r.provider && r.provider !== 'unknown') provider = r.provider;
  } else {
    for (const link of chain) {
      const ctorSpec = link.obj.spec.types[link.obj.type]?.ctor;
      if (!ctorSpec?.model || !link.args) continue;
      const slot = getArg(ev, link.args, ctorSpec.model);
      if (!slot) continue;
      const r = modelFrom(ev, ev.eval(slot.expr), slot.expr);
      model = r.model;
      modelSpan = r.span;
      modelSource = r.source === 'env-default' ? 'env-default' : r.model ? 'constructor' : 'dynamic';
      if (r.provider && r.provider !== 'unknown') provider = r.provider;
      break;
    }
  }
  if (!model && http?.urlModel) { model = http.urlModel; modelSource = 'literal'; }
  const server = serverUrl(ev, args, chain);
  // A base URL the file does not show: the server may not be the SDK's vendor; the model's name may still say.
  const served = server === undefined ? null : server === null ? 'unknown' : providerOfServer(server, model);
  if (served) provider = served;
  if (provider === 'unknown' || provider === 'litellm') {
    const hint = modelProviderKw(ev, chain) ?? (model ? inferProvider(model) : null);
    if (hint) provider = hint;
  } else if (provider === 'openai' && model && !served) {
    // The OpenAI SDK against another vendor's OpenAI-compatible endpoint (Gemini, Mistral, Anthropic): their prices.
    const vendor = inferProvider(model);
    if (vendor && vendor !== 'openai' && vendor !== 'azure-openai') provider = vendor;
  }

  // ---- output cap
  let outputCap: OutputCap | null = spec.cap && !ctorOnly ? findCap(ev, args, spec.cap) : null;
  let capHome: { args: CallArgs; cap: CapSpec } | null = spec.cap && !ctorOnly ? { args, cap: spec.cap } : null;
  let ctorHome: { args: CallArgs; cap: CapSpec } | null = null;
  // `chat.send_message(msg, config=…)` in google-genai uses that config instead of the chat's.
  const ownConfig = !!spec.configReplaces && !!spec.cap?.nested?.some((n) => n.holders.some((h) => args.named.has(h)));
  for (const link of ownConfig ? [] : chain) {
    // Options bound on the way (`.bind(max_tokens=…)`) override the constructor's, as at run time.
    if (!outputCap && link.bound && spec.cap) outputCap = findCap(ev, link.bound, spec.cap);
    const ctorCap = link.obj.spec.types[link.obj.type]?.ctor?.cap;
    if (!ctorCap || !link.args) continue;
    if (!outputCap) outputCap = findCap(ev, link.args, ctorCap);
    ctorHome = { args: link.args, cap: ctorCap };
  }
  // The model's constructor (the root-most one) is where a cap belongs for LangChain and GenerativeModel.
  if (ctorHome) capHome = ctorHome;
  const opaque = args.opaque || chain.some((l) => l.args?.opaque || l.bound?.opaque);
  let capInsertion: InsertionPoint | null = null;
  if (!outputCap && capHome && !spec.noOutput && !capHome.args.opaque) {
    capInsertion = capInsertionFor(ev, capHome.args, capHome.cap, opts.text);
  }

  // ---- prompts
  const prompts: FoundPrompt[] = [];
  let messageCount = 0;
  let dynamicInputs = 0;
  for (const link of [...chain].reverse()) {
    const ctorPrompts = link.obj.spec.types[link.obj.type]?.ctor?.prompts;
    if (!ctorPrompts || !link.args) continue;
    for (const p of ctorPrompts) {
      const slot = getArg(ev, link.args, p);
      if (!slot) continue;
      const c = collectPrompts(ev, slot.expr, p.role, !!p.messages);
      prompts.push(...c.prompts);
      dynamicInputs += c.dynamic;
      if (c.prompts.length) messageCount++;
    }
  }
  for (const p of spec.prompts ?? []) {
    const slot = getArg(ev, args, p);
    if (!slot) continue;
    const c = collectPrompts(ev, slot.expr, p.role, !!p.messages);
    prompts.push(...c.prompts);
    dynamicInputs += c.dynamic;
    messageCount += p.messages ? Math.max(c.messages, c.prompts.length + c.dynamic ? 1 : 0) : c.prompts.length + c.dynamic ? 1 : 0;
  }

  // ---- the rest
  const streamArg = args.named.get('stream');
  const stream = !!spec.stream || !!http?.stream || (!!streamArg && isTrue(ev.eval(streamArg.expr)));
  const loop = ctorOnly ? null : findEnclosingLoop(e.node);
  const nameNode = e.callee.k === 'member' ? e.callee.propNode : e.callee.node;
  const callStart = e.node.startIndex;
  const line = opts.lineOf(callStart);
  const options: LlmCall['options'] = {};
  const n = args.named.get('n');
  if (n) { const v = ev.eval(n.expr); options.n = v.t === 'num' ? v.value : null; }
  if (args.named.has('tools') || args.named.has('functions')) options.tools = true;
  if (opaque) options.opaqueArgs = true;
  const call: LlmCall = {
    id: `c${e.node.startIndex}`,
    span: { start: callStart, end: e.node.endIndex },
    nameSpan: spanOf(nameNode),
    provider,
    sdk: target.spec.sdk,
    api: target.apiPath || spec.api || (target.receiver && !target.apiPath && e.callee.k === 'name' && !ctorOnly ? `${lastNameOf(e.callee)}()` : spec.paths[0] || lastNameOf(e.callee)),
    kind: spec.kind,
    model,
    modelSource,
    modelSpan,
    outputCap: spec.noOutput ? null : outputCap,
    capInsertion,
    stream,
    inLoop: !!loop,
    ...(loop ? { loopSpan: spanOf(loop) } : {}),
    promptIds: [],
    messageCount: spec.kind === 'chat' ? messageCount : 0,
    dynamicInputs,
    options,
  };
  const annotation = opts.annotationFor(line);
  if (annotation) call.annotation = annotation;
  const reasoning = findReasoning(ev, args);
  if (reasoning) call.reasoning = reasoning;
  return { call, prompts };
}

/** `args`: the constructor's, when it describes the object; `bound`: call options bound by the call that made it. */
interface ChainLink { obj: ObjValue; args: CallArgs | null; bound: CallArgs | null }

/** The member expression a name was assigned (`fn = client.chat.completions.create`), when that is all it holds. */
function boundMethod(ev: Evaluator, name: Extract<Expr, { k: 'name' }>): Expr | null {
  const bindings = ev.facts.bindingsOf(name.name);
  if (bindings?.length !== 1 || bindings[0].kind !== 'value') return null;
  const value = ev.lower(bindings[0].node);
  return value.k === 'member' ? value : null;
}

/** The receiver and the objects it was derived from, nearest first, with their constructor arguments. */
function receiverChain(ev: Evaluator, receiver: ObjValue | null): ChainLink[] {
  const out: ChainLink[] = [];
  for (let o = receiver; o && out.length < 8; o = o.parent) {
    out.push({ obj: o, args: o.ctor && o.ctorDescribes ? readArgs(ev, o.ctor) : null, bound: o.ctor && o.bindsOptions ? readArgs(ev, o.ctor) : null });
  }
  return out;
}

function modelFrom(ev: Evaluator, v: Value, expr: Expr, providerHelper = false): { model: string | null; source: ModelSource; span: Span | null; provider?: ProviderId } {
  // The AI SDK's `model` is always a provider helper call: `myOpenAI('gpt-4o')` names the model even when the
  // helper comes from a module of the app.
  if (providerHelper && v.t === 'unknown' && expr.k === 'call' && expr.args[0] && !expr.args[0].name) {
    const inner = modelFrom(ev, ev.eval(expr.args[0].value), expr.args[0].value);
    if (inner.model && inferProvider(inner.model)) return { ...inner, provider: inferProvider(inner.model)! };
  }
  if (v.t === 'str') {
    if (v.parts.some((p) => 'placeholder' in p)) return { model: null, source: 'dynamic', span: null };
    const written = textOf(v).trim();
    if (!written) return { model: null, source: 'dynamic', span: null };
    const span = v.pieces.length === 1 ? v.pieces[0].contentSpan : null;
    // `providerId:modelId` (AI SDK registries, LangChain's init_chat_model): the model is the part after the colon.
    const registry = /^([a-z][\w-]*):([^:/\s].*)$/i.exec(written);
    const vendor = registry ? inferProvider(`${registry[1]}/`) : null;
    if (registry && vendor) return { model: registry[2], source: v.source, span, provider: vendor };
    return { model: written, source: v.source, span };
  }
  if (v.t === 'obj') {
    // Vercel AI SDK: model: openai('gpt-4o')
    const ctorSpec = v.spec.types[v.type]?.ctor;
    if (v.ctor && ctorSpec?.model) {
      const slot = getArg(ev, readArgs(ev, v.ctor), ctorSpec.model);
      if (slot) {
        const inner = modelFrom(ev, ev.eval(slot.expr), slot.expr);
        const source: ModelSource = inner.source === 'env-default' || inner.source === 'dynamic' ? inner.source
          : expr.k === 'name' || expr.k === 'member' || v.viaName ? 'constant' : inner.source;
        return { ...inner, source, provider: v.provider };
      }
    }
    return { model: null, source: 'dynamic', span: null, provider: v.provider };
  }
  return { model: null, source: 'dynamic', span: null };
}

const BASE_URL_NAMES = ['base_url', 'baseURL', 'baseUrl', 'api_base', 'openai_api_base'];

/**
 * The URL a client (or a LiteLLM call) was pointed at: `OpenAI(base_url=…)`, `new ChatOpenAI({ configuration: { baseURL } })`;
 * null when one is given that the file does not show, undefined when none is given.
 */
function serverUrl(ev: Evaluator, args: CallArgs, chain: ChainLink[]): string | null | undefined {
  for (const a of [args, ...chain.map((l) => l.args)]) {
    if (!a) continue;
    const conf = a.named.get('configuration');
    const confValue = conf ? ev.eval(conf.expr) : null;
    for (const name of BASE_URL_NAMES) {
      const slot = a.named.get(name);
      const v = slot ? ev.eval(slot.expr) : confValue?.t === 'dict' ? ev.dictGet(confValue, name) : null;
      if (v) return v.t === 'str' ? textOf(v) : v.t === 'null' ? undefined : null;
    }
  }
  return undefined;
}

function modelProviderKw(ev: Evaluator, chain: ChainLink[]): ProviderId | null {
  for (const link of chain) {
    const slot = link.args?.named.get('model_provider') ?? link.args?.named.get('modelProvider');
    if (!slot) continue;
    const v = ev.eval(slot.expr);
    if (v.t === 'str') return inferProvider(textOf(v) + '/');
  }
  return null;
}

function findCap(ev: Evaluator, args: CallArgs, cap: CapSpec): OutputCap | null {
  for (const name of cap.names) {
    const slot = args.named.get(name);
    if (slot) return capFrom(ev, name, slot.expr, slot.node);
  }
  for (const nested of cap.nested ?? []) {
    for (const holder of nested.holders) {
      const slot = args.named.get(holder);
      if (!slot) continue;
      const v = ev.eval(slot.expr);
      if (v.t !== 'dict') continue;
      for (const name of nested.names) {
        const inner = ev.dictGet(v, name);
        if (!inner) continue;
        const en = findEntryNode(v, name);
        return capFrom(ev, name, null, en ?? slot.node, inner);
      }
    }
  }
  return null;
}

function findEntryNode(v: Extract<Value, { t: 'dict' }>, key: string): Node | null {
  for (let i = v.entries.length - 1; i >= 0; i--) if (v.entries[i].key === key) return v.entries[i].node;
  return null;
}

function capFrom(ev: Evaluator, param: string, expr: Expr | null, node: Node, value?: Value): OutputCap | null {
  const v = value ?? (expr ? ev.eval(expr) : null);
  if (v && v.t === 'null') return null; // max_tokens=None means no cap
  return { param, value: v && v.t === 'num' ? v.value : null, span: spanOf(node) };
}

function capInsertionFor(ev: Evaluator, args: CallArgs, cap: CapSpec, text: string): InsertionPoint | null {
  if (!args.container || !args.containerKind) return null;
  const lang = ev.lang === 'python' ? 'python' : 'js';
  const param = cap.insert[lang];
  if (!cap.insertInto) {
    const style = args.containerKind === 'js-object' ? 'js-property' : args.containerKind === 'python-dict' ? 'python-dict-entry' : 'python-kwarg';
    return insertionInto(args.container, text, style, param);
  }
  // Gemini: inside the generation config, creating it when absent.
  for (const nested of cap.nested ?? []) {
    for (const holder of nested.holders) {
      const slot = args.named.get(holder);
      if (!slot) continue;
      const home = dictHome(ev, slot.expr);
      if (!home) return null;
      return insertionInto(home.node, text, home.style, param);
    }
  }
  const holderName = cap.insertInto[lang];
  const style = args.containerKind === 'js-object' ? 'js-property' : 'python-kwarg';
  const p = insertionInto(args.container, text, style, param);
  if (!p) return null;
  p.wrapper = style === 'js-property' ? { open: `${holderName}: { `, close: ' }' } : { open: `${holderName}={`, close: '}' };
  return p;
}

/** The literal a nested config is written in: a dict/object literal or a Python config-class call. */
function dictHome(ev: Evaluator, expr: Expr, depth = 0): { node: Node; style: InsertionPoint['style'] } | null {
  if (depth > 4) return null;
  if (expr.k === 'dict') return { node: expr.node, style: ev.lang === 'python' ? 'python-dict-entry' : 'js-property' };
  if (expr.k === 'call' && ev.lang === 'python' && expr.argsNode?.type === 'argument_list') return { node: expr.argsNode, style: 'python-kwarg' };
  if (expr.k === 'name') {
    const b = ev.facts.bindingsOf(expr.name);
    if (b?.length === 1 && b[0].kind === 'value') return dictHome(ev, ev.lower(b[0].node), depth + 1);
  }
  return null;
}

function findReasoning(ev: Evaluator, args: CallArgs): LlmCall['reasoning'] | undefined {
  for (const name of ['reasoning_effort', 'reasoningEffort']) {
    const s = args.named.get(name);
    if (s) return { param: name, value: scalar(ev.eval(s.expr)), span: spanOf(s.node) };
  }
  const nestedKeys: [string, string[]][] = [['reasoning', ['effort']], ['thinking', ['budget_tokens', 'budgetTokens', 'type']],
    ['thinking_config', ['thinking_budget', 'thinkingBudget']], ['thinkingConfig', ['thinkingBudget', 'thinking_budget']]];
  for (const [holder, keys] of nestedKeys) {
    const s = args.named.get(holder);
    if (!s) continue;
    const v = ev.eval(s.expr);
    if (v.t === 'dict') {
      for (const k of keys) {
        const inner = ev.dictGet(v, k);
        if (inner) return { param: `${holder}.${k}`, value: scalar(inner), span: spanOf(s.node) };
      }
    }
    return { param: holder, value: null, span: spanOf(s.node) };
  }
  const config = args.named.get('config');
  if (config) {
    const v = ev.eval(config.expr);
    if (v.t === 'dict') {
      for (const h of ['thinking_config', 'thinkingConfig']) {
        const tc = ev.dictGet(v, h);
        if (tc && tc.t === 'dict') {
          const b = ev.dictGet(tc, 'thinking_budget') ?? ev.dictGet(tc, 'thinkingBudget');
          return { param: `config.${h}`, value: b ? scalar(b) : null, span: spanOf(config.node) };
        }
      }
    }
  }
  return undefined;
}

function scalar(v: Value): string | number | null {
  return v.t === 'num' ? v.value : v.t === 'str' ? textOf(v) : null;
}

function isTrue(v: Value): boolean {
  return v.t === 'bool' && v.value;
}

