import { runRuleTests } from '../../helpers/ruleTester';

const call = (model: string, cap: number) =>
  `from openai import OpenAI\nc = OpenAI()\nc.chat.completions.create(model="${model}", messages=[{"role": "user", "content": "hello"}], max_completion_tokens=${cap})\n`;

runRuleTests('over-budget', {
  valid: [
    { lang: 'python', code: call('gpt-4o', 100), config: { budgets: { perCall: 100 } } },
    { lang: 'python', code: call('gpt-4o', 100), name: 'no budget configured' },
    {
      lang: 'python', code: call('gpt-4o', 100), name: 'a paths budget covers a group of files: checked over all of them by the CLI',
      config: { callsPerMonth: 1_000_000, paths: [{ glob: '*.py', maxMonthlyCost: 50 }] },
    },
  ],
  invalid: [
    {
      lang: 'python',
      name: 'per-call budget',
      // 100 output tokens × $10/M + ~15 input tokens × $2.5/M ≈ $0.001/call; × 1M calls ≈ $1,038/month
      code: call('gpt-4o', 100),
      config: { callsPerMonth: 1_000_000, budgets: { perCall: 500 } },
      findings: [{ text: 'create', severity: 'error', data: { budget: 500, scope: 'call' }, message: /above the per-call budget of \$500/ }],
    },
    {
      lang: 'python',
      name: 'per-file budget',
      code: call('gpt-4o', 100),
      config: { callsPerMonth: 1_000_000, budgets: { perFile: 50 } },
      findings: [{ text: 'create', data: { budget: 50, scope: 'file' } }],
    },
    {
      lang: 'typescript',
      code: "import Anthropic from '@anthropic-ai/sdk';\n// prompt-cost: 100000/day\nnew Anthropic().messages.create({ model: 'claude-opus-4-1', max_tokens: 2000, messages: [] });\n",
      config: { budgets: { perFile: 1000 } },
      findings: [{ text: 'create', data: { scope: 'file' }, message: /above its budget of \$1,000/ }],
    },
  ],
});
