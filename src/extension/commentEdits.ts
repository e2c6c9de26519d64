// Edits that insert the comments the engine honours: `prompt-cost: N/month` (calls per month for the call below),
// `prompt-cost-disable-next-line <rule>` and `prompt-cost-disable-file <rule>`. vscode-free, unit-tested.

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
  return commentLineAbove(text, language, call.span.start, body);
}

export function suppressLineEdit(text: string, language: LanguageId | null, offset: number, ruleId: string): TextEdit {
  return commentLineAbove(text, language, offset, `prompt-cost-disable-next-line ${ruleId}`);
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
