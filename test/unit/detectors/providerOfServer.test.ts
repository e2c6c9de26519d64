import * as assert from 'assert';
import { providerOfServer } from '../../../src/core/detectors/providerOfModel';

describe('detectors/providerOfServer (who serves a client pointed at a base URL)', () => {
  const cases: [string, string | null, string | null][] = [
    ['https://api.groq.com/openai/v1', 'llama-3.3-70b-versatile', 'groq'],
    ['https://generativelanguage.googleapis.com/v1beta/openai/', 'gemini-2.0-flash', 'google'],
    ['https://my-res.openai.azure.com/', 'gpt-4o', 'azure-openai'],
    ['http://localhost:11434/v1', 'mistral', 'self-hosted'], // Ollama's port: its own models, whatever the name
    ['http://ollama:11434', 'llama3', 'self-hosted'],
    ['http://vllm:8000/v1', 'meta-llama/Llama-3.1-8B-Instruct', 'self-hosted'],
    ['http://10.0.3.7:8080/v1', 'qwen2.5', 'self-hosted'],
    ['http://user:pw@127.0.0.1:1234/v1', null, 'self-hosted'],
    ['http://localhost:4000', 'gpt-4o-mini', null], // a LiteLLM proxy bills the vendor
    ['http://localhost:4000', 'anthropic/claude-sonnet-4-5', null],
    ['http://localhost:8000', 'openai/qwen2.5', 'self-hosted'], // LiteLLM's "OpenAI-compatible" prefix
    ['https://api.deepseek.com', 'deepseek-chat', 'unknown'], // not OpenAI: priced by the model name
    ['https://llm.example.com/v1', 'llama3', 'unknown'], // a public host we cannot place
    ['http://127.0.0.1:1234/v1', 'gemma-3-4b', 'self-hosted'], // an open-weight Google model runs locally
    ['{base}/v1', 'llama3', null],
    ['', 'llama3', null],
  ];
  for (const [url, model, expected] of cases) {
    it(`${url || '(empty)'} with ${model ?? 'no model'} → ${expected ?? 'not decided by the server'}`, () => {
      assert.strictEqual(providerOfServer(url, model), expected);
    });
  }
});
