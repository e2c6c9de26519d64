import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests('missing-output-cap', {
  valid: [
    { lang: 'python', code: 'from openai import OpenAI\nc = OpenAI()\nc.chat.completions.create(model="gpt-4o", messages=[], max_completion_tokens=100)\n' },
    { lang: 'python', code: 'from openai import OpenAI\nc = OpenAI()\nc.embeddings.create(model="text-embedding-3-small", input="x")\n', name: 'embeddings have no output' },
    { lang: 'python', code: 'from openai import OpenAI\nc = OpenAI()\ndef f(**kw):\n    c.chat.completions.create(model="gpt-4o", messages=[], **kw)\n', name: 'unresolved **kwargs may hold the cap' },
    { lang: 'typescript', code: "import OpenAI from 'openai';\nconst c = new OpenAI();\nc.responses.create({ model: 'gpt-5', input: 'x', max_output_tokens: 300 });\n" },
    { lang: 'typescript', code: "import { ChatOpenAI } from '@langchain/openai';\nconst m = new ChatOpenAI({ model: 'gpt-4o', maxTokens: 200 });\nm.invoke('hi');\n", name: 'LangChain cap on the constructor' },
    { lang: 'python', code: 'import ollama\nollama.chat(model="llama3.1", messages=[{"role": "user", "content": "hi"}])\n', name: 'a local Ollama model: no dollars at stake' },
    { lang: 'python', code: 'from openai import OpenAI\nc = OpenAI()\n# prompt-cost-disable-next-line missing-output-cap\nc.chat.completions.create(model="gpt-4o", messages=[])\n', name: 'suppressed for one line' },
  ],
  invalid: [
    {
      lang: 'python',
      code: 'from openai import OpenAI\nc = OpenAI()\nc.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}])\n',
      findings: [{ text: 'create', data: { param: 'max_completion_tokens', worstCaseOutputTokens: 16384 }, message: /worst case 16,384 output tokens × 1,000 calls\/month ≈ \$\d+/ }],
      output: 'from openai import OpenAI\nc = OpenAI()\nc.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}], max_completion_tokens=1024)\n',
    },
    {
      lang: 'python',
      name: 'multi-line call with a trailing comma keeps its layout',
      code: 'import openai\nclient = openai.OpenAI()\nr = client.responses.create(\n    model="gpt-4.1",\n    input="Summarise this",\n)\n',
      findings: [{ text: 'create', data: { param: 'max_output_tokens' } }],
      output: 'import openai\nclient = openai.OpenAI()\nr = client.responses.create(\n    model="gpt-4.1",\n    input="Summarise this",\n    max_output_tokens=1024,\n)\n',
    },
    {
      lang: 'python',
      name: 'Gemini: the cap goes into the generation config',
      code: 'from google import genai\nclient = genai.Client()\nclient.models.generate_content(model="gemini-2.0-flash", contents="Why?")\n',
      findings: [{ text: 'generate_content', data: { param: 'max_output_tokens' } }],
      output: 'from google import genai\nclient = genai.Client()\nclient.models.generate_content(model="gemini-2.0-flash", contents="Why?", config={"max_output_tokens": 1024})\n',
    },
    {
      lang: 'python',
      name: 'reasoning model gets room for thinking tokens',
      code: 'from openai import OpenAI\nc = OpenAI()\nc.chat.completions.create(model="o3-mini", messages=[])\n',
      findings: [{ text: 'create', data: { capValue: 4096 } }],
      output: 'from openai import OpenAI\nc = OpenAI()\nc.chat.completions.create(model="o3-mini", messages=[], max_completion_tokens=4096)\n',
    },
    {
      lang: 'python',
      name: 'LangChain: the cap goes on the constructor',
      code: 'from langchain_anthropic import ChatAnthropic\nllm = ChatAnthropic(model="claude-3-5-haiku-latest")\nllm.invoke("hi")\n',
      findings: [{ text: 'invoke', data: { param: 'max_tokens' } }],
      output: 'from langchain_anthropic import ChatAnthropic\nllm = ChatAnthropic(model="claude-3-5-haiku-latest", max_tokens=1024)\nllm.invoke("hi")\n',
    },
    {
      lang: 'typescript',
      code: "import Anthropic from '@anthropic-ai/sdk';\nconst a = new Anthropic();\na.messages.create({ model: 'claude-sonnet-4-5', messages: [] });\n",
      findings: [{ text: 'create', data: { param: 'max_tokens' }, message: /Anthropic rejects/ }],
      output: "import Anthropic from '@anthropic-ai/sdk';\nconst a = new Anthropic();\na.messages.create({ model: 'claude-sonnet-4-5', messages: [], max_tokens: 4096 });\n",
    },
    {
      lang: 'typescript',
      name: 'Vercel AI SDK: maxOutputTokens, multi-line object',
      code: "import { generateText } from 'ai';\nimport { openai } from '@ai-sdk/openai';\nawait generateText({\n  model: openai('gpt-4o-mini'),\n  prompt: 'Hello',\n});\n",
      findings: [{ text: 'generateText', data: { param: 'maxOutputTokens' } }],
      output: "import { generateText } from 'ai';\nimport { openai } from '@ai-sdk/openai';\nawait generateText({\n  model: openai('gpt-4o-mini'),\n  prompt: 'Hello',\n  maxOutputTokens: 1024,\n});\n",
    },
    {
      lang: 'javascript',
      name: 'Gemini JS: generationConfig created on getGenerativeModel',
      code: "const { GoogleGenerativeAI } = require('@google/generative-ai');\nconst m = new GoogleGenerativeAI('k').getGenerativeModel({ model: 'gemini-1.5-flash' });\nm.generateContent('hi');\n",
      findings: [{ text: 'generateContent', data: { param: 'maxOutputTokens' } }],
      output: "const { GoogleGenerativeAI } = require('@google/generative-ai');\nconst m = new GoogleGenerativeAI('k').getGenerativeModel({ model: 'gemini-1.5-flash', generationConfig: { maxOutputTokens: 1024 } });\nm.generateContent('hi');\n",
    },
    {
      lang: 'python',
      name: 'configured cap value and calls per month',
      config: { defaultOutputCap: 300, callsPerMonth: 30000 },
      code: 'from mistralai import Mistral\nc = Mistral(api_key="k")\nc.chat.complete(model="mistral-small-latest", messages=[])\n',
      findings: [{ text: 'complete', message: /× 30,000 calls\/month/ }],
      output: 'from mistralai import Mistral\nc = Mistral(api_key="k")\nc.chat.complete(model="mistral-small-latest", messages=[], max_tokens=300)\n',
    },
  ],
});
