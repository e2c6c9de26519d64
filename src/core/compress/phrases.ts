// The phrase tables the filler and wordy passes apply. Data only: adding a phrase is adding a row.
//
// Rules for rows (enforced by test/unit/compress/phrases.test.ts):
// - never remove or add a negation or restriction word (not, never, no, without, except, only, must, at most…):
//   "whether or not", "do not hesitate to", "in the absence of" are deliberately absent;
// - never a replacement that needs the following verb to change form ("is capable of" + -ing);
// - a `find` is plain words separated by single spaces, matched case-insensitively on whole words within a line.

import type { CompressLevel } from './types';

export interface PhraseRule {
  find: string;
  /** '' removes the phrase (and the comma or space it leaves behind). */
  replace: string;
  level: CompressLevel;
  /** Skip the match when a negation precedes it ("not very long" ≠ "not long"). */
  notAfterNegation?: boolean;
  /** The phrase opens a question ("Could you please …?"): when removed at a sentence start, end the sentence with '.'. */
  question?: boolean;
  /** The phrase is a whole sentence ("Thank you."): removed only when it stands alone, with its punctuation. */
  sentence?: boolean;
  /** Only at the start of a sentence ("You should …", not "If you should …"). */
  sentenceStart?: boolean;
  /**
   * A lead-in to a block ("Here is the code to review:"): only when the rest of its line ends with a colon or the
   * next line opens the block (a tag, a placeholder, a fence).
   */
  leadIn?: boolean;
  /** Skip the match after one of these words ("as you please", "aims to please", "say please"). */
  notAfter?: readonly string[];
  /** Only when a word follows ("kindly tell", not "treat them kindly"). */
  beforeWord?: boolean;
  /** Skip the match before one of these words ("please the customer": the verb, not politeness). */
  notBefore?: readonly string[];
}

const safe = (find: string, replace = '', extra: Partial<PhraseRule> = {}): PhraseRule => ({ find, replace, level: 'safe', ...extra });
const aggressive = (find: string, replace = '', extra: Partial<PhraseRule> = {}): PhraseRule => ({ find, replace, level: 'aggressive', ...extra });

