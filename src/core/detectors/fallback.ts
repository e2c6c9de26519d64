// Calls on receivers that cannot be traced in the file (a client passed in, built elsewhere, or from another
// module) still count when the API path and the arguments are unmistakably an LLM API. Twilio's
// `client.messages.create(body=…, to=…)` has no `model`: not an LLM call.

import type { Evaluator } from '../analysis/evaluator';
import { findCall, textOf } from '../analysis/evaluator';
import type { Expr } from '../analysis/ir';
import { memberChain } from '../analysis/ir';
import type { Value } from '../analysis/values';
import type { ProviderId } from '../types';
import { type CallArgs, getArg, readArgs } from './args';
import { inferProvider } from './providerOfModel';
import { anthropic } from './sdks/anthropic';
import { googleGenai, googleGenerativeAi } from './sdks/google';
import { mistral } from './sdks/mistral';
import { openai } from './sdks/openai';
import type { ArgRef, CallSpec, SdkSpec } from './spec';

type CallExpr = Extract<Expr, { k: 'call' }>;

/**
 * What an argument must look like. `messages`: a list of `{role, content}` dicts; `messages-or-unknown`: that, or a
 * value the file does not show (never a string); `gemini-contents`: a list of Gemini contents (`{role, parts}`) or
 * parts (`{inlineData}`).
 */
type Shape = 'messages' | 'messages-or-unknown' | 'gemini-contents';

interface FallbackRule {
  paths: string[];
  spec: SdkSpec;
  type: string;
  /** Every one of these arguments must be present… */
  all: string[];
  /** …and at least one of these (when any are listed). */
  any: string[];
  /** Arguments that must have a shape. */
  shapes?: { arg: ArgRef; shape: Shape }[];
  /** The call of the spec it is (`x.completions.create(messages=…)` is Chat Completions), when not the matched path. */
  as?: string;
  /** The receiver must be made by a call of one of these methods, with no options but these (`startChat(…).sendMessage(…)`). */
  madeBy?: { methods: string[]; options: string[] };
}

const GEMINI_CHAT_OPTIONS = ['history', 'generationConfig', 'generation_config', 'systemInstruction', 'system_instruction',
  'safetySettings', 'safety_settings', 'tools', 'toolConfig', 'tool_config', 'enable_automatic_function_calling'];

