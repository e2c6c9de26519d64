import { defineCompressionSuite } from '../compressSuite';

defineCompressionSuite({
  language: 'Python',
  file: 'verbose.py',
  promptName: 'TRIAGE_PROMPT',
  promptText: 'classify it in order to route',
  call: 'client.chat.completions.create(',
  outside: 'def triage',
  userPromptText: 'triage this ticket: {ticket}',
});
