// Comments that silence findings: `prompt-cost-disable-next-line [rule, …]`, `prompt-cost-disable-line [rule, …]`
// and `prompt-cost-disable-file [rule, …]` (no rule list = every rule). `#` or `//` comments alike.

import type { LineIndex } from '../formatters/lineIndex';
import type { Finding, Span } from '../types';
import { commentTargetLine } from '../analysis/commentTarget';

const DIRECTIVE = /prompt-cost-disable(-next-line|-line|-file)?\b([^\n*]*)/;

interface Directive { scope: 'next-line' | 'line' | 'file'; line: number; rules: Set<string> | null }

/** `line` is the line a directive covers: its own for -line, the next code line (past other comments) for -next-line. */
export function parseDirectives(comments: { span: Span; text: string }[], lines: LineIndex): Directive[] {
  const out: Directive[] = [];
  for (const c of comments) {
    const m = DIRECTIVE.exec(c.text);
    if (!m) continue;
    const scope = m[1] === '-next-line' ? 'next-line' : m[1] === '-line' ? 'line' : 'file';
    const list = m[2].replace(/--.*$/, '').split(/[\s,]+/).map((s) => s.trim()).filter((s) => /^[a-z][a-z0-9-]*$/.test(s));
    const line = scope === 'next-line' ? commentTargetLine(c.span, lines) : lines.position(c.span.start).line;
    out.push({ scope, line, rules: list.length ? new Set(list) : null });
  }
  return out;
}

/** `callStarts` maps a call id to the offset where the call starts: a directive above a call covers its findings. */
export function applySuppressions(findings: Finding[], comments: { span: Span; text: string }[], lines: LineIndex,
  callStarts: ReadonlyMap<string, number> = new Map()): Finding[] {
  if (!findings.length || !comments.length) return findings;
  const directives = parseDirectives(comments, lines);
  if (!directives.length) return findings;
  return findings.filter((f) => {
    const at = [lines.position(f.span.start).line];
    const start = f.callId !== undefined ? callStarts.get(f.callId) : undefined;
    if (start !== undefined) at.push(lines.position(start).line);
    return !directives.some((d) => (!d.rules || d.rules.has(f.ruleId)) &&
      (d.scope === 'file' || at.some((line) => d.line === line)));
  });
}
