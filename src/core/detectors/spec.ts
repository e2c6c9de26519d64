// The shape of the provider tables: adding an SDK is adding data in sdks/*.ts, not code.

import type { CallKind, PromptRole, ProviderId, SdkId } from '../types';

/** Where a value is passed: a keyword / option-object property (any of the names) or a positional index. */
export interface ArgRef {
  names: string[];
  pos?: number;
}

export interface PromptArg extends ArgRef {
  /** Role given to plain strings found there (messages with their own `role` keep theirs). */
  role: PromptRole;
  /** true when the argument holds chat messages (counted for per-message overhead). */
  messages?: boolean;
}

/** Where an output cap may be written, and which name to insert. */
export interface CapSpec {
  /** Names recognised directly in the call's (or constructor's) arguments. */
  names: string[];
  /** Nested config objects that may hold the cap (Gemini `config` / `generation_config`). */
  nested?: { holders: string[]; names: string[] }[];
  /** Name to insert, per language. */
  insert: { python: string; js: string };
  /** When the cap must go into a nested config that may not exist yet (Gemini). */
  insertInto?: { python: string; js: string };
}

export interface CallSpec {
  /** Method paths relative to the receiver type, e.g. `chat.completions.create`. */
  paths: string[];
  kind: CallKind;
  /** Reported API name; defaults to the matched path. */
  api?: string;
  stream?: boolean;
  model?: ArgRef;
  cap?: CapSpec;
  prompts?: PromptArg[];
  /** Model, cap and system prompt come (also) from the receiver object (LangChain model, Gemini GenerativeModel). */
  fromReceiver?: boolean;
  /** The call creates an SDK object of this type instead of calling a model (a factory). */
  returns?: string;
  /** With `returns`: its arguments are call options bound to the result (LangChain `.bind(max_tokens=…)`). */
  bindsOptions?: boolean;
  /** A config passed to the call replaces the receiver's whole config (google-genai chats), so its cap does not apply. */
  configReplaces?: boolean;
  /** The call itself has no output (embeddings, moderation): no cap applies. */
  noOutput?: boolean;
  /** JS: position of the options object (default 0), e.g. 2 for `getChatCompletions(deployment, messages, { maxTokens })`. */
  optionsPos?: number;
}

export interface TypeSpec {
  calls: CallSpec[];
  /** For constructors: where the model, cap and system prompt are given (LangChain, GenerativeModel…). */
  ctor?: { model?: ArgRef; cap?: CapSpec; prompts?: PromptArg[] };
  /** The provider serving the model, when the type fixes it (e.g. ChatAnthropic). */
  provider?: ProviderId;
  /** Report the constructor as the call when no invocation of it is found in the file (LangChain). */
  reportCtorWhenUnused?: { kind: CallKind; api: string };
}

export interface SdkSpec {
  sdk: SdkId;
  provider: ProviderId;
  /** Python dotted modules and npm packages whose import brings this SDK in. */
  modules: string[];
  /** Exported names: a class (constructing it yields an object of `type`), an instance of `type` (`instance`), or a
   * function (a call spec). */
  exports: Record<string, { type?: string; provider?: ProviderId; call?: CallSpec; instance?: boolean }>;
  /** The imported module object itself behaves as this type (module-level APIs: `openai.chat…`, `litellm.completion`). */
  moduleType?: string;
  types: Record<string, TypeSpec>;
}
