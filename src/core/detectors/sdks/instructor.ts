// instructor: structured outputs over the vendor SDKs. `from_provider("openai/gpt-4o-mini")` binds the model;
// wrappers of an existing client (`from_openai(OpenAI())`) are found through the API path and arguments.
import type { SdkSpec } from '../spec';
import { openAiClientCalls } from './openai';

export const instructor: SdkSpec = {
  sdk: 'openai',
  provider: 'unknown',
  modules: ['instructor'],
  exports: {
    from_provider: { call: { paths: [''], kind: 'chat', returns: 'client' } },
  },
  types: {
    client: {
      ctor: { model: { names: ['model'], pos: 0 } },
      calls: [
        ...openAiClientCalls.map((c) => ({ ...c, fromReceiver: true })),
        { paths: ['create', 'create_partial', 'create_iterable', 'create_with_completion'], api: 'create', kind: 'chat' as const,
          fromReceiver: true, model: { names: ['model'] }, cap: { names: ['max_tokens', 'max_completion_tokens'], insert: { python: 'max_tokens', js: 'max_tokens' } },
          prompts: [{ names: ['messages'], role: 'user' as const, messages: true }] },
      ],
    },
  },
};
