// LangChain chat models (Python `langchain_*`, JS `@langchain/*`): the model and cap are bound at the constructor,
// the call happens at invoke/stream/batch on the model or on anything derived from it (bind_tools, pipes…).
import type { CallSpec, CapSpec, SdkSpec, TypeSpec } from '../spec';
import type { ProviderId } from '../../types';

const modelRef = { names: ['model', 'model_name', 'modelName', 'model_id', 'modelId', 'deployment_name', 'azure_deployment',
  'deploymentName', 'azureOpenAIApiDeploymentName'], pos: 0 };
const capNames = ['max_tokens', 'maxTokens', 'max_completion_tokens', 'max_output_tokens', 'maxOutputTokens',
  'max_tokens_to_sample', 'num_predict', 'numPredict'];
const cap: CapSpec = { names: capNames, insert: { python: 'max_tokens', js: 'maxTokens' } };
const googleCap: CapSpec = { names: capNames, insert: { python: 'max_output_tokens', js: 'maxOutputTokens' } };

function chatModelType(c: CapSpec): TypeSpec {
  const invoke: CallSpec[] = [
    // '' is the legacy direct call: llm("…") / chat([HumanMessage(…)])
    { paths: ['invoke', 'ainvoke', 'predict', 'apredict', 'predict_messages', 'call', 'generate', 'agenerate', 'batch', 'abatch', ''],
      kind: 'chat', fromReceiver: true, cap: c, prompts: [{ names: ['input', 'messages'], pos: 0, role: 'user', messages: true }] },
    { paths: ['stream', 'astream', 'astream_events', 'streamEvents'], kind: 'chat', stream: true, fromReceiver: true, cap: c,
      prompts: [{ names: ['input', 'messages'], pos: 0, role: 'user', messages: true }] },
    // Derived runnables keep the model: the invoke on them is the model call.
    { paths: ['with_structured_output', 'withStructuredOutput', 'bind_tools', 'bindTools', 'with_retry', 'withRetry',
      'with_config', 'with_fallbacks', 'withFallbacks', 'configurable_fields', 'pipe'], kind: 'chat', returns: 'self' },
    // `.bind(max_tokens=256)` (JS: `.bind({ max_tokens })`, `.withConfig({ … })`) passes call options to each invoke.
    { paths: ['bind', 'withConfig'], kind: 'chat', returns: 'self', bindsOptions: true },
  ];
  return {
    calls: invoke,
    ctor: { model: modelRef, cap: c },
    reportCtorWhenUnused: { kind: 'chat', api: '' },
  };
}

// Embedding models: each embed_documents / embed_query is a request (vector stores that embed inside their own
// methods are not counted: the file does not show how many texts they send).
const embedInput = (names: string[]) => [{ names, pos: 0, role: 'input' as const }];
const embeddingsType: TypeSpec = {
  calls: [
    { paths: ['embed_documents', 'aembed_documents', 'embedDocuments'], api: 'embed_documents', kind: 'embedding',
      fromReceiver: true, noOutput: true, prompts: embedInput(['texts', 'documents']) },
    { paths: ['embed_query', 'aembed_query', 'embedQuery'], api: 'embed_query', kind: 'embedding', fromReceiver: true,
      noOutput: true, prompts: embedInput(['text', 'document']) },
  ],
  ctor: { model: { names: ['model', 'model_name', 'modelName', 'deployment', 'azure_deployment', 'deploymentName'] } },
};
const embeddingClasses: Record<string, ProviderId> = {
  OpenAIEmbeddings: 'openai', AzureOpenAIEmbeddings: 'azure-openai', GoogleGenerativeAIEmbeddings: 'google',
  VertexAIEmbeddings: 'google', CohereEmbeddings: 'cohere', MistralAIEmbeddings: 'mistral', OllamaEmbeddings: 'self-hosted',
  BedrockEmbeddings: 'unknown',
};

const classes: Record<string, { provider: ProviderId; google?: boolean }> = {
  ChatOpenAI: { provider: 'openai' },
  AzureChatOpenAI: { provider: 'azure-openai' },
  OpenAI: { provider: 'openai' },
  AzureOpenAI: { provider: 'azure-openai' },
  ChatAnthropic: { provider: 'anthropic' },
  AnthropicLLM: { provider: 'anthropic' },
  ChatGoogleGenerativeAI: { provider: 'google', google: true },
  GoogleGenerativeAI: { provider: 'google', google: true },
  ChatVertexAI: { provider: 'google', google: true },
  VertexAI: { provider: 'google', google: true },
  ChatMistralAI: { provider: 'mistral' },
  ChatCohere: { provider: 'cohere' },
  ChatGroq: { provider: 'groq' },
  // Local models: no per-token price.
  ChatOllama: { provider: 'self-hosted' },
  OllamaLLM: { provider: 'self-hosted' },
  Ollama: { provider: 'self-hosted' },
  // Other vendors' chat models: the vendor's prices when the dataset has them.
  ChatDeepSeek: { provider: 'unknown' },
  ChatFireworks: { provider: 'unknown' },
  ChatTogether: { provider: 'unknown' },
  ChatXAI: { provider: 'unknown' },
  ChatOpenRouter: { provider: 'unknown' },
  // Amazon Bedrock: the vendor comes from the model id (`anthropic.claude-3-sonnet-…`).
  ChatBedrock: { provider: 'unknown' },
  ChatBedrockConverse: { provider: 'unknown' },
  BedrockChat: { provider: 'unknown' },
};

const exportsTable: SdkSpec['exports'] = {};
for (const [name, c] of Object.entries(classes)) exportsTable[name] = { type: c.google ? 'googleModel' : 'model', provider: c.provider };
for (const [name, provider] of Object.entries(embeddingClasses)) exportsTable[name] = { type: 'embeddings', provider };
// init_chat_model("gpt-4o", model_provider="openai") / initChatModel("gpt-4o"): the vendor comes from the model.
const initModel: CallSpec = { paths: [''], kind: 'chat', returns: 'model' };
exportsTable.init_chat_model = { call: initModel, provider: 'unknown' };
exportsTable.initChatModel = { call: initModel, provider: 'unknown' };

export const langchain: SdkSpec = {
  sdk: 'langchain',
  provider: 'unknown',
  modules: ['langchain_openai', 'langchain_anthropic', 'langchain_google_genai', 'langchain_google_vertexai',
    'langchain_mistralai', 'langchain_cohere', 'langchain_groq', 'langchain_aws', 'langchain_deepseek', 'langchain_fireworks',
    'langchain_together', 'langchain_xai', 'langchain_ollama', 'langchain_community.chat_models',
    'langchain_community.llms', 'langchain.chat_models', 'langchain.llms', 'langchain_community.embeddings', 'langchain.embeddings',
    '@langchain/openai', '@langchain/anthropic', '@langchain/google-genai', '@langchain/google-vertexai',
    '@langchain/mistralai', '@langchain/cohere', '@langchain/groq', '@langchain/aws', '@langchain/deepseek', '@langchain/xai',
    '@langchain/ollama', '@langchain/community/chat_models', '@langchain/community/embeddings', 'langchain/embeddings', 'langchain/chat_models/universal',
    'langchain/chat_models/openai', 'langchain/chat_models/anthropic', 'langchain/llms/openai'],
  exports: exportsTable,
  types: { model: chatModelType(cap), googleModel: chatModelType(googleCap), embeddings: embeddingsType },
};
