// OpenAI and Azure OpenAI (`openai` on PyPI and npm), plus the OpenAI-compatible Groq SDK.
import type { CallSpec, CapSpec, PromptArg, SdkSpec } from '../spec';

const model = { names: ['model'] };
const messages: PromptArg = { names: ['messages'], role: 'user', messages: true };
// Chat Completions: max_tokens is deprecated and rejected by reasoning models; insert max_completion_tokens.
const chatCap: CapSpec = { names: ['max_completion_tokens', 'max_tokens'], insert: { python: 'max_completion_tokens', js: 'max_completion_tokens' } };
const responsesCap: CapSpec = { names: ['max_output_tokens'], insert: { python: 'max_output_tokens', js: 'max_output_tokens' } };
const legacyCap: CapSpec = { names: ['max_tokens'], insert: { python: 'max_tokens', js: 'max_tokens' } };

export const openAiClientCalls: CallSpec[] = [
  { paths: ['chat.completions.create', 'chat.completions.parse', 'beta.chat.completions.parse', 'chat.completions.runTools',
    'beta.chat.completions.runTools'], kind: 'chat', model, cap: chatCap, prompts: [messages] },
  { paths: ['chat.completions.stream', 'beta.chat.completions.stream'], kind: 'chat', stream: true, model, cap: chatCap, prompts: [messages] },
  { paths: ['responses.create', 'responses.parse'], kind: 'chat', model, cap: responsesCap,
    prompts: [{ names: ['instructions'], role: 'instructions' }, { names: ['input'], role: 'user', messages: true }] },
  { paths: ['responses.stream'], kind: 'chat', stream: true, model, cap: responsesCap,
    prompts: [{ names: ['instructions'], role: 'instructions' }, { names: ['input'], role: 'user', messages: true }] },
  { paths: ['completions.create'], kind: 'completion', model, cap: legacyCap, prompts: [{ names: ['prompt'], role: 'prompt' }] },
  { paths: ['embeddings.create'], kind: 'embedding', model, noOutput: true, prompts: [{ names: ['input'], role: 'input' }] },
  { paths: ['images.generate', 'images.edit', 'images.create_variation', 'images.createVariation'], kind: 'image', model,
    noOutput: true, prompts: [{ names: ['prompt'], role: 'prompt' }] },
  { paths: ['audio.speech.create'], kind: 'audio', model, noOutput: true, prompts: [{ names: ['input'], role: 'input' }] },
  { paths: ['audio.transcriptions.create', 'audio.translations.create'], kind: 'audio', model, noOutput: true,
    prompts: [{ names: ['prompt'], role: 'prompt' }] },
  { paths: ['moderations.create'], kind: 'moderation', model, noOutput: true, prompts: [{ names: ['input'], role: 'input' }] },
];

// openai-python < 1.0, still common in real code: module-level resources, `engine`/`deployment_id` on Azure.
const legacyModel = { names: ['model', 'engine', 'deployment_id'] };
const legacyModuleCalls: CallSpec[] = [
  { paths: ['ChatCompletion.create', 'ChatCompletion.acreate'], kind: 'chat', model: legacyModel, cap: legacyCap, prompts: [messages] },
  { paths: ['Completion.create', 'Completion.acreate'], kind: 'completion', model: legacyModel, cap: legacyCap,
    prompts: [{ names: ['prompt'], role: 'prompt' }] },
  { paths: ['Embedding.create', 'Embedding.acreate'], kind: 'embedding', model: legacyModel, noOutput: true,
    prompts: [{ names: ['input'], role: 'input' }] },
  { paths: ['Image.create', 'Image.acreate', 'Image.create_edit', 'Image.acreate_edit', 'Image.create_variation',
    'Image.acreate_variation'], kind: 'image', model: legacyModel, noOutput: true, prompts: [{ names: ['prompt'], role: 'prompt' }] },
  // Audio.transcribe(model, file, …): positional
  { paths: ['Audio.transcribe', 'Audio.atranscribe', 'Audio.translate', 'Audio.atranslate'], kind: 'audio',
    model: { names: ['model'], pos: 0 }, noOutput: true, prompts: [{ names: ['prompt'], role: 'prompt' }] },
  { paths: ['Moderation.create', 'Moderation.acreate'], kind: 'moderation', model: legacyModel, noOutput: true,
    prompts: [{ names: ['input'], role: 'input' }] },
];

