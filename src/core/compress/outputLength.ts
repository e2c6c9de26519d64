// The explicit "add an output-length instruction" edit: appends "Answer in at most N sentences." to the system
// prompt of a call. It changes what the model is asked, so it is a separate code action, never part of fix-all.

import type { FileResult, Fix, LanguageId } from '../types';
import { decodeLiteral, rewriteLiteral } from './literal';

const SYSTEM_ROLES = new Set(['system', 'developer', 'instructions']);

export function outputLengthInstruction(sentences: number): string {
  return `Answer in at most ${sentences} sentence${sentences === 1 ? '' : 's'}.`;
}

/** Appends `instruction` to a text, before its trailing whitespace, on a new line when the text has several lines. */
export function appendInstruction(text: string, instruction: string): string {
  const trail = /\s*$/.exec(text)![0];
  const core = text.slice(0, text.length - trail.length);
  if (!core) return instruction + trail;
  const sep = core.includes('\n') ? '\n' : /[.!?:;]["'”’)]?$/.test(core) ? ' ' : '. ';
  return core + sep + instruction + trail;
}

export function outputLengthFix(
  result: Pick<FileResult, 'calls' | 'prompts' | 'language'>,
  fileText: string,
  callId: string,
  sentences = 3,
): { ok: true; fix: Fix } | { ok: false; reason: string } {
  const call = result.calls.find((c) => c.id === callId);
  if (!call) return { ok: false, reason: `no call ${callId} in this file` };
  const language = result.language as LanguageId | null;
  if (!language) return { ok: false, reason: 'not a Python, TypeScript or JavaScript file' };
  const prompt = call.promptIds.map((id) => result.prompts.find((p) => p.id === id)).find((p) => p && SYSTEM_ROLES.has(p.role));
  if (!prompt) return { ok: false, reason: 'the call has no system prompt (or instructions) written as a literal to extend' };
  if (/\b(?:at most|no more than|maximum of|up to)\s+\w+\s+(?:sentences?|words?|paragraphs?|bullet|lines?)\b/i.test(prompt.text)) {
    return { ok: false, reason: 'the system prompt already limits the answer length' };
  }
  const piece = prompt.pieces[prompt.pieces.length - 1];
  const source = fileText.slice(piece.span.start, piece.span.end);
  const decoded = decodeLiteral(source, language);
  if (!decoded.ok) return { ok: false, reason: decoded.reason };
  const instruction = outputLengthInstruction(sentences);
  const rewritten = rewriteLiteral(source, language, appendInstruction(decoded.text, instruction));
  if (!rewritten.ok) return { ok: false, reason: rewritten.reason };
  return {
    ok: true,
    fix: {
      title: `Add "${instruction}" to the system prompt (changes the answers)`,
      kind: 'refactor.rewrite',
      safe: false,
      edits: [{ span: piece.span, newText: rewritten.source }],
    },
  };
}
