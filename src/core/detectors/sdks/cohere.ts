// Cohere (`cohere` on PyPI, `cohere-ai` on npm), v1 and v2 clients.
import type { CallSpec, CapSpec, PromptArg, SdkSpec } from '../spec';

const model = { names: ['model'] };
const cap: CapSpec = { names: ['max_tokens', 'maxTokens'], insert: { python: 'max_tokens', js: 'maxTokens' } };
const chatPrompts: PromptArg[] = [
  { names: ['preamble'], role: 'system' },
  { names: ['message'], role: 'user' },
  { names: ['messages', 'chat_history', 'chatHistory'], role: 'user', messages: true },
];

const calls: CallSpec[] = [
  { paths: ['chat', 'v2.chat'], api: 'chat', kind: 'chat', model, cap, prompts: chatPrompts },
  { paths: ['chat_stream', 'chatStream', 'v2.chat_stream', 'v2.chatStream'], api: 'chat_stream', kind: 'chat', stream: true,
    model, cap, prompts: chatPrompts },
  { paths: ['generate'], kind: 'completion', model, cap, prompts: [{ names: ['prompt'], role: 'prompt' }] },
  { paths: ['generate_stream', 'generateStream'], api: 'generate_stream', kind: 'completion', stream: true, model, cap,
    prompts: [{ names: ['prompt'], role: 'prompt' }] },
  { paths: ['embed', 'v2.embed'], api: 'embed', kind: 'embedding', model, noOutput: true,
    prompts: [{ names: ['texts', 'inputs'], role: 'input' }] },
];

export const cohere: SdkSpec = {
  sdk: 'cohere',
  provider: 'cohere',
  modules: ['cohere', 'cohere-ai'],
  exports: {
    Client: { type: 'client' },
    ClientV2: { type: 'client' },
    AsyncClient: { type: 'client' },
    AsyncClientV2: { type: 'client' },
    CohereClient: { type: 'client' },
    CohereClientV2: { type: 'client' },
    // cohere-ai before v7: a module-level client (`cohere.init(key); cohere.generate({…})`)
    default: { type: 'client', instance: true },
  },
  moduleType: 'client',
  types: { client: { calls } },
};
