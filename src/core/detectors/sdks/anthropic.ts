// Anthropic (`anthropic` on PyPI, `@anthropic-ai/sdk` on npm).
import type { CallSpec, CapSpec, PromptArg, SdkSpec } from '../spec';

const model = { names: ['model'] };
const cap: CapSpec = { names: ['max_tokens'], insert: { python: 'max_tokens', js: 'max_tokens' } };
const prompts: PromptArg[] = [{ names: ['system'], role: 'system' }, { names: ['messages'], role: 'user', messages: true }];
// Text Completions (legacy)
const legacyCap: CapSpec = { names: ['max_tokens_to_sample'], insert: { python: 'max_tokens_to_sample', js: 'max_tokens_to_sample' } };
const legacyPrompts: PromptArg[] = [{ names: ['prompt'], role: 'prompt' }];

const calls: CallSpec[] = [
  { paths: ['messages.create', 'messages.parse', 'beta.messages.create', 'beta.messages.parse'], kind: 'chat', model, cap, prompts },
  { paths: ['messages.stream', 'beta.messages.stream'], kind: 'chat', stream: true, model, cap, prompts },
  { paths: ['beta.messages.tool_runner', 'beta.messages.toolRunner'], kind: 'chat', model, cap, prompts },
  { paths: ['completions.create'], kind: 'completion', model, cap: legacyCap, prompts: legacyPrompts },
  // anthropic < 0.3 (Python): `anthropic.Client(key).completion(prompt=…, max_tokens_to_sample=…)`
  { paths: ['completion', 'acompletion'], kind: 'completion', model, cap: legacyCap, prompts: legacyPrompts },
  { paths: ['completion_stream', 'acompletion_stream'], kind: 'completion', stream: true, model, cap: legacyCap, prompts: legacyPrompts },
];

export const anthropic: SdkSpec = {
  sdk: 'anthropic',
  provider: 'anthropic',
  modules: ['anthropic', '@anthropic-ai/sdk'],
  exports: {
    Anthropic: { type: 'client' },
    AsyncAnthropic: { type: 'client' },
    Client: { type: 'client' },
    AnthropicBedrock: { type: 'client' },
    AsyncAnthropicBedrock: { type: 'client' },
    AnthropicVertex: { type: 'client' },
    AsyncAnthropicVertex: { type: 'client' },
    default: { type: 'client' },
  },
  types: { client: { calls } },
};
