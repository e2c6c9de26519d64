// Which tokenizer counts a model's text, and how far that count is from the model's own tokenizer.
// OpenAI models are counted exactly with their tiktoken encoding. Other vendors publish no offline tokenizer, so their
// count is the o200k_base count times a per-family factor, always marked as an estimate.

import type { ProviderId } from '../types';

export type EncodingName = 'o200k_base' | 'cl100k_base';

export interface EncodingChoice {
  encoding: EncodingName;
  /** true when the count is the model's own tokenizer (OpenAI models with a known encoding). */
  exact: boolean;
  /** Multiplier applied to the encoding's count (1 for exact counts). */
  factor: number;
  /** Tokenizer family, shown with estimates ("claude", "gemini", …). */
  family: TokenizerFamily;
}

export type TokenizerFamily =
  | 'openai'
  | 'claude'
  | 'claude-new'
  | 'gemini'
  | 'mistral'
  | 'cohere'
  | 'llama'
  | 'other';

/**
 * Estimate factors over o200k_base, per family. Chosen to slightly over- rather than under-estimate, because the
 * product warns about cost; each is a typical ratio on English prose and code, not a bound:
 * - claude 1.2: Claude 3 to Opus 4.6 / Sonnet 4.6 use a ~65k-vocabulary BPE; DESIGN.md measured Claude at roughly
 *   1.2-1.45x o200k on English and code, and the low end fits these older models.
 * - claude-new 1.45: Anthropic's Opus 4.7 notes say its updated tokenizer yields 1.0-1.35x the tokens of the previous
 *   Claude tokenizer for the same text (nxcode.io migration guide, Apr 2026); 1.2 x ~1.2 ≈ 1.45, the top of the
 *   DESIGN.md range. Used for Opus 4.7+ and the 5.x generation (ctok: "v5 uses the v4.7 vocabulary"; oxen.ai's
 *   Sonnet 5 page: "a new tokenizer that produces roughly 30% more tokens for the same text").
 * - gemini 1.1: SentencePiece with a 256k vocabulary; Google documents ~4 characters per token, o200k averages
 *   ~4.3-4.5 on English, hence ~1.1.
 * - mistral 1.15: Tekken (tiktoken-based, 131k vocabulary) for current models; older 32k SentencePiece models run
 *   higher, so the factor leans above parity.
 * - cohere 1.1: Command R/A use a 255k-vocabulary BPE, close to o200k; rounded up.
 * - llama 1.1: Llama 3 (Groq, Together…) uses a 128k tiktoken vocabulary (cl100k plus 28k tokens): about cl100k's
 *   density, which is ~5-10% above o200k on English.
 * - other 1.2: unknown tokenizer; the Claude figure is the conservative choice.
 */
export const ESTIMATE_FACTORS: Readonly<Record<Exclude<TokenizerFamily, 'openai'>, number>> = {
  claude: 1.2,
  'claude-new': 1.45,
  gemini: 1.1,
  mistral: 1.15,
  cohere: 1.1,
  llama: 1.1,
  other: 1.2,
};

/** OpenAI model names counted with cl100k_base (GPT-4, GPT-3.5, the 2022-2024 embeddings, davinci-002/babbage-002). */
const CL100K = /^(gpt-4(?!o|\.\d)(?:-|$)|gpt-3\.5|gpt-35|text-embedding-(?:3|ada-002)|davinci-002|babbage-002)/;
/** OpenAI model names counted with o200k_base (GPT-4o, 4.1, 4.5, 5.x, o-series, gpt-oss (o200k_harmony = o200k_base plus
 * special tokens, identical on ordinary text), codex, realtime/audio/search/transcribe variants, omni-moderation). */
const O200K =
  /^(gpt-4o|gpt-4\.\d|gpt-[5-9]|o\d(?:-|$)|chatgpt-|gpt-oss|codex-|computer-use|omni-moderation|gpt-realtime|gpt-audio|gpt-image)/;

/** Vendor/gateway prefixes as code writes them (`openai/gpt-4o`, `models/gemini-…`, `azure/…`), removed before matching. */
function bareModelName(model: string): { name: string; vendor: string | null } {
  let name = model.trim().toLowerCase();
  let vendor: string | null = null;
  if (name.startsWith('ft:')) name = name.slice(3); // fine-tunes keep their base model's tokenizer
  for (;;) {
    const slash = name.indexOf('/');
    if (slash < 0) break;
    const head = name.slice(0, slash);
    if (head === 'models') { vendor ??= 'google'; } else vendor = head;
    name = name.slice(slash + 1);
  }
  return { name, vendor };
}

function familyOfName(name: string, vendor: string | null): TokenizerFamily | null {
  if (CL100K.test(name) || O200K.test(name)) return 'openai';
  if (name.includes('claude')) return isNewClaude(name) ? 'claude-new' : 'claude';
  if (name.includes('gemini') || name.startsWith('gemma')) return 'gemini';
  if (/^(?:open-)?(?:mistral|mixtral|codestral|ministral|pixtral|magistral|devstral|voxtral)/.test(name)) return 'mistral';
  if (name.startsWith('command') || name.startsWith('embed-') || name.startsWith('rerank-')) return 'cohere';
  if (name.includes('llama')) return 'llama';
  switch (vendor) {
    case 'openai': case 'azure': return 'openai';
    case 'anthropic': return 'claude';
    case 'google': case 'gemini': case 'vertex_ai': return 'gemini';
    case 'mistral': return 'mistral';
    case 'cohere': return 'cohere';
  }
  return null;
}

/** Opus 4.7+ and Claude 5.x use the newer, denser-splitting tokenizer. */
function isNewClaude(name: string): boolean {
  const m = /claude-(?:(opus|sonnet|haiku|fable|mythos)-)?(\d+)(?:[-.](\d+))?/.exec(name);
  if (!m) return false;
  const major = Number(m[2]);
  const minor = m[3] !== undefined && m[3].length <= 2 ? Number(m[3]) : 0;
  if (major >= 5) return true;
  return major === 4 && minor >= 7 && m[1] === 'opus';
}

function familyOfProvider(provider: ProviderId): TokenizerFamily {
  switch (provider) {
    case 'openai': case 'azure-openai': return 'openai';
    case 'anthropic': return 'claude';
    case 'google': return 'gemini';
    case 'mistral': return 'mistral';
    case 'cohere': return 'cohere';
    case 'groq': return 'llama';
    default: return 'other';
  }
}

/** The encoding, exactness and factor for a model as the code names it. */
export function encodingFor(model: string | null, provider: ProviderId): EncodingChoice {
  if (model) {
    const { name, vendor } = bareModelName(model);
    const family = familyOfName(name, vendor) ?? familyOfProvider(provider);
    if (family === 'openai') {
      if (CL100K.test(name)) return { encoding: 'cl100k_base', exact: true, factor: 1, family };
      // o200k for every current OpenAI model; an OpenAI-served name we do not recognise is counted as o200k too,
      // but not claimed exact.
      return { encoding: 'o200k_base', exact: O200K.test(name), factor: 1, family };
    }
    return { encoding: 'o200k_base', exact: false, factor: ESTIMATE_FACTORS[family], family };
  }
  const family = familyOfProvider(provider);
  // Model unknown (dynamic): OpenAI's current models all use o200k, but the encoding is a guess, so not exact.
  if (family === 'openai') return { encoding: 'o200k_base', exact: false, factor: 1, family };
  return { encoding: 'o200k_base', exact: false, factor: ESTIMATE_FACTORS[family], family };
}
