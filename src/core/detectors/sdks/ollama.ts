// Ollama (`ollama` on PyPI and npm): a model server on the user's machine. Its calls have no per-token price (see
// pricing), but the output cap still bounds latency: `options={"num_predict": N}` in both languages.
import type { CallSpec, CapSpec, PromptArg, SdkSpec } from '../spec';

const model = { names: ['model'], pos: 0 };
export const ollamaCap: CapSpec = {
  names: [],
  nested: [{ holders: ['options'], names: ['num_predict'] }],
  insert: { python: 'num_predict', js: 'num_predict' },
  insertInto: { python: 'options', js: 'options' },
};
const messages: PromptArg = { names: ['messages'], pos: 1, role: 'user', messages: true };

const chat: CallSpec = { paths: ['chat'], api: 'chat', kind: 'chat', model, cap: ollamaCap, prompts: [messages] };
const generate: CallSpec = { paths: ['generate'], api: 'generate', kind: 'completion', model, cap: ollamaCap,
  prompts: [{ names: ['system'], role: 'system' }, { names: ['prompt'], pos: 1, role: 'prompt' }] };
const embed: CallSpec = { paths: ['embed', 'embeddings'], api: 'embed', kind: 'embedding', model, noOutput: true,
  prompts: [{ names: ['input', 'prompt'], pos: 1, role: 'input' }] };

export const ollama: SdkSpec = {
  sdk: 'ollama',
  provider: 'self-hosted',
  modules: ['ollama', 'ollama/browser'],
  exports: {
    Client: { type: 'client' },
    AsyncClient: { type: 'client' },
    Ollama: { type: 'client' },
    // `import ollama from 'ollama'`: a ready client
    default: { type: 'client', instance: true },
    chat: { call: { ...chat, paths: [''] } },
    generate: { call: { ...generate, paths: [''] } },
    embed: { call: { ...embed, paths: [''] } },
    embeddings: { call: { ...embed, paths: [''], api: 'embeddings' } },
  },
  // `import ollama; ollama.chat(…)`
  moduleType: 'client',
  types: { client: { calls: [chat, generate, embed] } },
};
