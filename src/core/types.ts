// The engine's data model: plain, serialisable data with UTF-16 offsets (never editor positions).
// Every face (extension, CLI, tests, benchmarks) reads these types; keep them free of behaviour.

export type LanguageId = 'python' | 'javascript' | 'typescript' | 'tsx';

/** Half-open range of UTF-16 code units in the analysed text. */
export interface Span {
  start: number;
  end: number;
}

/** Whose prices apply (the vendor serving the model). */
export type ProviderId =
  | 'openai'
  | 'azure-openai'
  | 'anthropic'
  | 'google'
  | 'mistral'
  | 'cohere'
  | 'groq'
  | 'litellm'
  /** A model server the user runs (Ollama, vLLM, LM Studio, a localhost endpoint): no per-token price. */
  | 'self-hosted'
  | 'unknown';

/** The library the code calls (a wrapper such as LangChain or the Vercel AI SDK, or the vendor SDK itself). */
export type SdkId =
  | 'openai'
  | 'anthropic'
  | 'google-generativeai'
  | 'google-genai'
  | 'mistral'
  | 'cohere'
  | 'groq'
  | 'litellm'
  | 'langchain'
  | 'vercel-ai'
  | 'ollama'
  /** A raw HTTP request to a model API (`requests.post`, `fetch`, `axios.post`). */
  | 'http';

export type CallKind = 'chat' | 'completion' | 'embedding' | 'image' | 'audio' | 'ocr' | 'moderation';

export type ModelSource = 'literal' | 'constant' | 'constructor' | 'env-default' | 'dynamic';

export type PromptRole =
  | 'system'
  | 'developer'
  | 'user'
  | 'assistant'
  | 'instructions'
  | 'input'
  | 'prompt'
  | 'template'
  | 'unknown';

export type PlaceholderSyntax = 'fstring' | 'format' | 'template' | 'mustache' | 'percent';

export interface Placeholder {
  /** As written, e.g. `{name}`, `${user.id}`, `{{topic}}`, `%s`. */
  text: string;
  /** The expression or field name inside, e.g. `name`, `user.id`. */
  name: string;
  syntax: PlaceholderSyntax;
}

/** One string literal that contributes text to a prompt (a prompt may be built from several). */
export interface PromptPiece {
  /** The whole literal including quotes and prefixes. */
  span: Span;
  /** The literal's content between the quotes, as written in the source (escapes not decoded). */
  contentSpan: Span;
  /** Python prefix letters (`f`, `r`, `b`, `u`, combinations) or '' ; JS: '' or '`' for templates. */
  prefix: string;
  /** The opening quote as written: `'`, `"`, `'''`, `"""`, or backtick. */
  quote: string;
  /** true when placeholders in this literal are interpolations (f-string / template literal with substitutions). */
  interpolated: boolean;
}

export interface Prompt {
  /** Stable within one analysis: `p<start offset of first piece>`. */
  id: string;
  role: PromptRole;
  /** The static text with placeholders left as written (escapes decoded). */
  text: string;
  placeholders: Placeholder[];
  pieces: PromptPiece[];
  /** Where the prompt is written: its literals in the expression that forms it, or its first literal when that
   * expression only refers to a constant (`SYSTEM_PROMPT.format(…)`). */
  span: Span;
  /** Name of the variable or constant it was assigned to, when there is one. */
  name?: string;
  /** The ids of the calls that send this prompt (empty for a prompt-like constant not passed to a call). */
  callIds: string[];
}

export interface OutputCap {
  /** The parameter as written in the code: `max_completion_tokens`, `maxOutputTokens`, … */
  param: string;
  /** The numeric value when it can be resolved in the file; null when dynamic. */
  value: number | null;
  span: Span;
}

/** Where a fix can add a parameter to the call (or to the object/constructor that configures it). */
export interface InsertionPoint {
  /** Offset to insert at. */
  offset: number;
  /** How the new entry is spelled in this place. */
  style: 'python-kwarg' | 'js-property' | 'python-dict-entry';
  /** Text to put before the entry (`, ` when other arguments precede, '' when the list is empty…). */
  prefix: string;
  /** Text to put after the entry. */
  suffix: string;
  /** Indentation of sibling entries when the list spans several lines (null when it is on one line). */
  indent: string | null;
  /** The parameter name this place expects (e.g. `max_completion_tokens`, `maxOutputTokens`). */
  param: string;
  /** When the cap lives in a nested config that does not exist yet (Gemini), the wrapper to create. */
  wrapper?: { open: string; close: string };
}

