// Markdown decoration that carries no meaning for a model: horizontal rules, closing `#`s, bold on headings and
// on labels (`**Tone:**`), padded table delimiter rows. `aggressive` also drops bold/italic markers in prose.
// Code, quotes and placeholders are masked, so `**` in code or `*` in `a * b` inside code is never touched.

import { mask } from '../protect';
import type { CompressPass, PassContext } from '../types';

const RULE_LINE = /^[ \t]*([-*_=])(?:[ \t]*\1){2,}[ \t]*$/;
const TABLE_DELIMITER = /^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?$/;

function editLines(lines: string[], aggressive: boolean): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    const rule = RULE_LINE.exec(line);
    if (rule) {
      const setext = prev !== undefined && prev.trim() && (rule[1] === '=' || rule[1] === '-') && /^[ \t]*[^\s#>*+\-|]/.test(prev) && !/^[ \t]*\d+[.)]/.test(prev);
      if (setext) out[out.length - 1] = `${rule[1] === '=' ? '#' : '##'} ${prev.trim()}`;
      else out.push('');
      continue;
    }
    let l = line;
    if (TABLE_DELIMITER.test(l)) l = l.replace(/:?-{3,}:?/g, (cell) => `${cell.startsWith(':') ? ':' : ''}---${cell.endsWith(':') ? ':' : ''}`).replace(/[ \t]+/g, '');
    l = l.replace(/^(#{1,6}[ \t]+.*?)[ \t]+#+[ \t]*$/, '$1');
    l = l.replace(/^(#{1,6}[ \t]+)(\*\*|__)(.+)\2[ \t]*$/, '$1$3');
    l = l.replace(/(\*\*|__)([^*_\n]{1,80}?):\1/g, '$2:').replace(/(\*\*|__)([^*_\n]{1,80}?)\1:/g, '$2:');
    if (aggressive) {
      l = l.replace(/(?<![\w*])\*\*(?=\S)([^*\n]+?)(?<=\S)\*\*(?![\w*])/g, '$1');
      l = l.replace(/(?<![\w_])__(?=\S)([^_\n]+?)(?<=\S)__(?![\w_])/g, '$1');
      l = l.replace(/(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])/g, '$1');
    }
    out.push(l);
  }
  return out;
}

function run(text: string, ctx: PassContext): string {
  const masked = mask(text);
  if (!masked) return text;
  return masked.unmask(editLines(masked.text.split('\n'), ctx.level === 'aggressive').join('\n'));
}

export const markdownPass: CompressPass = {
  id: 'markdown',
  description: 'drops markdown decoration that carries no meaning',
  level: 'safe',
  run: (text, ctx) => ({ text: run(text, ctx) }),
};
