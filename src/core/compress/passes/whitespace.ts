// Layout that costs tokens and says nothing: the indentation of a triple-quoted or template prompt, trailing
// spaces, runs of spaces inside a line, runs of blank lines, and leading/trailing blank space of the whole prompt.
// Code blocks keep their inner layout (dedent keeps relative indentation); leading indentation of a line outside
// code is structure (nested lists) and stays.

import { mask } from '../protect';
import type { CompressPass, PassContext } from '../types';

function commonIndent(lines: readonly string[]): string {
  let common: string | null = null;
  for (const line of lines) {
    if (!line.trim()) continue;
    const indent = /^[ \t]*/.exec(line)![0];
    if (common === null) common = indent;
    else {
      let i = 0;
      while (i < common.length && i < indent.length && common[i] === indent[i]) i++;
      common = common.slice(0, i);
    }
    if (common === '') break;
  }
  return common ?? '';
}

/** Removes the indentation shared by all lines; a first line flush with the quote (`"""You are…`) does not count. */
export function dedent(text: string): string {
  const lines = text.split('\n');
  let first = 0;
  let indent = commonIndent(lines);
  if (!indent && lines.length > 1 && lines[0].trim() && !/^[ \t]/.test(lines[0])) {
    first = 1;
    indent = commonIndent(lines.slice(1));
  }
  if (!indent) return text;
  return lines.map((l, i) => (i < first ? l : l.startsWith(indent) ? l.slice(indent.length) : l.trim() ? l : '')).join('\n');
}

function tidy(core: string): string {
  const masked = mask(core);
  if (!masked) return core;
  const lines = masked.text.split('\n').map((line) => {
    const indent = /^[ \t]*/.exec(line)![0];
    const body = line.slice(indent.length).replace(/[ \t\r]+$/, '').replace(/[ \t]{2,}/g, ' ');
    return body ? indent + body : '';
  });
  return masked.unmask(lines.join('\n').replace(/\n{3,}/g, '\n\n'));
}

function run(text: string, ctx: PassContext): string {
  const lead = ctx.keepLeadingWhitespace ? /^\s*/.exec(text)![0] : '';
  const trail = ctx.keepTrailingWhitespace ? /\s*$/.exec(text.slice(lead.length))![0] : '';
  let core = text.slice(lead.length, text.length - trail.length);
  // A piece that continues a line (after a concatenation) must not lose its first line's indentation to dedent.
  core = tidy(lead && !lead.endsWith('\n') ? core : dedent(core));
  if (!ctx.keepLeadingWhitespace) core = core.replace(/^\s+/, '');
  if (!ctx.keepTrailingWhitespace) core = core.replace(/\s+$/, '');
  return lead + core + trail;
}

export const whitespacePass: CompressPass = {
  id: 'whitespace',
  description: 'dedents, trims lines, collapses runs of spaces and blank lines',
  level: 'safe',
  run: (text, ctx) => ({ text: run(text, ctx) }),
};
