// Which vendor serves a model name, for wrappers that do not say (LiteLLM, init_chat_model, untraced receivers).

import { SELF_HOSTED_PREFIXES } from '../pricing/modelNames';
import type { ProviderId } from '../types';

const PREFIXES: Record<string, ProviderId> = {
  openai: 'openai', azure: 'azure-openai', azure_ai: 'azure-openai', anthropic: 'anthropic', claude: 'anthropic',
  gemini: 'google', google: 'google', vertex_ai: 'google', 'vertex_ai_beta': 'google', google_genai: 'google',
  google_vertexai: 'google', mistral: 'mistral', mistralai: 'mistral', cohere: 'cohere', cohere_chat: 'cohere', groq: 'groq',
  ...Object.fromEntries([...SELF_HOSTED_PREFIXES].map((p) => [p, 'self-hosted' as const])),
};

const NAME_PATTERNS: [RegExp, ProviderId][] = [
  [/^(gpt-|o[1-9](-|$)|chatgpt|text-embedding-(3|ada)|davinci|babbage|dall-e|whisper|tts-|omni-moderation|text-moderation|codex|computer-use|gpt-image)/, 'openai'],
  [/^claude/, 'anthropic'],
  [/^(models\/)?(gemini|gemma|text-embedding-004|embedding-001|imagen)/, 'google'],
  [/^(mistral|mixtral|codestral|pixtral|ministral|open-mistral|open-mixtral|magistral|devstral|voxtral)/, 'mistral'],
  [/^(command|embed-(english|multilingual)|c4ai|aya)/, 'cohere'],
];

export function inferProvider(model: string): ProviderId | null {
  const m = model.trim().toLowerCase();
  // `openai/gpt-4o` (gateways, LiteLLM), `anthropic:claude-…` (LangChain's init_chat_model)
  const sep = /^([a-z_]+)[/:]/.exec(m);
  if (sep && PREFIXES[sep[1]]) return PREFIXES[sep[1]];
  // Bedrock ids: `anthropic.claude-3-sonnet-…`, `us.anthropic.claude-…`, `mistral.mistral-large-…`, `cohere.command-r-…`
  const bedrock = /^(?:[a-z]{2}\.)?(anthropic|mistral|cohere)\./.exec(m);
  if (bedrock) return PREFIXES[bedrock[1]] ?? null;
  for (const [re, p] of NAME_PATTERNS) if (re.test(m)) return p;
  return null;
}

/** Models only their vendor serves (a local address serving one is a proxy to that vendor). */
const VENDOR_ONLY_MODEL = /^(gpt-(?!oss)|o[1-9](-|$)|chatgpt|text-embedding-(3|ada)|dall-e|claude|gemini|command|embed-(english|multilingual))/;

const SERVER_HOSTS: [RegExp, ProviderId][] = [
  [/(^|\.)api\.openai\.com$/, 'openai'], [/(^|\.)openai\.azure\.com$/, 'azure-openai'], [/(^|\.)groq\.com$/, 'groq'],
  [/^generativelanguage\.googleapis\.com$/, 'google'], [/(^|\.)mistral\.ai$/, 'mistral'], [/(^|\.)anthropic\.com$/, 'anthropic'],
  [/(^|\.)cohere\.(ai|com)$/, 'cohere'],
];

/**
 * Who serves the requests of a client pointed at `url` (`OpenAI(base_url=…)`). A vendor's API host names the vendor.
 * Ollama (port 11434, an `ollama` host) is self-hosted whatever the model. Another local or internal host
 * (localhost, a private address, a one-label service name) is self-hosted unless the model is one only a vendor
 * serves: then it is a proxy (a LiteLLM gateway on localhost:4000 still bills OpenAI). Any other public host is not
 * the SDK's vendor: `unknown` (the model's name may still say whose it is).
 */
export function providerOfServer(url: string, model: string | null): ProviderId | null {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^/:?#]+)(?::(\d+))?/i.exec(url.trim());
  if (!m) return null;
  const host = m[1].toLowerCase();
  for (const [re, provider] of SERVER_HOSTS) if (re.test(host)) return provider;
  if (m[2] === '11434' || /(^|[.-])ollama([.-]|$)/.test(host)) return 'self-hosted';
  const internal = host === 'localhost' || host === '[::1]' || host === 'host.docker.internal' || !host.includes('.') ||
    host.endsWith('.local') || host.endsWith('.internal') || /^(127\.|0\.0\.0\.0$|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(host);
  if (!internal) return /^[a-z0-9.-]+$/.test(host) && host.includes('.') ? 'unknown' : null;
  // `openai/qwen2.5` in LiteLLM means "an OpenAI-compatible server": judge the name after the prefix. Open-weight
  // families (Gemma, Llama, Mistral 7B…) run locally; these names do not.
  const bare = (model ?? '').replace(/^[a-z_]+\//i, '').toLowerCase();
  return VENDOR_ONLY_MODEL.test(bare) ? null : 'self-hosted';
}
