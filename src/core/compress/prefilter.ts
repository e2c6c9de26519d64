// A cheap first look (regular expressions only, no token counting) at whether a text has anything the passes
// could remove. The rule runs on every analysis: texts with nothing to remove skip the pipeline.

import { FILLER_PHRASES, WORDY_PHRASES } from './phrases';

const phrases = [...FILLER_PHRASES, ...WORDY_PHRASES]
  .map((r) => r.find.replace(/'/g, "['’]").replace(/ /g, '\\s+'))
  .sort((a, b) => b.length - a.length);

const SIGNS = new RegExp(
  [
    `\\b(?:${phrases.join('|')})\\b`, // filler and wordy phrases
    '^[ \\t]{2,}\\S', // indentation
    '\\S[ \\t]{2,}\\S', // runs of spaces
    '[ \\t]+$', // trailing spaces
    '\\n[ \\t]*\\n[ \\t]*\\n', // blank-line runs
    '^\\s', // leading whitespace
    '[{\\[][ \\t]*\\n', // pretty-printed JSON
    '\\*\\*|__|^[ \\t]*([-*_=])(?:[ \\t]*\\1){2,}[ \\t]*$|[ \\t]#+[ \\t]*$|-{4,}', // markdown decoration
  ].join('|'),
  'im',
);

/** Whether some sentence of at least four words occurs twice (case and punctuation aside). */
function hasRepeatedSentence(text: string): boolean {
  const seen = new Set<string>();
  for (const s of text.split(/[.!?]+\s+|\n+/)) {
    const key = s.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\s+/g, ' ').trim();
    if (key.split(' ').length < 4) continue;
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}

export const PREFILTER = {
  test(text: string): boolean {
    return SIGNS.test(text) || /\s$/.test(text) || hasRepeatedSentence(text);
  },
};