export interface LlmCall {
  /** Stable within one analysis: `c<start offset>`. */
  id: string;
  /** The whole call expression (for chained calls, from the start of the chain). */
  span: Span;
  /** The callee's last name (`create`, `invoke`, `generateText`): the range diagnostics underline. */
  nameSpan: Span;
  provider: ProviderId;
  sdk: SdkId;
  /** The API path as the SDK documents it: `chat.completions.create`, `messages.create`, `generateText`, … */
  api: string;
  kind: CallKind;
  model: string | null;
  modelSource: ModelSource;
  /** The literal that names the model, wherever it is (call, constant, constructor), for switch-model fixes. */
  modelSpan: Span | null;
  outputCap: OutputCap | null;
  /** Where and how to insert an output cap; null when the call's arguments cannot be edited safely (e.g. `**kwargs` only). */
  capInsertion: InsertionPoint | null;
  stream: boolean;
  inLoop: boolean;
  /** Span of the enclosing loop (for batch suggestions). */
  loopSpan?: Span;
  /** Prompt ids in message order. */
  promptIds: string[];
  /** Number of chat messages sent (for per-message overhead); 0 when not a chat call. */
  messageCount: number;
  /** Prompt parts whose text is not in the file (a variable, a request field): each sized as a placeholder. */
  dynamicInputs: number;
  /** A `prompt-cost: N/month` annotation that applies to this call. */
  annotation?: { callsPerMonth: number; span: Span };
  /** Reasoning / thinking settings found on the call (`reasoning_effort`, `thinking.budget_tokens`, …). */
  reasoning?: { param: string; value: string | number | null; span: Span };
  /** Other request options that affect cost, as found (`n`, `temperature`, `tools`, …), by name. */
  options: Record<string, string | number | boolean | null>;
}

/** Price per million tokens, in USD. */
export interface ModelPrice {
  provider: string;
  model: string;
  input: number;
  cachedInput: number | null;
  output: number;
  /** Price above a prompt-size threshold (e.g. Gemini 1.5 Pro over 128k, Claude over 200k). */
  tiers?: { startTokens: number; input: number; output: number }[];
  contextWindow: number | null;
  maxOutputTokens: number | null;
  /** e.g. `@pydantic/genai-prices 0.1.8` or `.promptcost.json` or `setting promptCost.prices`. */
  source: string;
  /** ISO date of the price data. */
  date: string;
}

export type CallsPerMonthSource =
  | { kind: 'default'; detail: string }
  | { kind: 'path'; detail: string }
  | { kind: 'annotation'; detail: string };

export interface CallCost {
  callId: string;
  inputTokens: number;
  /** false when any part is an estimate (non-OpenAI tokenizer, placeholders, bounded huge text). */
  inputTokensExact: boolean;
  outputTokens: number;
  outputTokensSource: 'cap' | 'expected';
  worstCaseOutputTokens: number;
  price: ModelPrice | null;
  costPerCall: number | null;
  worstCaseCostPerCall: number | null;
  callsPerMonth: number;
  callsPerMonthSource: CallsPerMonthSource;
  monthlyCost: number | null;
  worstCaseMonthlyCost: number | null;
}

export interface PromptTokens {
  promptId: string;
  /** Tokens of the static text plus `placeholderTokens` per placeholder. */
  tokens: number;
  exact: boolean;
  encoding: string;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface TextEdit {
  span: Span;
  newText: string;
}

export interface Fix {
  title: string;
  /** VS Code code action kind: `quickfix`, `refactor.rewrite`, … */
  kind: 'quickfix' | 'refactor.rewrite';
  /** Safe fixes are part of fix-all; a fix that changes what the model is asked never is. */
  safe: boolean;
  edits: TextEdit[];
  /** Set when the edit belongs to a file other than the analysed one (e.g. `.promptcost.json`). */
  file?: { path: string; create?: boolean };
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  span: Span;
  callId?: string;
  promptId?: string;
  /** Estimated monthly saving in USD if the finding is fixed (null when unknown). */
  monthlySaving?: number | null;
  data?: Record<string, string | number | boolean | null>;
  fixes: Fix[];
}

export interface Notice {
  level: 'info' | 'warning' | 'error';
  message: string;
}

export interface FileResult {
  path: string;
  language: LanguageId | null;
  calls: LlmCall[];
  prompts: Prompt[];
  promptTokens: PromptTokens[];
  costs: CallCost[];
  findings: Finding[];
  /** Set when the file was not analysed (too large, minified, binary…), with the reason. */
  skipped?: string;
  notices: Notice[];
  hasSyntaxErrors: boolean;
  /** Sum of the calls' monthly cost (unknown-priced calls excluded; see `unpricedCalls`). */
  monthlyCost: number;
  unpricedCalls: number;
  timings: { parseMs: number; analyzeMs: number };
}
