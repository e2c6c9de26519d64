// Calls on receivers that cannot be traced in the file (a client passed in, built elsewhere, or from another
// module) still count when the API path and the arguments are unmistakably an LLM API. Twilio's
// `client.messages.create(body=…, to=…)` has no `model`: not an LLM call.

import type { Evaluator } from '../analysis/evaluator';
import { findCall, textOf } from '../analysis/evaluator';
import type { Expr } from '../analysis/ir';
import { memberChain } from '../analysis/ir';
import type { Value } from '../analysis/values';
import type { ProviderId } from '../types';
import { readArgs } from './args';
import { inferProvider } from './providerOfModel';
import { anthropic } from './sdks/anthropic';
import { googleGenai } from './sdks/google';
import { mistral } from './sdks/mistral';
import { openai } from './sdks/openai';
import type { CallSpec, SdkSpec } from './spec';

interface FallbackRule {
  paths: string[];
  spec: SdkSpec;
  type: string;
  /** Every one of these arguments must be present… */
  all: string[];
  /** …and at least one of these. */
  any: string[];
}

const RULES: FallbackRule[] = [
  { paths: ['beta.chat.completions.parse', 'beta.chat.completions.stream', 'chat.completions.create', 'chat.completions.parse',
    'chat.completions.stream'], spec: openai, type: 'client', all: [], any: ['model', 'messages'] },
  { paths: ['responses.create', 'responses.parse', 'responses.stream'], spec: openai, type: 'client', all: ['model'], any: ['input', 'instructions'] },
  { paths: ['beta.messages.create', 'beta.messages.stream', 'messages.create', 'messages.stream'], spec: anthropic, type: 'client',
    all: ['model', 'messages'], any: ['max_tokens', 'system', 'messages'] },
  { paths: ['models.generate_content', 'models.generateContent', 'models.generate_content_stream', 'models.generateContentStream'],
    spec: googleGenai, type: 'client', all: ['model'], any: ['contents'] },
  { paths: ['chat.complete', 'chat.complete_async', 'chat.stream', 'chat.stream_async'], spec: mistral, type: 'client',
    all: ['model', 'messages'], any: ['messages'] },
  { paths: ['audio.transcriptions.create', 'audio.translations.create'], spec: openai, type: 'client', all: ['model', 'file'], any: ['file'] },
  { paths: ['audio.speech.create'], spec: openai, type: 'client', all: ['model', 'input'], any: ['voice'] },
  { paths: ['images.generate'], spec: openai, type: 'client', all: ['model', 'prompt'], any: ['prompt'] },
  { paths: ['completions.create'], spec: openai, type: 'client', all: ['model'], any: ['prompt'] },
  // openai-node v3 on a client built in another module
  { paths: ['createChatCompletion'], spec: openai, type: 'v3client', all: ['model', 'messages'], any: ['messages'] },
  { paths: ['createCompletion'], spec: openai, type: 'v3client', all: ['model', 'prompt'], any: ['prompt'] },
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
export function fallbackTarget(ev: Evaluator, e: Extract<Expr, { k: 'call' }>, callee: Expr = e.callee):
  { spec: SdkSpec; call: CallSpec; receiver: null; provider: ProviderId; apiPath: string } | null {
  if (callee.k !== 'member') return null;
  const { base, path } = memberChain(callee);
  const joined = path.filter((p) => p !== 'with_raw_response' && p !== 'with_streaming_response').join('.');
  for (const rule of RULES) {
    const hit = rule.paths.find((p) => joined === p || joined.endsWith('.' + p));
    if (!hit) continue;
    // The receiver is untraced, or an SDK client reached through a path the tables do not list (a beta or
    // renamed namespace such as `client.beta.prompt_caching.messages.create`).
    const baseValue: Value = base.k === 'name' && (base.name === 'self' || base.name === 'this') ? { t: 'unknown' } : ev.eval(base);
    if (baseValue.t !== 'unknown' && baseValue.t !== 'obj' && baseValue.t !== 'sdk') return null;
    const traced = baseValue.t === 'obj' ? baseValue.provider : null;
    const args = readArgs(ev, e);
    if (!rule.all.every((a) => args.named.has(a)) || !rule.any.some((a) => args.named.has(a))) return null;
    const call = findCall(rule.spec.types[rule.type].calls, hit);
    if (!call) return null;
    const modelSlot = args.named.get('model');
    const mv = modelSlot ? ev.eval(modelSlot.expr) : null;
    const fromModel = mv && mv.t === 'str' ? inferProvider(textOf(mv)) : null;
    return { spec: rule.spec, call, receiver: null, provider: traced ?? fromModel ?? importedFamily(ev) ?? rule.spec.provider, apiPath: hit };
  }
  return null;
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