/** Politeness and filler: words that ask nothing of the model. */
export const FILLER_PHRASES: readonly PhraseRule[] = [
  // Requests phrased as questions or wishes.
  safe('could you please', '', { question: true, sentenceStart: true }),
  safe('can you please', '', { question: true, sentenceStart: true }),
  safe('would you please', '', { question: true, sentenceStart: true }),
  safe('will you please', '', { question: true, sentenceStart: true }),
  safe('could you kindly', '', { question: true, sentenceStart: true }),
  safe('would you kindly', '', { question: true, sentenceStart: true }),
  aggressive('could you', '', { question: true, sentenceStart: true }),
  aggressive('can you', '', { question: true, sentenceStart: true }),
  aggressive('would you', '', { question: true, sentenceStart: true }),
  safe('i would like you to'),
  safe('i would like for you to'),
  safe("i'd like you to"),
  safe('i want you to'),
  safe('i need you to'),
  safe('i would appreciate it if you could'),
  safe('it would be great if you could'),
  // Emphasis that carries no instruction.
  safe('it is very important that you'),
  safe('it is extremely important that you'),
  safe('it is important that you'),
  safe("it's important that you"),
  safe('it is crucial that you'),
  safe('it is essential that you'),
  safe('it is imperative that you'),
  // "It is crucial to evaluate…" is "Evaluate…": the emphasis asks nothing more.
  safe('it is very important to', '', { sentenceStart: true }),
  safe('it is important to', '', { sentenceStart: true }),
  safe("it's important to", '', { sentenceStart: true }),
  safe('it is crucial to', '', { sentenceStart: true }),
  safe("it's crucial to", '', { sentenceStart: true }),
  safe('it is critical to', '', { sentenceStart: true }),
  safe("it's critical to", '', { sentenceStart: true }),
  safe('it is essential to', '', { sentenceStart: true }),
  safe('it is imperative to', '', { sentenceStart: true }),
  safe('it is important to note that'),
  safe('it is worth noting that'),
  safe('it should be noted that'),
  safe('please make sure to'),
  safe('please make sure that you'),
  safe('please make sure you'),
  safe('please ensure that you'),
  safe('make sure to'),
  safe('make sure that you'),
  safe('make sure you'),
  safe('be sure to'),
  safe('ensure that you'),
  safe('make sure that', 'ensure'),
  safe('make sure', 'ensure'),
  safe('please note that'),
  // After a modal ("you must remember that") these are the main verb: only at a sentence start.
  safe('note that', '', { sentenceStart: true }),
  safe('keep in mind that', '', { sentenceStart: true }),
  safe('bear in mind that', '', { sentenceStart: true }),
  safe('remember that', '', { sentenceStart: true }),
  // "Here is the current content of the artifact:" is the label "Current content of the artifact:".
  safe('here is the', '', { sentenceStart: true, leadIn: true }),
  safe('here are the', '', { sentenceStart: true, leadIn: true }),
  safe('here is an', '', { sentenceStart: true, leadIn: true }),
  safe('here is a', '', { sentenceStart: true, leadIn: true }),
  safe('here are some', '', { sentenceStart: true, leadIn: true }),
  safe('here is some', '', { sentenceStart: true, leadIn: true }),
  safe('here is', '', { sentenceStart: true, leadIn: true }),
  safe('here are', '', { sentenceStart: true, leadIn: true }),
  safe('below is the', '', { sentenceStart: true, leadIn: true }),
  safe('below are the', '', { sentenceStart: true, leadIn: true }),
  safe('below is', '', { sentenceStart: true, leadIn: true }),
  safe('below are', '', { sentenceStart: true, leadIn: true }),
  // "Ensure you respond with…" is "Respond with…".
  safe('ensure you', '', { sentenceStart: true }),
  safe('remember to', '', { sentenceStart: true }),
  // A permission stays a permission: "feel free to add" → "you may add", never "add".
  safe('feel free to', 'you may'),
  // "You should answer in French." is the instruction "Answer in French."; "You should not…" is kept (propose()).
  safe('you should', '', { sentenceStart: true }),
  safe('you need to', '', { sentenceStart: true }),
  safe('you have to', '', { sentenceStart: true }),
  safe('you will need to', '', { sentenceStart: true }),
  // "Your task is to summarize…" is "Summarize…".
  safe('your task is to', '', { sentenceStart: true, notBefore: ['please'] }),
  safe('your job is to', '', { sentenceStart: true, notBefore: ['please'] }),
  safe('your goal is to', '', { sentenceStart: true, notBefore: ['please'] }),
  safe('your role is to', '', { sentenceStart: true, notBefore: ['please'] }),
  safe('your mission is to', '', { sentenceStart: true, notBefore: ['please'] }),
  safe('your primary task is to', '', { sentenceStart: true, notBefore: ['please'] }),
  safe('your main task is to', '', { sentenceStart: true, notBefore: ['please'] }),
  safe('your primary goal is to', '', { sentenceStart: true, notBefore: ['please'] }),
  safe('your primary role is to', '', { sentenceStart: true, notBefore: ['please'] }),
  safe('your objective is to', '', { sentenceStart: true, notBefore: ['please'] }),
  safe('your purpose is to', '', { sentenceStart: true, notBefore: ['please'] }),
  safe('the goal is to', '', { sentenceStart: true, notBefore: ['please'] }),
  safe('the task is to', '', { sentenceStart: true, notBefore: ['please'] }),
  // Politeness.
  safe('please', '', {
    notAfter: ['say', 'says', 'said', 'saying', 'word', 'the', 'to', 'you', 'they', 'we', 'i', 'he', 'she', 'please'],
    notBefore: ['the', 'a', 'an', 'them', 'him', 'her', 'us', 'me', 'everyone', 'everybody', 'people', 'customers', 'users',
      'your', 'our', 'their', 'my', 'his', 'its', 'this', 'that', 'these', 'those', 'both', 'all'],
  }),
  // Politeness before a request ("Kindly list…"); after a verb it is the manner ("decline kindly").
  safe('kindly', '', { beforeWord: true, sentenceStart: true }),
  safe('thank you in advance', '', { sentence: true }),
  safe('thanks in advance', '', { sentence: true }),
  safe('thank you for your help', '', { sentence: true }),
  safe('thank you very much', '', { sentence: true }),
  safe('thank you', '', { sentence: true }),
  safe('thanks', '', { sentence: true }),
  aggressive('good luck', '', { sentence: true }),
  aggressive('i hope this helps', '', { sentence: true }),
  // Intensifiers and hedges.
  safe('basically', '', { notAfterNegation: true }),
  safe('really', '', { notAfterNegation: true }),
  safe('very', '', { notAfterNegation: true }),
  safe('actually', '', { notAfterNegation: true }),
  safe('truly', '', { notAfterNegation: true }),
  aggressive('extremely', '', { notAfterNegation: true }),
  aggressive('highly', '', { notAfterNegation: true }),
  aggressive('totally', '', { notAfterNegation: true }),
  aggressive('simply', '', { notAfterNegation: true }),
  safe('definitely', '', { notAfterNegation: true }),
  aggressive('certainly', '', { notAfterNegation: true }),
  aggressive('of course', '', { notAfterNegation: true }),
];