// openai-node v3 (and `openai-edge`), still common in 2023-era apps: `new OpenAIApi(new Configuration(…))`.
const v3Calls: CallSpec[] = [
  { paths: ['createChatCompletion'], kind: 'chat', model: { names: ['model'], pos: 0 }, cap: legacyCap, prompts: [messages] },
  { paths: ['createCompletion'], kind: 'completion', model: { names: ['model'], pos: 0 }, cap: legacyCap,
    prompts: [{ names: ['prompt'], role: 'prompt' }] },
  { paths: ['createEmbedding'], kind: 'embedding', model, noOutput: true, prompts: [{ names: ['input'], role: 'input' }] },
  { paths: ['createImage'], kind: 'image', model, noOutput: true, prompts: [{ names: ['prompt'], role: 'prompt' }] },
  // createTranscription(file, model, prompt?, …): positional
  { paths: ['createTranscription', 'createTranslation'], kind: 'audio', model: { names: ['model'], pos: 1 }, noOutput: true },
  { paths: ['createModeration'], kind: 'moderation', model, noOutput: true, prompts: [{ names: ['input'], role: 'input' }] },
];

export const openai: SdkSpec = {
  sdk: 'openai',
  provider: 'openai',
  modules: ['openai'],
  exports: {
    OpenAI: { type: 'client' },
    AsyncOpenAI: { type: 'client' },
    Client: { type: 'client' },
    AsyncClient: { type: 'client' },
    OpenAIApi: { type: 'v3client' },
    AzureOpenAI: { type: 'client', provider: 'azure-openai' },
    AsyncAzureOpenAI: { type: 'client', provider: 'azure-openai' },
    default: { type: 'client' },
  },
  moduleType: 'module',
  types: {
    client: { calls: openAiClientCalls },
    module: { calls: [...openAiClientCalls, ...legacyModuleCalls] },
    v3client: { calls: v3Calls },
  },
};

export const openaiEdge: SdkSpec = {
  sdk: 'openai',
  provider: 'openai',
  modules: ['openai-edge'],
  exports: { OpenAIApi: { type: 'v3client' } },
  types: { v3client: { calls: v3Calls } },
};

// `@azure/openai` before v2: `new OpenAIClient(endpoint, credential)`, the deployment passed first.
const azureOptions = { names: ['maxTokens'], insert: { python: 'maxTokens', js: 'maxTokens' } };
export const azureOpenAiLegacy: SdkSpec = {
  sdk: 'openai',
  provider: 'azure-openai',
  modules: ['@azure/openai'],
  exports: { OpenAIClient: { type: 'client' } },
  types: {
    client: {
      calls: [
        { paths: ['getChatCompletions'], kind: 'chat', model: { names: [], pos: 0 }, optionsPos: 2, cap: azureOptions,
          prompts: [{ names: [], pos: 1, role: 'user', messages: true }] },
        { paths: ['streamChatCompletions'], kind: 'chat', stream: true, model: { names: [], pos: 0 }, optionsPos: 2, cap: azureOptions,
          prompts: [{ names: [], pos: 1, role: 'user', messages: true }] },
        { paths: ['getCompletions', 'streamCompletions'], kind: 'completion', model: { names: [], pos: 0 }, optionsPos: 2,
          cap: azureOptions, prompts: [{ names: [], pos: 1, role: 'prompt' }] },
        { paths: ['getEmbeddings'], kind: 'embedding', model: { names: [], pos: 0 }, optionsPos: 2, noOutput: true,
          prompts: [{ names: [], pos: 1, role: 'input' }] },
      ],
    },
  },
};

export const groq: SdkSpec = {
  sdk: 'groq',
  provider: 'groq',
  modules: ['groq', 'groq-sdk'],
  exports: { Groq: { type: 'client' }, AsyncGroq: { type: 'client' }, default: { type: 'client' } },
  types: { client: { calls: openAiClientCalls } },
};
