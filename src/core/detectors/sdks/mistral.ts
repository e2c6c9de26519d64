// Mistral (`mistralai` on PyPI, `@mistralai/mistralai` on npm), including the legacy MistralClient.
import type { CallSpec, CapSpec, PromptArg, SdkSpec } from '../spec';

const model = { names: ['model'] };
const cap: CapSpec = { names: ['max_tokens', 'maxTokens'], insert: { python: 'max_tokens', js: 'maxTokens' } };
const messages: PromptArg = { names: ['messages'], role: 'user', messages: true };

const calls: CallSpec[] = [
  { paths: ['chat.complete', 'chat.complete_async', 'chat.parse', 'chat.parse_async', 'agents.complete'],
    api: 'chat.complete', kind: 'chat', model, cap, prompts: [messages] },
  { paths: ['chat.stream', 'chat.stream_async', 'agents.stream'], api: 'chat.stream', kind: 'chat', stream: true, model, cap,
    prompts: [messages] },
  // The old MistralClient: `client.chat(model, messages)` in early JS versions, keywords in Python.
  { paths: ['chat'], api: 'chat', kind: 'chat', model: { names: ['model'], pos: 0 }, cap,
    prompts: [{ names: ['messages'], pos: 1, role: 'user', messages: true }] },
  { paths: ['chat_stream', 'chatStream'], api: 'chat_stream', kind: 'chat', stream: true, model: { names: ['model'], pos: 0 }, cap,
    prompts: [{ names: ['messages'], pos: 1, role: 'user', messages: true }] },
  { paths: ['fim.complete', 'fim.complete_async'], api: 'fim.complete', kind: 'completion', model, cap,
    prompts: [{ names: ['prompt'], role: 'prompt' }] },
  { paths: ['fim.stream', 'fim.stream_async'], api: 'fim.stream', kind: 'completion', stream: true, model, cap,
    prompts: [{ names: ['prompt'], role: 'prompt' }] },
  { paths: ['embeddings.create', 'embeddings.create_async', 'embeddings'], api: 'embeddings.create', kind: 'embedding', model,
    noOutput: true, prompts: [{ names: ['inputs', 'input'], role: 'input' }] },
  { paths: ['ocr.process', 'ocr.process_async'], api: 'ocr.process', kind: 'ocr', model, noOutput: true },
];

export const mistral: SdkSpec = {
  sdk: 'mistral',
  provider: 'mistral',
  modules: ['mistralai', '@mistralai/mistralai'],
  exports: {
    Mistral: { type: 'client' },
    MistralClient: { type: 'client' },
    MistralAsyncClient: { type: 'client' },
    default: { type: 'client' },
  },
  types: { client: { calls } },
};
