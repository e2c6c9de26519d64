// Raw HTTP requests to a model API: `requests.post("https://api.openai.com/v1/chat/completions", json={…})`,
// `fetch(url, { body: JSON.stringify({…}) })`, `axios.post(url, {…})`. The URL says which API; the JSON body holds the
// model, the cap and the prompts under the same names as the SDKs take them. Only generation endpoints count
// (`/v1/models` or a webhook does not), with a body that has the API's fields, or one the file does not show when
// the URL is a vendor's own API host.

import type { Evaluator } from '../analysis/evaluator';
import { textOf } from '../analysis/evaluator';
import { type Expr, lastNameOf } from '../analysis/ir';
import type { Value } from '../analysis/values';
import type { ProviderId } from '../types';
import { type CallArgs, dictArgs, findEntry } from './args';
import { inferProvider, providerOfServer } from './providerOfModel';
import { ollamaCap } from './sdks/ollama';
import type { CallSpec, CapSpec, PromptArg, SdkSpec } from './spec';

type CallExpr = Extract<Expr, { k: 'call' }>;

const model = { names: ['model'] };
const messages: PromptArg = { names: ['messages'], role: 'user', messages: true };
const cap = (names: string[], insert: string): CapSpec => ({ names, insert: { python: insert, js: insert } });
const geminiCap: CapSpec = {
  names: [], nested: [{ holders: ['generationConfig', 'generation_config'], names: ['maxOutputTokens', 'max_output_tokens'] }],
  insert: { python: 'maxOutputTokens', js: 'maxOutputTokens' }, insertInto: { python: 'generationConfig', js: 'generationConfig' },
};

interface Endpoint {
  path: RegExp;
  /** Body fields that must all be there. */
  needs: string[];
  call: CallSpec;
  /** The vendor when the URL's host does not say (the API's shape is the vendor's own). */
  provider: ProviderId | null;
  /** Where the URL names the model (Gemini) or the deployment (Azure). */
  modelInUrl?: RegExp;
  /** Paths common enough elsewhere (`/api/chat`) count only on this host. */
  host?: RegExp;
}

/** Ollama's own port or a host named after it (a compose service). */
const OLLAMA_HOST = /^[a-z]+:\/\/(?:[^/]*:11434|[^/:]*ollama[^/:]*(?::\d+)?)(?:\/|$)/i;

const chatCompletions: CallSpec = { paths: ['POST /chat/completions'], kind: 'chat', model, cap: cap(['max_completion_tokens', 'max_tokens'], 'max_tokens'), prompts: [messages] };

