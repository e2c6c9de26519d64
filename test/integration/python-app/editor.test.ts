import { defineEditorSuite } from '../editorSuite';

defineEditorSuite({
  language: 'Python',
  main: 'app.py',
  other: 'jobs.py',
  uncappedCall: 'client.chat.completions.create(',
  cappedCall: 'claude.messages.create(',
  unknownModel: 'our-internal-model-v7',
  promptText: 'You are a support assistant',
  promptName: 'SYSTEM_PROMPT',
  syntaxBreak: 'def broken(:\n    return client.chat.completions.create(\n\n',
  breakBefore: 'def classify',
  minifiedFile: 'vendor.min.js',
  minifiedLine: (i) => `var a${i}=function(b){return b*${i}+Math.max(b,${i})};`.repeat(20),
});