/** Wordy phrases and their plain equivalents. */
export const WORDY_PHRASES: readonly PhraseRule[] = [
  safe('in order to', 'to'),
  safe('in order for', 'for'),
  safe('so as to', 'to'),
  safe('in an effort to', 'to'),
  safe('due to the fact that', 'because'),
  safe('owing to the fact that', 'because'),
  safe('in light of the fact that', 'because'),
  safe('on the grounds that', 'because'),
  safe('for the reason that', 'because'),
  safe('in spite of the fact that', 'although'),
  safe('despite the fact that', 'although'),
  safe('given the fact that', 'given that'),
  safe('at this point in time', 'now'),
  safe('at the present time', 'now'),
  safe('in the near future', 'soon'),
  safe('until such time as', 'until'),
  safe('in the event that', 'if'),
  safe('for the purpose of', 'for'),
  safe('with regard to', 'about'),
  safe('with regards to', 'about'),
  safe('in regard to', 'about'),
  safe('with respect to', 'about'),
  safe('is able to', 'can'),
  safe('are able to', 'can'),
  safe('will be able to', 'can'),
  safe('has the ability to', 'can'),
  safe('have the ability to', 'can'),
  safe('a large number of', 'many'),
  safe('a great deal of', 'much'),
  safe('the majority of', 'most'),
  safe('a majority of', 'most'),
  safe('prior to', 'before'),
  safe('subsequent to', 'after'),
  safe('each and every', 'every'),
  safe('first and foremost', 'first'),
  safe('on a daily basis', 'daily'),
  safe('on a regular basis', 'regularly'),
  safe('make use of', 'use'),
  safe('makes use of', 'uses'),
  safe('take into account', 'consider'),
  safe('take into consideration', 'consider'),
  safe('in close proximity to', 'near'),
  safe('in a timely manner', 'promptly'),
  safe('in a clear and concise manner', 'clearly and concisely'),
  safe('in a concise manner', 'concisely'),
  safe('in a clear manner', 'clearly'),
  safe('in a professional manner', 'professionally'),
  safe('in a friendly manner', 'in a friendly way'),
  safe('utilize', 'use'),
  safe('utilizes', 'uses'),
  safe('utilized', 'used'),
  safe('utilizing', 'using'),
  safe('utilise', 'use'),
  safe('utilising', 'using'),
  safe('demonstrate', 'show'),
  safe('demonstrates', 'shows'),
  safe('sufficient', 'enough'),
  safe('numerous', 'many'),
  safe('additionally', 'also'),
  safe('furthermore', 'also'),
  safe('as well as', 'and'),
  safe('as a result of', 'because of'),
  safe('in the case of', 'for'),
  safe('at the end of the day', 'ultimately'),
  safe('keep in mind the following rules', 'rules'),
  safe('ensure that', 'ensure'),
  safe('ensuring that', 'ensuring'),
  safe('ensures that', 'ensures'),
  safe('all of the', 'all the'),
  safe('a variety of', 'various'),
  safe('with the help of', 'with'),
  safe('in conjunction with', 'with'),
  safe('at all times', 'always'),
  safe('in the form of', 'as'),
  safe('on the basis of', 'based on'),
  safe('in accordance with', 'per'),
  safe('the vast majority of', 'most'),
  safe('in spite of', 'despite'),
  safe('for the most part', 'mostly'),
  safe('take a look at', 'look at'),
  safe('provide a summary of', 'summarize'),
  safe('give a summary of', 'summarize'),
  safe('provide an explanation of', 'explain'),
  safe('give an explanation of', 'explain'),
  safe('provide a description of', 'describe'),
  safe('give a description of', 'describe'),
  safe('perform an analysis of', 'analyze'),
  safe('make a decision', 'decide'),
  safe('keep the following rules in mind', 'rules'),
  aggressive('a number of', 'several'),
  aggressive('in addition to', 'besides'),
  aggressive('regarding', 'about'),
  aggressive('approximately', 'about'),
  aggressive('the fact that', 'that'),
  aggressive('in terms of', 'for'),
];

