import { defineCompressionSuite } from '../compressSuite';

defineCompressionSuite({
  language: 'TypeScript',
  file: 'src/verbose.ts',
  promptName: 'TRIAGE_PROMPT',
  promptText: 'classify it in order to route',
  call: 'client.chat.completions.create(',
  outside: 'export async function triage',
  userPromptText: 'triage this ticket for ${company}',
});
