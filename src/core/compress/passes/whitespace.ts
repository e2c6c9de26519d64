// Layout that costs tokens and says nothing: the indentation of a triple-quoted or template prompt, trailing
// spaces, runs of spaces inside a line, runs of blank lines, and leading/trailing blank space of the whole prompt.
// Code blocks keep their inner layout (dedent keeps relative indentation); leading indentation of a line outside
// code is structure (nested lists) and stays.

import { findInlineCode, findQuotes, findTags, mask } from '../protect';
import { lineRoles, type LineRole } from '../regions';
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

/** A line that ends mid-sentence (hard-wrapped prose): long enough, no closing punctuation, no structure. */
const WRAPPED_LINE = /^[ \t]*(?![#|>]|[-*+•][ \t]|\d+[.)][ \t])[^\n]{30,}[\p{L}\p{N},)]$/u;
/** The continuation of a wrapped sentence: starts with a lowercase word that is not a list label (`a)`, `i.`). */
const CONTINUATION = /^[ \t]*(?![a-z][.)][ \t]|[ivx]+[.)][ \t])\p{Ll}/u;

/** Protected spans a line holds; joining two lines must not pair a quote or backtick across them. */
const spansIn = (s: string) => findQuotes(s).length + findInlineCode(s).length + findTags(s).length;

/** Joins soft-wrapped prose lines (a line break inside a sentence costs a token; a space is free). */
/** Code written without a fence ("const x = Vue\ncreateApp({"): its line breaks are syntax. */
const CODE_LIKE = /[{}=;<>]|^\s*(?:const|let|var|def|return|import|from|class|function|if|for|while)\b/;

function unwrap(lines: string[], roles: readonly LineRole[], unmask: (s: string) => string): string[] {
  const out: string[] = [];
  // Lines of examples, data and templates keep their breaks: they are material, not prose.
  let prevRole: LineRole | undefined;
  let prevCode = false;
  for (const [i, line] of lines.entries()) {
    const prev = out[out.length - 1];
    const code = CODE_LIKE.test(line); // masked: placeholders and tags are not code
    const joinable = prevRole === 'prose' && roles[i] === 'prose' && !prevCode && !code;
    prevRole = roles[i];
    prevCode = code;
    if (joinable && prev !== undefined && WRAPPED_LINE.test(prev) && CONTINUATION.test(line)) {
      const joined = `${prev} ${line.trimStart()}`;
      const a = unmask(prev);
      const b = unmask(line);
      if (spansIn(unmask(joined)) === spansIn(a) + spansIn(b)) {
        out[out.length - 1] = joined;
        continue;
      }
    }
    out.push(line);
  }
  return out;
}

function tidy(core: string, joinWrapped: boolean): string {
  const masked = mask(core);
  if (!masked) return core;
  const raw = masked.text.split('\n');
  const roles = lineRoles(raw, masked.unmask);
  let lines = raw.map((line, i) => {
    const indent = /^[ \t]*/.exec(line)![0];
    // Tabs stay: in a TSV example a tab (or two) is data. Runs of spaces inside examples, data and templates
    // may align columns the model reads or reproduces: only prose loses them.
    const trimmed = line.slice(indent.length).replace(/[ \r]+$/, '');
    const body = roles[i] === 'prose' ? trimmed.replace(/ {2,}/g, ' ') : trimmed;
    return body ? indent + body : '';
  });
  if (joinWrapped) lines = unwrap(lines, roles, masked.unmask);
  return masked.unmask(lines.join('\n').replace(/\n{3,}/g, '\n\n'));
}

function run(text: string, ctx: PassContext): string {
  const lead = ctx.keepLeadingWhitespace ? /^\s*/.exec(text)![0] : '';
  const trail = ctx.keepTrailingWhitespace ? /\s*$/.exec(text.slice(lead.length))![0] : '';
  let core = text.slice(lead.length, text.length - trail.length);
  // A piece that continues a line (after a concatenation) must not lose its first line's indentation to dedent.
  core = tidy(lead && !lead.endsWith('\n') ? core : dedent(core), true);
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
