// LiteLLM: module-level functions and the Router; the vendor comes from the model name (`anthropic/claude-…`).
import type { CallSpec, CapSpec, PromptArg, SdkSpec } from '../spec';

const model = { names: ['model'], pos: 0 };
const cap: CapSpec = { names: ['max_tokens', 'max_completion_tokens'], insert: { python: 'max_tokens', js: 'max_tokens' } };
const messages: PromptArg = { names: ['messages'], pos: 1, role: 'user', messages: true };

const completion: CallSpec = { paths: ['completion', 'acompletion'], api: 'completion', kind: 'chat', model, cap, prompts: [messages] };
const embedding: CallSpec = { paths: ['embedding', 'aembedding'], api: 'embedding', kind: 'embedding', model, noOutput: true,
  prompts: [{ names: ['input'], pos: 1, role: 'input' }] };
const textCompletion: CallSpec = { paths: ['text_completion', 'atext_completion'], api: 'text_completion', kind: 'completion',
  model, cap, prompts: [{ names: ['prompt'], pos: 1, role: 'prompt' }] };

export const litellm: SdkSpec = {
  sdk: 'litellm',
  provider: 'litellm',
  modules: ['litellm'],
  exports: {
    completion: { call: { ...completion, paths: [''] } },
    acompletion: { call: { ...completion, paths: [''], api: 'acompletion' } },
    embedding: { call: { ...embedding, paths: [''] } },
    aembedding: { call: { ...embedding, paths: [''], api: 'aembedding' } },
    text_completion: { call: { ...textCompletion, paths: [''] } },
    // One request per message list, sent together.
    batch_completion: { call: { ...completion, paths: [''], api: 'batch_completion' } },
    atext_completion: { call: { ...textCompletion, paths: [''], api: 'atext_completion' } },
    Router: { type: 'router' },
  },
  types: { router: { calls: [completion, embedding, textCompletion] } },
};