const RULES: FallbackRule[] = [
  { paths: ['beta.chat.completions.parse', 'beta.chat.completions.stream', 'chat.completions.create', 'chat.completions.parse',
    'chat.completions.stream'], spec: openai, type: 'client', all: [], any: ['model', 'messages'] },
  { paths: ['responses.create', 'responses.parse', 'responses.stream'], spec: openai, type: 'client', all: ['model'], any: ['input', 'instructions'] },
  { paths: ['beta.messages.create', 'beta.messages.stream', 'messages.create', 'messages.stream'], spec: anthropic, type: 'client',
    all: ['model', 'messages'], any: ['max_tokens', 'system', 'messages'] },
  // The model in `**kwargs` or positional: Anthropic's required max_tokens with real chat messages (Twilio has neither).
  { paths: ['beta.messages.create', 'beta.messages.stream', 'messages.create', 'messages.stream'], spec: anthropic, type: 'client',
    all: ['max_tokens', 'messages'], any: [], shapes: [{ arg: { names: ['messages'] }, shape: 'messages' }] },
  { paths: ['models.generate_content', 'models.generateContent', 'models.generate_content_stream', 'models.generateContentStream'],
    spec: googleGenai, type: 'client', all: ['model'], any: ['contents'] },
  // A Gemini GenerativeModel made in another module (`getModel().generateContent(…)`): only Gemini-shaped contents say so.
  { paths: ['generateContent', 'generateContentStream', 'generate_content', 'generate_content_async'], spec: googleGenerativeAi,
    type: 'model', all: [], any: [], shapes: [{ arg: { names: ['contents'], pos: 0 }, shape: 'gemini-contents' }] },
  // Its chat session: a `sendMessage` on what `startChat(…)` made (a Slack or Telegram `sendMessage` is not).
  { paths: ['sendMessage', 'sendMessageStream', 'send_message', 'send_message_async'], spec: googleGenerativeAi, type: 'chat',
    all: [], any: [], madeBy: { methods: ['startChat', 'start_chat'], options: GEMINI_CHAT_OPTIONS } },
  { paths: ['chat.complete', 'chat.complete_async', 'chat.stream', 'chat.stream_async'], spec: mistral, type: 'client',
    all: ['model', 'messages'], any: ['messages'] },
  { paths: ['audio.transcriptions.create', 'audio.translations.create'], spec: openai, type: 'client', all: ['model', 'file'], any: ['file'] },
  { paths: ['audio.speech.create'], spec: openai, type: 'client', all: ['model', 'input'], any: ['voice'] },
  { paths: ['images.generate'], spec: openai, type: 'client', all: ['model', 'prompt'], any: ['prompt'] },
  // The `chat` resource handed out by a wrapper (`const chat = getChat(); chat.completions.create({ model, messages })`).
  { paths: ['completions.create'], spec: openai, type: 'client', all: ['model', 'messages'], any: [], as: 'chat.completions.create',
    shapes: [{ arg: { names: ['messages'] }, shape: 'messages-or-unknown' }] },
  { paths: ['completions.create'], spec: openai, type: 'client', all: ['model'], any: ['prompt'] },
  // openai-node v3 on a client built in another module
  { paths: ['createChatCompletion'], spec: openai, type: 'v3client', all: ['model', 'messages'], any: ['messages'] },
  { paths: ['createCompletion'], spec: openai, type: 'v3client', all: ['model', 'prompt'], any: ['prompt'] },
  { paths: ['createImage'], spec: openai, type: 'v3client', all: ['prompt'], any: ['n', 'size'] },
  { paths: ['createEmbedding'], spec: openai, type: 'v3client', all: ['model', 'input'], any: [] },
  { paths: ['embeddings.create'], spec: openai, type: 'client', all: ['model'], any: ['input'] },
];

const FAMILY_MODULES: Partial<Record<ProviderId, string[]>> = {
  openai: ['openai'], anthropic: ['anthropic', '@anthropic-ai/sdk'], google: ['google.genai', '@google/genai'],
  mistral: ['mistralai', '@mistralai/mistralai'], groq: ['groq', 'groq-sdk'],
};

/** Cheap pre-check on the callee alone: could this be one of the recognised API paths? */
export function fallbackPathMatches(callee: Expr): boolean {
  if (callee.k !== 'member') return false;
  const joined = memberChain(callee).path.join('.');
  return RULES.some((rule) => rule.paths.some((p) => joined === p || joined.endsWith('.' + p) || joined.includes('with_raw_response')));
}

/** `callee` is the call's callee, or the bound method a called name holds (`fn = client.completions.create`). */
export function fallbackTarget(ev: Evaluator, e: CallExpr, callee: Expr = e.callee):
  { spec: SdkSpec; call: CallSpec; receiver: null; provider: ProviderId; apiPath: string } | null {
  if (callee.k !== 'member') return null;
  const { base, path } = memberChain(callee);
  const joined = path.filter((p) => p !== 'with_raw_response' && p !== 'with_streaming_response').join('.');
  let baseValue: Value | null = null;
  let args: CallArgs | null = null;
  for (const rule of RULES) {
    const hit = rule.paths.find((p) => joined === p || joined.endsWith('.' + p));
    if (!hit) continue;
    // The receiver is untraced, or an SDK client reached through a path the tables do not list (a beta or
    // renamed namespace such as `client.beta.prompt_caching.messages.create`).
    baseValue ??= base.k === 'name' && (base.name === 'self' || base.name === 'this') ? { t: 'unknown' } : ev.eval(base);
    // (A Python call with keywords only reads as a dict of them: what it returns is not known either.)
    if (baseValue.t !== 'unknown' && baseValue.t !== 'obj' && baseValue.t !== 'sdk' && !(baseValue.t === 'dict' && baseValue.fromCall)) return null;
    args ??= readArgs(ev, e);
    if (!argsMatch(ev, rule, args) || (rule.madeBy && !madeBy(ev, callee.object, rule.madeBy))) continue;
    const call = findCall(rule.spec.types[rule.type].calls, rule.as ?? hit);
    if (!call) continue;
    const modelSlot = args.named.get('model');
    const mv = modelSlot ? ev.eval(modelSlot.expr) : null;
    const fromModel = mv && mv.t === 'str' ? inferProvider(textOf(mv)) : null;
    const traced = baseValue.t === 'obj' ? baseValue.provider : null;
    // Other vendors' SDKs serve the OpenAI API shapes only: an Anthropic or Gemini call is never the imported Groq's.
    const imported = rule.spec === openai ? importedFamily(ev) : null;
    return { spec: rule.spec, call, receiver: null, provider: traced ?? fromModel ?? imported ?? rule.spec.provider,
      apiPath: call.api ?? rule.as ?? hit };
  }
  return null;
}

