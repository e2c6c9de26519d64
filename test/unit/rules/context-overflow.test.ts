import { runRuleTests } from '../../helpers/ruleTester';

const long = 'lorem ipsum dolor sit amet '.repeat(30000); // ≈ 150k tokens

runRuleTests('context-overflow', {
  valid: [
    { lang: 'python', code: 'from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}], max_completion_tokens=16000)\n' },
    { lang: 'python', code: `from google import genai\ngenai.Client().models.generate_content(model="gemini-1.5-pro", contents="${long}", config={"max_output_tokens": 100})\n`, name: 'a 1M-token window holds it' },
  ],
  invalid: [
    {
      lang: 'python',
      name: 'cap above the model output limit',
      code: 'from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-4o", messages=[], max_completion_tokens=50000)\n',
      findings: [{ text: 'max_completion_tokens=50000', data: { cap: 50000, maxOutputTokens: 16384 }, message: /outputs at most 16,384/ }],
    },
    {
      lang: 'typescript',
      name: 'prompt larger than the context window',
      code: `import OpenAI from 'openai';\nnew OpenAI().chat.completions.create({ model: 'gpt-4o', max_completion_tokens: 100, messages: [{ role: 'user', content: '${long}' }] });\n`,
      findings: [{ text: 'create', data: { contextWindow: 128000 }, message: /exceed gpt-4o's 128,000-token context window/ }],
    },
  ],
});
