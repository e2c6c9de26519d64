import { defineEditorSuite } from '../editorSuite';

defineEditorSuite({
  language: 'TypeScript',
  main: 'src/app.ts',
  other: 'src/jobs.ts',
  uncappedCall: 'client.chat.completions.create(',
  cappedCall: 'anthropic.messages.create(',
  unknownModel: 'acme-llm-large',
  promptText: 'You are a concise travel assistant',
  promptName: 'SYSTEM_PROMPT',
  syntaxBreak: 'export async function broken(: {\n  const x = client.chat.completions.create({\n\n',
  breakBefore: 'export async function internal',
  minifiedFile: 'src/bundle.min.js',
  minifiedLine: (i) => `var a${i}=function(b){return b*${i}+Math.max(b,${i})};`.repeat(20),
});
