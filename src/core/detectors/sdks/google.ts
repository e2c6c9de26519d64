// Google Gemini: `google-genai` / `@google/genai` (client.models…), and the older `google-generativeai` /
// `@google/generative-ai` / Vertex AI SDKs (GenerativeModel). The cap lives inside a generation config.
import type { CallSpec, CapSpec, PromptArg, SdkSpec } from '../spec';

const model = { names: ['model'] };
const contents: PromptArg = { names: ['contents'], role: 'user', messages: true };

const genaiCap: CapSpec = {
  names: [],
  nested: [{ holders: ['config'], names: ['max_output_tokens', 'maxOutputTokens'] }],
  insert: { python: 'max_output_tokens', js: 'maxOutputTokens' },
  insertInto: { python: 'config', js: 'config' },
};
const genaiSystem: PromptArg = { names: ['config.system_instruction', 'config.systemInstruction'], role: 'system' };

const genaiCalls: CallSpec[] = [
  { paths: ['models.generate_content', 'models.generateContent', 'aio.models.generate_content'], api: 'models.generate_content',
    kind: 'chat', model, cap: genaiCap, prompts: [genaiSystem, contents] },
  { paths: ['models.generate_content_stream', 'models.generateContentStream', 'aio.models.generate_content_stream'],
    api: 'models.generate_content_stream', kind: 'chat', stream: true, model, cap: genaiCap, prompts: [genaiSystem, contents] },
  { paths: ['models.embed_content', 'models.embedContent', 'aio.models.embed_content'], api: 'models.embed_content',
    kind: 'embedding', model, noOutput: true, prompts: [{ names: ['contents'], role: 'input' }] },
  { paths: ['chats.create', 'aio.chats.create'], kind: 'chat', returns: 'chat' },
];

const chatMessage: PromptArg = { names: ['message'], pos: 0, role: 'user', messages: true };

export const googleGenai: SdkSpec = {
  sdk: 'google-genai',
  provider: 'google',
  modules: ['google.genai', '@google/genai'],
  exports: { Client: { type: 'client' }, GoogleGenAI: { type: 'client' } },
  types: {
    client: { calls: genaiCalls },
    chat: {
      ctor: { model, cap: genaiCap, prompts: [genaiSystem] },
      calls: [
        { paths: ['send_message', 'sendMessage'], kind: 'chat', fromReceiver: true, cap: genaiCap, prompts: [chatMessage], configReplaces: true },
        { paths: ['send_message_stream', 'sendMessageStream'], kind: 'chat', stream: true, fromReceiver: true, cap: genaiCap,
          prompts: [chatMessage], configReplaces: true },
      ],
    },
  },
};

const legacyCap: CapSpec = {
  names: [],
  nested: [{ holders: ['generation_config', 'generationConfig'], names: ['max_output_tokens', 'maxOutputTokens'] }],
  insert: { python: 'max_output_tokens', js: 'maxOutputTokens' },
  insertInto: { python: 'generation_config', js: 'generationConfig' },
};
const legacyContents: PromptArg = { names: ['contents'], pos: 0, role: 'user', messages: true };

export const googleGenerativeAi: SdkSpec = {
  sdk: 'google-generativeai',
  provider: 'google',
  modules: ['google.generativeai', 'vertexai.generative_models', 'vertexai.preview.generative_models',
    '@google/generative-ai', '@google-cloud/vertexai'],
  exports: {
    GenerativeModel: { type: 'model' },
    GoogleGenerativeAI: { type: 'client' },
    VertexAI: { type: 'client' },
    embed_content: { call: { paths: [''], api: 'embed_content', kind: 'embedding', model, noOutput: true,
      prompts: [{ names: ['content'], role: 'input' }] } },
  },
  types: {
    client: {
      calls: [{ paths: ['getGenerativeModel', 'preview.getGenerativeModel'], kind: 'chat', returns: 'model' }],
    },
    model: {
      ctor: { model: { names: ['model_name', 'model'], pos: 0 }, cap: legacyCap,
        prompts: [{ names: ['system_instruction', 'systemInstruction'], role: 'system' }] },
      calls: [
        { paths: ['generate_content', 'generateContent', 'generate_content_async'], api: 'GenerativeModel.generate_content',
          kind: 'chat', fromReceiver: true, cap: legacyCap, prompts: [legacyContents] },
        { paths: ['generateContentStream'], api: 'GenerativeModel.generate_content', kind: 'chat', stream: true,
          fromReceiver: true, cap: legacyCap, prompts: [legacyContents] },
        { paths: ['embed_content', 'embedContent', 'batchEmbedContents', 'batch_embed_contents'], api: 'GenerativeModel.embed_content',
          kind: 'embedding', fromReceiver: true, noOutput: true, prompts: [{ names: ['content', 'contents'], pos: 0, role: 'input' }] },
        { paths: ['start_chat', 'startChat'], kind: 'chat', returns: 'chat' },
      ],
    },
    chat: {
      // start_chat / startChat may carry its own generation config
      ctor: { cap: legacyCap },
      calls: [
        { paths: ['send_message', 'sendMessage', 'send_message_async'], api: 'ChatSession.send_message', kind: 'chat',
          fromReceiver: true, cap: legacyCap, prompts: [{ names: ['content'], pos: 0, role: 'user', messages: true }] },
        { paths: ['sendMessageStream'], api: 'ChatSession.send_message', kind: 'chat', stream: true, fromReceiver: true,
          cap: legacyCap, prompts: [{ names: ['content'], pos: 0, role: 'user', messages: true }] },
      ],
    },
  },
};