/** Negation and restriction words: no pass may drop or add one (see invariants.ts). */
export const RESTRICTION_WORDS: readonly string[] = [
  'not', 'never', 'no', 'none', 'nothing', 'nobody', 'nowhere', 'neither', 'nor', 'without', 'except', 'unless',
  'only', 'must', 'cannot', 'avoid', 'forbidden', 'prohibited', 'exactly',
];
export const RESTRICTION_PHRASES: readonly string[] = ['at most', 'at least', 'no more than', 'no less than'];

/** Words that make a sentence conditional: a sentence adding one of these restricts, so it never absorbs another. */
export const CONDITIONAL_WORDS: readonly string[] = ['if', 'unless', 'when', 'whenever', 'only', 'except', 'but', 'until', 'while', 'before', 'after'];

/** Number words counted as numbers by the invariants. */
export const NUMBER_WORDS: readonly string[] = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'twenty', 'fifty', 'hundred', 'thousand', 'million', 'once', 'twice', 'half', 'single', 'double',
];

/** Units a number keeps with it ("3 sentences", "200 ms"). */
export const UNITS: readonly string[] = [
  '%', 'ms', 's', 'sec', 'secs', 'second', 'seconds', 'min', 'mins', 'minute', 'minutes', 'hour', 'hours', 'h', 'day',
  'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'kb', 'mb', 'gb', 'tb', 'k', 'm', 'b', 'token',
  'tokens', 'word', 'words', 'sentence', 'sentences', 'character', 'characters', 'char', 'chars', 'line', 'lines',
  'item', 'items', 'paragraph', 'paragraphs', 'bullet', 'bullets', 'point', 'points', 'step', 'steps', 'usd', 'eur',
  'px', 'em', 'rem', 'pt', 'kg', 'g', 'km', 'mi', 'cm', 'mm', 'x',
];

/** Labels that start example material (few-shot turns): repeated lines under them are data, never duplicates. */
export const EXAMPLE_LABELS: readonly string[] = [
  'input', 'output', 'answer', 'question', 'q', 'a', 'user', 'assistant', 'human', 'ai', 'system', 'example',
  'examples', 'response', 'query', 'context', 'text', 'result', 'expected', 'sample', 'bot', 'customer', 'agent',
];

/** Words ignored when comparing the content of two sentences. */
export const STOP_WORDS: readonly string[] = [
  'a', 'an', 'the', 'to', 'of', 'in', 'on', 'at', 'by', 'for', 'with', 'and', 'or', 'is', 'are', 'be', 'been', 'was',
  'were', 'it', 'its', 'this', 'that', 'these', 'those', 'you', 'your', 'yours', 'we', 'our', 'i', 'my', 'me', 'as',
  'from', 'into', 'so', 'do', 'does', 'please', 'should', 'will', 'can', 'always', 'also', 'any', 'all', 'each',
];
