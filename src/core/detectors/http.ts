// Raw HTTP requests to a model API: `requests.post("https://api.openai.com/v1/chat/completions", json={…})`,
// `fetch(url, { body: JSON.stringify({…}) })`, `axios.post(url, {…})`. The URL says which API; the JSON body holds the
// model, the cap and the prompts under the same names as the SDKs take them. Only generation endpoints count
// (`/v1/models` or a webhook does not), and only with a body that has the API's fields.

import type { Evaluator } from '../analysis/evaluator';
import { textOf } from '../analysis/evaluator';
import type { Expr } from '../analysis/ir';
import type { ProviderId } from '../types';
import { type CallArgs, dictArgs } from './args';
import { inferProvider, providerOfServer } from './providerOfModel';
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
}

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

/** Callee names that send a request with a URL first (`post`, `fetch`) or a method then a URL (`request`, `stream`). */
export const HTTP_CALLEES = ['fetch', 'post', 'request', 'stream', 'ofetch', '$fetch'];

export interface HttpTarget {
  call: CallSpec;
  args: CallArgs;
  provider: ProviderId;
  api: string;
  /** The model named by the URL (Gemini REST: `…/models/gemini-2.0-flash:generateContent`). */
  urlModel: string | null;
  stream: boolean;
}

const calleeName = (callee: Expr) => callee.k === 'member' ? callee.prop : callee.k === 'name' ? callee.name : '';

export function isHttpCallee(callee: Expr): boolean {
  return HTTP_CALLEES.includes(calleeName(callee));
}

export function httpTarget(ev: Evaluator, e: CallExpr): HttpTarget | null {
  const name = calleeName(e.callee);
  if (!HTTP_CALLEES.includes(name)) return null;
  const methodFirst = name === 'request' || name === 'stream';
  const urlExpr = e.args.find((a) => a.name === 'url')?.value ?? e.args.filter((a) => !a.name)[methodFirst ? 1 : 0]?.value;
  if (!urlExpr) return null;
  const urlValue = ev.eval(urlExpr);
  if (urlValue.t !== 'str') return null;
  const url = textOf(urlValue).replace(/[?#].*$/, '').replace(/\/+$/, '');
  // A relative URL is the app's own backend (a proxy route): the model call, if any, happens there.
  if (/^[./]/.test(url)) return null;
  const endpoint = ENDPOINTS.find((ep) => ep.path.test(url));
  if (!endpoint) return null;
  const bodyExpr = body(ev, e, methodFirst);
  const args = bodyExpr ? dictArgs(ev, bodyExpr) : null;
  if (!args || !endpoint.needs.every((k) => args.named.has(k))) return null;
  const named = endpoint.modelInUrl?.exec(url)?.[1] ?? null;
  const urlModel = named && !/[{}$]/.test(named) ? named : null; // not a placeholder
  const modelSlot = args.named.get('model');
  const mv = modelSlot ? ev.eval(modelSlot.expr) : null;
  const modelName = urlModel ?? (mv?.t === 'str' ? textOf(mv) : null);
  const provider = providerOfServer(url, modelName) ?? endpoint.provider ?? (modelName ? inferProvider(modelName) : null) ?? 'unknown';
  return { call: endpoint.call, args, provider, api: endpoint.call.paths[0], urlModel,
    stream: /:streamGenerateContent$/.test(url) };
}

/** The JSON body: Python `json=` / `data=json.dumps(…)`; JS `{ body: JSON.stringify(…) }`, `{ json: … }`, or axios's data. */
function body(ev: Evaluator, e: CallExpr, methodFirst: boolean): Expr | null {
  if (ev.lang === 'python') {
    const kw = e.args.find((a) => a.name === 'json') ?? e.args.find((a) => a.name === 'data' || a.name === 'content');
    return kw ? unwrapJson(kw.value) : null;
  }
  const second = e.args.filter((a) => !a.spread)[methodFirst ? 2 : 1]?.value;
  if (!second) return null;
  const init = ev.eval(second);
  if (init.t !== 'dict') return null;
  const holder = ev.dictGet(init, 'body') ?? ev.dictGet(init, 'json') ?? ev.dictGet(init, 'data');
  if (!holder) return second; // axios.post(url, data)
  const entry = init.entries.find((en) => en.key === 'body' || en.key === 'json' || en.key === 'data');
  return entry ? unwrapJson(entry.value) : null;
}

/** `json.dumps(x)` / `JSON.stringify(x)` → x. */
function unwrapJson(x: Expr): Expr {
  if (x.k === 'call' && x.args[0] && x.callee.k === 'member' && ((x.callee.prop === 'dumps') || (x.callee.prop === 'stringify'))) return x.args[0].value;
  return x;
}
