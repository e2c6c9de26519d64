// Vercel AI SDK (`ai`): generateText & co. take `model` from a provider helper such as openai('gpt-4o').
import type { CallSpec, CapSpec, PromptArg, SdkSpec, TypeSpec } from '../spec';
import type { ProviderId } from '../../types';

const model = { names: ['model'] };
// v5+ names it maxOutputTokens (v4: maxTokens).
const cap: CapSpec = { names: ['maxOutputTokens', 'maxTokens'], insert: { python: 'maxOutputTokens', js: 'maxOutputTokens' } };
const prompts: PromptArg[] = [
  { names: ['system'], role: 'system' },
  { names: ['prompt'], role: 'user' },
  { names: ['messages'], role: 'user', messages: true },
];

const fn = (api: string, extra: Partial<CallSpec> = {}): { call: CallSpec } => ({
  call: { paths: [''], api, kind: 'chat', model, cap, prompts, ...extra },
});

export const vercelAi: SdkSpec = {
  sdk: 'vercel-ai',
  provider: 'unknown',
  modules: ['ai'],
  exports: {
    generateText: fn('generateText'),
    streamText: fn('streamText', { stream: true }),
    generateObject: fn('generateObject'),
    streamObject: fn('streamObject', { stream: true }),
    embed: fn('embed', { kind: 'embedding', noOutput: true, cap: undefined, prompts: [{ names: ['value'], role: 'input' }] }),
    embedMany: fn('embedMany', { kind: 'embedding', noOutput: true, cap: undefined, prompts: [{ names: ['values'], role: 'input' }] }),
    // AI SDK 3.x names
    experimental_generateText: fn('generateText'),
    experimental_streamText: fn('streamText', { stream: true }),
    experimental_generateObject: fn('generateObject'),
    experimental_streamObject: fn('streamObject', { stream: true }),
  },
  types: {},
};

// Provider packages: `openai` is a provider instance (callable), `createOpenAI(...)` makes one.
const providerType: TypeSpec = {
  calls: [{ paths: ['', 'chat', 'responses', 'completion', 'languageModel', 'textEmbeddingModel', 'embedding', 'textEmbedding',
    'embeddingModel', 'image', 'imageModel', 'messages'], kind: 'chat', returns: 'languageModel' }],
};
const languageModelType: TypeSpec = { calls: [], ctor: { model: { names: [], pos: 0 } } };

function providerPackage(pkg: string, instance: string, factory: string, provider: ProviderId): SdkSpec {
  return {
    sdk: 'vercel-ai',
    provider,
    modules: [pkg],
    exports: {
      [instance]: { type: 'provider', provider, instance: true },
      [factory]: { call: { paths: [''], kind: 'chat', returns: 'provider' }, provider },
    },
    types: { provider: providerType, languageModel: languageModelType },
  };
}

export const vercelProviders: SdkSpec[] = [
  providerPackage('@ai-sdk/openai', 'openai', 'createOpenAI', 'openai'),
  providerPackage('@ai-sdk/azure', 'azure', 'createAzure', 'azure-openai'),
  providerPackage('@ai-sdk/anthropic', 'anthropic', 'createAnthropic', 'anthropic'),
  providerPackage('@ai-sdk/google', 'google', 'createGoogleGenerativeAI', 'google'),
  providerPackage('@ai-sdk/google-vertex', 'vertex', 'createVertex', 'google'),
  providerPackage('@ai-sdk/mistral', 'mistral', 'createMistral', 'mistral'),
  providerPackage('@ai-sdk/cohere', 'cohere', 'createCohere', 'cohere'),
  providerPackage('@ai-sdk/groq', 'groq', 'createGroq', 'groq'),
];
