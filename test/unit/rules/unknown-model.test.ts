import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests('unknown-model', {
  valid: [
    { lang: 'python', code: 'from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-4o-mini", messages=[], max_tokens=5)\n' },
    { lang: 'python', code: 'from openai import AzureOpenAI\nAzureOpenAI().chat.completions.create(model="prod-deploy", messages=[], max_tokens=5)\n', config: { modelAliases: { 'prod-deploy': 'gpt-4o' } }, name: 'deployment mapped by modelAliases' },
    { lang: 'python', code: 'from openai import OpenAI\nOpenAI().chat.completions.create(model="acme-ft", messages=[], max_tokens=5)\n', config: { prices: { 'acme-ft': { input: 1, output: 2 } } }, name: 'priced by an override' },
    { lang: 'typescript', code: "import OpenAI from 'openai';\nnew OpenAI().chat.completions.create({ model: process.env.M!, messages: [], max_tokens: 5 });\n", name: 'dynamic model is not flagged' },
  ],
  invalid: [
    {
      lang: 'python',
      code: 'from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-4o-minii", messages=[], max_tokens=5)\n',
      findings: [{ text: 'gpt-4o-minii', message: /Unknown model `gpt-4o-minii`.*Did you mean `gpt-4o-mini`/ }],
      output: 'from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-4o-mini", messages=[], max_tokens=5)\n',
    },
    {
      lang: 'typescript',
      name: 'Azure deployment name: advice to alias it, no guessed fix',
      code: "import { AzureOpenAI } from 'openai';\nnew AzureOpenAI().chat.completions.create({ model: 'support-prod', messages: [], max_tokens: 5 });\n",
      findings: [{ text: 'support-prod', message: /Azure deployment.*modelAliases/ }],
    },
  ],
});
