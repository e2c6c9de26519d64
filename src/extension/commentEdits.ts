// Edits that insert the comments the engine honours: `prompt-cost: N/month` (calls per month for the call below),
// `prompt-cost-disable-next-line <rule>` and `prompt-cost-disable-file <rule>`. vscode-free, unit-tested.
// The engine reads only the comment directly above a line, so a second directive joins the comment already there
// (`# prompt-cost: 500/day  prompt-cost-disable-next-line missing-output-cap`) instead of pushing it away.

import type { LanguageId, LlmCall, TextEdit } from '../core/types';

export function commentPrefix(language: LanguageId | null): string {
  return language === 'python' ? '#' : '//';
}

/** The offset where the line holding `offset` starts, and that line's indentation. */
export function lineStartAndIndent(text: string, offset: number): { start: number; indent: string } {
  const start = offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
  let end = start;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return { start, indent: text.slice(start, end) };
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** A comment line above the line holding `offset`, indented like it. */
export function commentLineAbove(text: string, language: LanguageId | null, offset: number, body: string): TextEdit {
  const { start, indent } = lineStartAndIndent(text, offset);
  return { span: { start, end: start }, newText: `${indent}${commentPrefix(language)} ${body}${eolOf(text)}` };
}

/** The line above the one holding `offset` when it is a whole-line comment with a rate or a next-line suppression. */
function directiveCommentAbove(text: string, language: LanguageId | null, offset: number):
  { start: number; end: number; markerEnd: number; line: string } | undefined {
  const { start: lineStart } = lineStartAndIndent(text, offset);
  if (lineStart === 0) return undefined;
  let end = lineStart - 1;
  if (text[end - 1] === '\r') end--;
  const start = text.lastIndexOf('\n', end - 1) + 1;
  const line = text.slice(start, end);
  const marker = new RegExp(`^[ \\t]*${language === 'python' ? '#' : '//'}[ \\t]*`).exec(line);
  // Only a rate or a next-line suppression: joining a file- or same-line directive would change what it covers.
  if (!marker || !/prompt-cost-disable-next-line|prompt-cost\s*:/.test(line) || /prompt-cost-disable(?!-next-line)/.test(line)) {
    return undefined;
  }
  return { start, end, markerEnd: start + marker[0].length, line };
}

/** Suppresses a rule for the line holding `offset`: joins a directive comment right above, or adds one. */
export function suppressLineEdit(text: string, language: LanguageId | null, offset: number, ruleId: string): TextEdit {
  const above = directiveCommentAbove(text, language, offset);
  if (!above) return commentLineAbove(text, language, offset, `prompt-cost-disable-next-line ${ruleId}`);
  const m = /prompt-cost-disable-next-line\b[^\n]*?(?=\s+--|\s*$)/.exec(above.line);
  if (m) {
    // Add the rule to the list (before a `-- reason`, which ends it).
    const at = above.start + m.index + m[0].length;
    return { span: { start: at, end: at }, newText: `, ${ruleId}` };
  }
  const at = above.end - (above.line.length - above.line.trimEnd().length);
  return { span: { start: at, end: at }, newText: `  prompt-cost-disable-next-line ${ruleId}` };
}

export type RatePeriod = 'month' | 'week' | 'day' | 'hour';

/** Parses what a user types for a call rate: `20000`, `20,000/month`, `500/day`. */
export function parseRate(input: string): { count: number; period: RatePeriod } | undefined {
  const m = /^\s*(\d[\d_,]*)\s*(?:(?:\/|per)\s*(month|week|day|hour))?\s*$/i.exec(input);
  if (!m) return undefined;
  const count = Number(m[1].replace(/[_,]/g, ''));
  if (!Number.isSafeInteger(count)) return undefined;
  return { count, period: (m[2]?.toLowerCase() ?? 'month') as RatePeriod };
}

/** Sets the call's calls-per-month annotation: rewrites the one it has, or adds one on the line above it. */
export function callsPerMonthEdit(text: string, language: LanguageId | null, call: LlmCall,
  rate: { count: number; period: RatePeriod }): TextEdit {
  const body = `prompt-cost: ${rate.count}/${rate.period}`;
  if (call.annotation) {
    const { span } = call.annotation;
    const written = text.slice(span.start, span.end);
    // The annotation span may or may not include the comment marker; keep whatever surrounds `prompt-cost: …`.
    const m = /prompt-cost:\s*[\d_,.]+\s*\/\s*(month|day|week|hour)/.exec(written);
    if (m) return { span: { start: span.start + m.index, end: span.start + m.index + m[0].length }, newText: body };
  }
  // A suppression comment right above: the rate goes first in it (both directives in one comment are read).
  const above = directiveCommentAbove(text, language, call.span.start);
  if (above) return { span: { start: above.markerEnd, end: above.markerEnd }, newText: `${body}  ` };
  return commentLineAbove(text, language, call.span.start, body);
}


/** Adds `prompt-cost-disable-file <rule>` at the top, after a shebang and a Python encoding declaration. */
export function suppressFileEdit(text: string, language: LanguageId | null, ruleId: string): TextEdit {
  let offset = 0;
  const skipLine = (re: RegExp) => {
    const end = text.indexOf('\n', offset);
    const line = text.slice(offset, end === -1 ? text.length : end);
    if (re.test(line)) offset = end === -1 ? text.length : end + 1;
  };
  skipLine(/^#!/);
  if (language === 'python') skipLine(/^#.*coding[:=]/);
  const eol = eolOf(text);
  const atEnd = offset === text.length && text.length > 0 && !text.endsWith('\n');
  return { span: { start: offset, end: offset }, newText: `${atEnd ? eol : ''}${commentPrefix(language)} prompt-cost-disable-file ${ruleId}${eol}` };
}
