// Model names as code writes them, reduced to names the price dataset knows: gateway prefixes (`openai/gpt-4o`,
// `anthropic/claude-…`, `gemini/…`, `azure/<deployment>`), Google's `models/…`, `-latest`, snapshot dates and
// version suffixes. Pure string work; the dataset decides what matches.

import type { ProviderId } from '../types';

/** The dataset provider whose prices apply to calls made through a provider (azure-openai: OpenAI's prices). */
export function datasetProviderFor(provider: ProviderId): string | undefined {
  switch (provider) {
    case 'openai': case 'azure-openai': return 'openai';
    case 'anthropic': return 'anthropic';
    case 'google': return 'google';
    case 'mistral': return 'mistral';
    case 'cohere': return 'cohere';
    case 'groq': return 'groq';
    default: return undefined; // litellm, unknown: infer the vendor from the name
  }
}

/** LiteLLM prefixes of model servers people run themselves (`ollama/llama3`): no per-token price. */
export const SELF_HOSTED_PREFIXES: ReadonlySet<string> = new Set(['ollama', 'ollama_chat', 'lm_studio', 'llamafile', 'hosted_vllm']);

export interface ParsedModelName {
  /** The name without gateway prefix, as written otherwise. */
  bare: string;
  /** The gateway prefix (`openai`, `anthropic`, `gemini`, `vertex_ai`, …), lower case, or null. */
  vendor: string | null;
  /** true for `azure/<deployment>`: the rest is a deployment name, priced as OpenAI. */
  azure: boolean;
}

export function parseModelName(model: string): ParsedModelName {
  let name = model.trim();
  if (/^models\//i.test(name)) name = name.slice(7);
  // Amazon Bedrock ids: `anthropic.claude-3-sonnet-20240229-v1:0`, `us.anthropic.claude-…` (cross-region)
  const bedrock = /^(?:(?:us|eu|apac|global)\.)?(anthropic|mistral|cohere|meta|amazon)\.(.+)$/i.exec(name);
  if (bedrock && !name.includes('/')) return { bare: bedrock[2], vendor: bedrock[1].toLowerCase(), azure: false };
  // LangChain's `init_chat_model("anthropic:claude-…")` names the vendor with a colon.
  const colon = /^(openai|anthropic|google_genai|google_vertexai|mistralai|cohere|groq|azure_openai|bedrock):(.+)$/i.exec(name);
  if (colon) return { bare: colon[2], vendor: colon[1].toLowerCase(), azure: colon[1].toLowerCase() === 'azure_openai' };
  const slash = name.indexOf('/');
  if (slash <= 0) return { bare: name, vendor: null, azure: false };
  const vendor = name.slice(0, slash).toLowerCase();
  const rest = name.slice(slash + 1).replace(/^models\//i, '');
  return { bare: rest, vendor, azure: vendor === 'azure' || vendor === 'azure_ai' };
}

/**
 * Looser spellings to try when a name is not found as written, most specific first: without `-latest`, without a
 * snapshot date (`-2024-08-06`, `-20241022`, `-0613`), without a Gemini version (`-001`), without `-exp`/`-preview`.
 */
export function nameVariants(name: string): string[] {
  const out: string[] = [];
  const add = (v: string) => {
    if (v && v !== name && !out.includes(v)) out.push(v);
  };
  const strip = (v: string) =>
    v
      .replace(/-latest$/i, '')
      .replace(/-(?:19|20)\d{2}-?\d{2}-?\d{2}$/, '')
      .replace(/-\d{4}$/, '')
      .replace(/-\d{3}$/, '')
      .replace(/-v\d+(?::\d+)?$/i, '');
  let v = name;
  for (let i = 0; i < 3; i++) {
    const next = strip(v);
    if (next === v) break;
    add(next);
    v = next;
  }
  add(v.replace(/-(?:exp|preview)(?:-[\w.-]*)?$/i, ''));
  return out;
}
