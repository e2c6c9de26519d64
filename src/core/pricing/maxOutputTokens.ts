// The most output tokens one request may produce, per model family. The price dataset has context windows but no
// output limits, so this small table fills the gap; it bounds the "worst case" of an uncapped call.
// First matching pattern wins (specific before general). Sources: the vendors' model pages as quoted by the search
// tool's corpus (noted per row); rows marked "brief" come from the project brief and were not found there.

interface Row {
  pattern: RegExp;
  tokens: number;
}

const ROWS: readonly Row[] = [
  // OpenAI (platform.openai.com model pages, as quoted by models.wingman.actor, cloudprice.net, vercel.com/ai-gateway).
  { pattern: /^gpt-5(?:\.\d+)?-chat/, tokens: 16_384 }, // brief-level: chat snapshots keep the GPT-4o limit
  { pattern: /^gpt-5(?:\.\d+)?-pro/, tokens: 272_000 }, // koog.ai OpenAI models: "GPT-5 pro … 272,000 max output tokens"
  { pattern: /^gpt-5/, tokens: 128_000 }, // vercel.com/ai-gateway gpt-5, gpt-5.2: "Maximum output tokens: 128,000"
  { pattern: /^gpt-4\.1/, tokens: 32_768 }, // promptfoo docs: "GPT-4.1 … 1,047,576 token context window and 32,768 max output tokens"
  { pattern: /^gpt-4\.5/, tokens: 16_384 }, // brief
  { pattern: /^(?:chatgpt-)?gpt-4o|^chatgpt-4o/, tokens: 16_384 }, // models.wingman.actor gpt-4o: "max output 16,384 tokens"
  { pattern: /^gpt-4-(?:turbo|\d{4}-preview|vision)/, tokens: 4_096 }, // OpenAI: GPT-4 Turbo "returns a maximum of 4,096 output tokens"
  { pattern: /^gpt-4(?:-32k)?(?:-\d{4})?$/, tokens: 8_192 }, // brief: GPT-4 (8,192-token context)
  { pattern: /^gpt-3\.5|^gpt-35/, tokens: 4_096 }, // code comments quoting OpenAI: "gpt-3.5-turbo = 16,385 context # 4,096 max output"
  { pattern: /^o1-mini/, tokens: 65_536 }, // brief
  { pattern: /^o1-preview/, tokens: 32_768 }, // brief
  { pattern: /^o[134](?:-|$)/, tokens: 100_000 }, // OpenAI o3-pro, o4-mini pages: "100,000 max output tokens"
  { pattern: /^codex-mini/, tokens: 100_000 }, // OpenAI codex-mini-latest: "100,000 max output tokens"
  // Anthropic (Anthropic models overview, as quoted by Effect-TS/effect#7129 and mixtape-core's model table).
  { pattern: /claude-(?:(?:opus|sonnet|haiku|fable|mythos)-[5-9]|[5-9][-.]\d*-?(?:opus|sonnet|haiku))/, tokens: 128_000 }, // platform.claude.com Sonnet 5 page: Sonnet 5, Sonnet 5.5, Opus 5.5, Fable 5.1 "Max output 128K"
  { pattern: /claude-(?:opus-4-[6-9]|opus-4\.[6-9]|sonnet-4-6|sonnet-4\.6|4-[6-9]-opus|4\.[6-9]-opus)/, tokens: 128_000 }, // #7129: "Max output: 128k tokens for Opus 4.6, 4.7, 4.8 and Sonnet 4.6"
  { pattern: /claude-(?:(?:opus|sonnet|haiku)-4-5|(?:opus|sonnet|haiku)-4\.5|4-5-|4\.5-)/, tokens: 64_000 }, // #7129: "64k for Sonnet 4.5 and Opus 4.5"; aspire.dev: "Opus 4.5 … 64K max output"
  { pattern: /claude-(?:opus-4|4-opus)/, tokens: 32_000 }, // mixtape-core: Opus 4 and 4.1 "output_tokens: 32_000"
  { pattern: /claude-(?:sonnet-4|4-sonnet)/, tokens: 64_000 }, // brief; llamaindex Vercel example: claude-4-sonnet max_tokens=64000
  { pattern: /claude-3-7-sonnet|claude-3\.7-sonnet/, tokens: 64_000 }, // mixtape-core: Claude 3.7 Sonnet "output_tokens: 64_000"
  { pattern: /claude-3-5-|claude-3\.5-/, tokens: 8_192 }, // API error quoted in QuantEcon/action-style-guide v0.1.2: "8192, which is the maximum allowed number of output tokens for claude-3-5-sonnet-20241022"
  { pattern: /claude-3-(?:opus|sonnet|haiku)/, tokens: 4_096 }, // Anthropic: Claude 3 models return at most 4,096 tokens
  // Google (ai.google.dev Gemini API model pages).
  { pattern: /gemini-(?:2\.5|3)/, tokens: 65_536 }, // brief: Gemini 2.5 "65,536"
  { pattern: /gemini-2\.0/, tokens: 8_192 }, // ai.google.dev gemini-2.0-flash(-lite): "Output token limit 8,192" (Vertex lists 65,536)
  { pattern: /gemini-1\.5|gemini-(?:flash|pro)-1\.5/, tokens: 8_192 }, // brief
  // Others.
  { pattern: /^command-a/, tokens: 8_000 }, // brief-level: Cohere Command A documents an 8k output limit
  { pattern: /^command-r/, tokens: 4_000 }, // brief-level: Cohere Command R/R+ document a 4k output limit
  { pattern: /^llama-3\.3-70b-versatile/, tokens: 32_768 }, // console.groq.com llama-3.3-70b-versatile: "Max Output Tokens: 32,768"
];

/** Max output tokens for a model name (vendor prefixes and `models/` ignored), or null when not in the table. */
export function maxOutputTokensFor(model: string): number | null {
  const name = model.trim().toLowerCase().replace(/^ft:/, '');
  const bare = name.slice(name.lastIndexOf('/') + 1);
  for (const row of ROWS) if (row.pattern.test(bare)) return row.tokens;
  return null;
}
