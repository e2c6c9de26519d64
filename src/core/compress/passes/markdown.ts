// Markdown decoration that carries no meaning for a model: horizontal rules, closing `#`s, the `#`s of a heading
// that is already a label ("### Task:" → "Task:"), bold and italic markers, padded table delimiter rows.
// Code, quotes and placeholders are masked, so `**` in code or `*` in `a * b` inside code is never touched.
// Examples, labelled data and output templates (regions.ts) are left as written: there the markers are part of
// what the model reads or is asked to reproduce.

import { findPlaceholders, findTags, mask } from '../protect';
import { lineRoles } from '../regions';
import type { CompressPass } from '../types';

const RULE_LINE = /^[ \t]*([-*_=])(?:[ \t]*\1){2,}[ \t]*$/;
const TABLE_DELIMITER = /^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?$/;
/** A setext title: a few plain words, nothing that could be a sentence, code or a placeholder. */
const TITLE = /^[\p{Lu}][\p{L}\p{N} '’&/-]{0,50}$/u;
/** A heading whose text ends with a colon reads as a label without its hashes. */
const LABEL_HEADING = /^([ \t]*)#{1,6}[ \t]+(?:\*\*|__)?(?!(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,5})[.)][ \t])([^\n#]*?:)(?:\*\*|__)?[ \t]*$/;

/** An enumeration label ("2.", "b)", "iv."): unwrapping `**2.**` would make a new label of it. */
const ENUMERATION = /^(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,5})[.)]$/;

/** Bold and italic markers around words, outside code (masked); list bullets and `a * b` do not match. */
function dropEmphasis(l: string): string {
  const unwrap = (m: string, inner: string) => (ENUMERATION.test(inner) ? m : inner);
  return l
    .replace(/(?<![\w*])\*\*(?=\S)([^*\n]+?)(?<=\S)\*\*(?![\w*])/g, unwrap)
    // `__init__` is a name; underscore bold is only read as such around several words.
    .replace(/(?<![\w_])__(?=\S)([^_\n]*? [^_\n]*?)(?<=\S)__(?![\w_])/g, '$1')
    .replace(/(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])/g, unwrap)
    .replace(/(?<![\w_])_(?=[^\s_])([^_\n]+?)(?<=[^\s_])_(?![\w_])/g, (m, inner: string) => (/^[\p{L} ,'’-]+$/u.test(inner) ? inner : m));
}

/**
 * A rule line that delimits something: it sits next to a line holding a placeholder or a tag (the text injected
 * there, "---\n{context}\n---"), or the prompt names its characters ("Following '===' is the history").
 */
function delimits(lines: readonly string[], i: number, view: (s: string) => string, named: ReadonlySet<string>, ch: string): boolean {
  if (named.has(ch)) return true;
  const near = (step: number) => {
    for (let j = i + step; j >= 0 && j < lines.length; j += step) {
      const v = view(lines[j]);
      if (v.trim()) return v;
    }
    return '';
  };
  // Next to a placeholder or a tag it frames injected text; next to indented code it is part of the code.
  return [near(-1), near(1)].some((v) => findPlaceholders(v).length > 0 || findTags(v).length > 0 || /^(?: {4}|\t)/.test(v));
}

function editLines(lines: string[], view: (s: string) => string): string[] {
  const roles = lineRoles(lines, view);
  const whole = lines.map(view).join('\n');
  const named = new Set([...whole.matchAll(/['"`“‘]([-=*_])\1\1/g)].map((m) => m[1]));
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (roles[i] !== 'prose') return void out.push(line);
    const prev = out[out.length - 1];
    const rule = RULE_LINE.exec(line);
    if (rule) {
      if (delimits(lines, i, view, named, rule[1])) return void out.push(line);
      const title = prev !== undefined && TITLE.test(view(prev).trim()) && !/^[ \t]/.test(prev);
      const setext = title && (rule[1] === '=' || rule[1] === '-');
      if (setext) out[out.length - 1] = `${rule[1] === '=' ? '#' : '##'} ${prev.trim()}`;
      else out.push('');
      return;
    }
    let l = line;
    if (TABLE_DELIMITER.test(l)) l = l.replace(/:?-{3,}:?/g, (cell) => `${cell.startsWith(':') ? ':' : ''}---${cell.endsWith(':') ? ':' : ''}`).replace(/[ \t]+/g, '');
    l = l.replace(/^(#{1,6}[ \t]+.*?)[ \t]+#+[ \t]*$/, '$1');
    l = l.replace(/^(#{1,6}[ \t]+)(\*\*|__)(.+)\2[ \t]*$/, '$1$3');
    l = l.replace(/(\*\*|__)([^*_\n]{1,80}?):\1/g, '$2:').replace(/(\*\*|__)([^*_\n]{1,80}?)\1:/g, '$2:');
    l = dropEmphasis(l.replace(LABEL_HEADING, '$1$2'));
    out.push(l);
  });
  return out;
}

function run(text: string): string {
  const masked = mask(text);
  if (!masked) return text;
  return masked.unmask(editLines(masked.text.split('\n'), masked.unmask).join('\n'));
}

export const markdownPass: CompressPass = {
  id: 'markdown',
  description: 'drops markdown decoration that carries no meaning',
  level: 'safe',
  run: (text) => ({ text: run(text) }),
};
