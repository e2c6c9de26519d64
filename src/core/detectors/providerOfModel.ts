// Which vendor serves a model name, for wrappers that do not say (LiteLLM, init_chat_model, untraced receivers).

import type { ProviderId } from '../types';

const PREFIXES: Record<string, ProviderId> = {
  openai: 'openai', azure: 'azure-openai', azure_ai: 'azure-openai', anthropic: 'anthropic', claude: 'anthropic',
  gemini: 'google', google: 'google', vertex_ai: 'google', 'vertex_ai_beta': 'google', google_genai: 'google',
  google_vertexai: 'google', mistral: 'mistral', mistralai: 'mistral', cohere: 'cohere', cohere_chat: 'cohere', groq: 'groq',
  ollama: 'ollama', ollama_chat: 'ollama',
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