const ENDPOINTS: Endpoint[] = [
  // Azure OpenAI: the deployment in the path stands for the model.
  { path: /\/openai\/deployments\/[^/]+\/chat\/completions$/, needs: ['messages'], provider: 'azure-openai',
    modelInUrl: /\/deployments\/([^/]+)\//, call: chatCompletions },
  { path: /\/chat\/completions$/, needs: ['model', 'messages'], provider: null, call: chatCompletions },
  { path: /\/v1\/completions$/, needs: ['model', 'prompt'], provider: null,
    call: { paths: ['POST /v1/completions'], kind: 'completion', model, cap: cap(['max_tokens'], 'max_tokens'), prompts: [{ names: ['prompt'], role: 'prompt' }] } },
  { path: /\/v1\/responses$/, needs: ['model', 'input'], provider: 'openai',
    call: { paths: ['POST /v1/responses'], kind: 'chat', model, cap: cap(['max_output_tokens'], 'max_output_tokens'),
      prompts: [{ names: ['instructions'], role: 'instructions' }, { names: ['input'], role: 'user', messages: true }] } },
  { path: /\/v1\/images\/generations$/, needs: ['prompt'], provider: null,
    call: { paths: ['POST /v1/images/generations'], kind: 'image', model, noOutput: true, prompts: [{ names: ['prompt'], role: 'prompt' }] } },
  // Ollama's native API.
  { path: /\/api\/chat$/, host: OLLAMA_HOST, needs: ['model', 'messages'], provider: 'self-hosted',
    call: { paths: ['POST /api/chat'], kind: 'chat', model, cap: ollamaCap, prompts: [messages] } },
  { path: /\/api\/generate$/, host: OLLAMA_HOST, needs: ['model', 'prompt'], provider: 'self-hosted',
    call: { paths: ['POST /api/generate'], kind: 'completion', model, cap: ollamaCap,
      prompts: [{ names: ['system'], role: 'system' }, { names: ['prompt'], role: 'prompt' }] } },
  { path: /\/v1\/embeddings$/, needs: ['model', 'input'], provider: null,
    call: { paths: ['POST /v1/embeddings'], kind: 'embedding', model, noOutput: true, prompts: [{ names: ['input'], role: 'input' }] } },
  { path: /\/v1\/messages$/, needs: ['model', 'messages'], provider: 'anthropic',
    call: { paths: ['POST /v1/messages'], kind: 'chat', model, cap: cap(['max_tokens'], 'max_tokens'),
      prompts: [{ names: ['system'], role: 'system' }, messages] } },
  { path: /\/models\/[^/:]+:(?:stream)?[gG]enerateContent$/, needs: ['contents'], provider: 'google', modelInUrl: /\/models\/([^/:]+):/,
    call: { paths: ['POST :generateContent'], kind: 'chat', cap: geminiCap,
      prompts: [{ names: ['systemInstruction', 'system_instruction'], role: 'system' }, { names: ['contents'], role: 'user', messages: true }] } },
];

export const httpSpec: SdkSpec = { sdk: 'http', provider: 'unknown', modules: [], exports: {}, types: { rest: { calls: ENDPOINTS.map((e) => e.call) } } };

/** Text every file with a detectable request holds: the API's path (a URL from elsewhere cannot be read anyway). */
export const HTTP_PATH_HINT = /completions|\/v1\/(?:messages|responses|embeddings|images)|generateContent|\/api\/(?:chat|generate)/i;

/**
 * Callee names that send a request with a URL first (`post`, `fetch`), a method then a URL (`request`, `stream` in
 * Python), or one config object (`axios({ url, data })`, `axios.request({ … })`).
 */
export const HTTP_CALLEES = ['fetch', 'post', 'request', 'stream', 'ofetch', '$fetch', 'axios'];

export interface HttpTarget {
  call: CallSpec;
  args: CallArgs;
  provider: ProviderId;
  api: string;
  /** The model named by the URL (Gemini REST: `…/models/gemini-2.0-flash:generateContent`). */
  urlModel: string | null;
  stream: boolean;
}

export function isHttpCallee(callee: Expr): boolean {
  return HTTP_CALLEES.includes(lastNameOf(callee));
}

/** Where a request's URL and JSON body are written. */
interface Request { url: Expr; body: Expr | null }

export function httpTarget(ev: Evaluator, e: CallExpr): HttpTarget | null {
  const name = lastNameOf(e.callee);
  if (!HTTP_CALLEES.includes(name)) return null;
  const req = requestOf(ev, e, name);
  if (!req) return null;
  const urlValue = ev.eval(req.url);
  if (urlValue.t !== 'str') return null;
  const url = textOf(urlValue).replace(/[?#].*$/, '').replace(/\/+$/, '');
  // A relative URL is the app's own backend (a proxy route): the model call, if any, happens there.
  if (/^[./]/.test(url)) return null;
  const endpoint = ENDPOINTS.find((ep) => ep.path.test(url) && (!ep.host || ep.host.test(url)));
  if (!endpoint || !req.body) return null;
  const named = endpoint.modelInUrl?.exec(url)?.[1] ?? null;
  const urlModel = named && !/[{}$]/.test(named) ? named : null; // not a placeholder
  let args = dictArgs(ev, req.body);
  if (args && !endpoint.needs.every((k) => args!.named.has(k))) return null;
  if (!args) {
    // A body the file does not show (`JSON.stringify(opts)`): enough when the URL is a vendor's own API.
    if (ev.eval(req.body).t !== 'unknown') return null;
    const vendor = providerOfServer(url, urlModel);
    if (!vendor || vendor === 'unknown' || vendor === 'self-hosted') return null;
    args = { named: new Map(), positional: [], opaque: true, container: null, containerKind: null };
  }
  const modelSlot = args.named.get('model');
  const mv = modelSlot ? ev.eval(modelSlot.expr) : null;
  const modelName = urlModel ?? (mv?.t === 'str' ? textOf(mv) : null);
  const served = providerOfServer(url, modelName);
  const provider = (served !== 'unknown' ? served : null) ?? endpoint.provider ?? (modelName ? inferProvider(modelName) : null) ?? 'unknown';
  return { call: endpoint.call, args, provider, api: endpoint.call.paths[0], urlModel, stream: /:streamGenerateContent$/.test(url) };
}

/**
 * The URL and the JSON body: Python `post(url, json=…)` / `data=json.dumps(…)`, `request("POST", url, …)`; JS
 * `fetch(url, { body: JSON.stringify(…) })`, `{ json: … }` (ky, got), `axios.post(url, data)`, `axios({ url, data })`.
 */
function requestOf(ev: Evaluator, e: CallExpr, name: string): Request | null {
  const positional = e.args.filter((a) => !a.name && !a.spread).map((a) => a.value);
  if (ev.lang === 'python') {
    const url = e.args.find((a) => a.name === 'url')?.value ?? positional[name === 'request' || name === 'stream' ? 1 : 0];
    const kw = e.args.find((a) => a.name === 'json') ?? e.args.find((a) => a.name === 'data' || a.name === 'content');
    return url ? { url, body: kw ? unwrapJson(kw.value) : null } : null;
  }
  const first = positional[0] ? ev.eval(positional[0]) : null;
  if ((name === 'axios' || name === 'request') && first?.t === 'dict') {
    // One request config: `axios({ method: 'post', url, data })`.
    const url = entryOf(ev, first, 'url');
    return url ? { url, body: entryOf(ev, first, 'data') ?? entryOf(ev, first, 'body') } : null;
  }
  if (name === 'axios' || !positional[0]) return null;
  const second = positional[1];
  if (!second) return { url: positional[0], body: null };
  const init = ev.eval(second);
  if (init.t !== 'dict') return { url: positional[0], body: name === 'post' ? second : null }; // axios.post(url, data)
  const holder = entryOf(ev, init, 'body') ?? entryOf(ev, init, 'json') ?? entryOf(ev, init, 'data');
  return { url: positional[0], body: holder ? unwrapJson(holder) : name === 'post' ? second : null };
}

/** A key of a dict value, through its spreads (the same reading as SDK option objects). */
function entryOf(ev: Evaluator, v: Extract<Value, { t: 'dict' }>, key: string): Expr | null {
  return findEntry(ev, v.entries, key)?.expr ?? null;
}

/** `json.dumps(x)` / `JSON.stringify(x)` → x. */
function unwrapJson(x: Expr): Expr {
  if (x.k === 'call' && x.args[0] && x.callee.k === 'member' && ((x.callee.prop === 'dumps') || (x.callee.prop === 'stringify'))) return x.args[0].value;
  return x;
}