function argsMatch(ev: Evaluator, rule: FallbackRule, args: CallArgs): boolean {
  if (!rule.all.every((a) => args.named.has(a))) return false;
  if (rule.any.length && !rule.any.some((a) => args.named.has(a))) return false;
  return (rule.shapes ?? []).every(({ arg, shape }) => {
    const slot = getArg(ev, args, arg);
    return !!slot && hasShape(ev, slot.expr, shape);
  });
}

function hasShape(ev: Evaluator, expr: Expr, shape: Shape): boolean {
  const v = ev.eval(expr);
  if (v.t === 'unknown') return shape === 'messages-or-unknown' && !v.env;
  if (v.t !== 'list') return false;
  const keys = shape === 'gemini-contents' ? [['parts'], ['inlineData'], ['inline_data'], ['fileData'], ['file_data']] : [['role', 'content']];
  // Every item we can see has the shape, and (unless the value may be unknown) at least one is seen.
  let seen = false;
  for (const item of v.items) {
    if (item.k === 'spread') continue;
    const iv = ev.eval(item);
    if (iv.t === 'unknown') continue;
    if (iv.t !== 'dict' || !keys.some((ks) => ks.every((k) => ev.dictGet(iv, k) !== null))) return false;
    seen = true;
  }
  return seen || shape === 'messages-or-unknown';
}

/** Whether the receiver (`model.startChat(…)`, or a name / `this.chat` assigned only that) comes from one of the methods. */
function madeBy(ev: Evaluator, receiver: Expr, rule: NonNullable<FallbackRule['madeBy']>): boolean {
  const key = receiver.k === 'name' ? receiver.name
    : receiver.k === 'member' && receiver.object.k === 'name' && receiver.object.name === ev.selfName ? `${ev.selfName}.${receiver.prop}` : null;
  // A name: the assignment it reads; `this.chat`: every assignment in the class (but `= None`).
  const bindings = key ? ev.bindingsAt(key, receiver.node.startIndex).filter((b) => b.kind === 'value') : [];
  const origins = receiver.k === 'call' ? [receiver]
    : (key?.includes('.') ? bindings : bindings.slice(0, 1)).map((b) => ev.lower(b.node)).filter((x) => x.k !== 'null');
  return origins.length > 0 && origins.every((o) => {
    if (o.k !== 'call' || o.callee.k !== 'member' || !rule.methods.includes(o.callee.prop)) return false;
    if (!o.args.length) return true;
    // Its options, if any, are the ones the SDK takes (not `startChat(userId)` of a messaging SDK).
    const opts = readArgs(ev, o);
    const positional = ev.lang === 'js' ? 1 : 0;
    return opts.named.size > 0 && opts.positional.length === positional && !opts.opaque &&
      [...opts.named.keys()].every((k) => rule.options.includes(k));
  });
}

/** When the model says nothing, an SDK the file imports does (one import only, or the rule's own family). */
function importedFamily(ev: Evaluator): ProviderId | null {
  const found = new Set<ProviderId>();
  for (const imp of ev.facts.imports.values()) {
    for (const [p, mods] of Object.entries(FAMILY_MODULES)) {
      if (mods!.some((m) => imp.module === m || imp.module.startsWith(m + '.') || imp.module.startsWith(m + '/'))) found.add(p as ProviderId);
    }
  }
  return found.size === 1 ? [...found][0] : null;
}
