// Which lines of a prompt are instructions and which are material the model reads or copies: few-shot examples,
// transcripts, labelled data, and output templates. Passes that edit prose (duplicates, markdown, line joins)
// leave the material alone: a repeated line in two examples is data, and a `**Verdict:**` in a template is the
// format the model is asked to produce.

import { EXAMPLE_LABELS } from './phrases';

export type LineRole = 'prose' | 'example' | 'data' | 'template';

/** Words that name material in a label line ("Conversation history:", "New summary:", "Last line:"). */
const DATA_WORDS = new Set([
  ...EXAMPLE_LABELS,
  'summary', 'history', 'conversation', 'transcript', 'chat', 'messages', 'message', 'lines', 'line', 'schema',
  'information', 'document', 'documents', 'article', 'passage', 'content', 'data', 'input', 'inputs', 'reference',
  'references', 'sources', 'notes', 'code', 'snippet', 'table', 'tables', 'entity', 'entities', 'prompt', 'reply',
  'review', 'email', 'ticket', 'post', 'tweet', 'candidates', 'options', 'choices', 'results', 'observation',
  'thought', 'action', 'sqlquery', 'sqlresult', 'helpful',
]);
/** Chat roles: a line they open is data only as part of a transcript (the label recurs). */
const ROLE_WORDS = new Set(['user', 'system', 'human', 'assistant', 'ai', 'bot', 'agent', 'customer']);
/** Words that name an output shape the model must reproduce ("Use this format:", "Template:"). */
const TEMPLATE_WORDS = /\b(?:format|template|structure|layout|as follows|like this|like so|as shown|following form|shape)\b/i;
/** Words of an instruction label: its lines are instructions even when a data word appears ("Output rules:"). */
const INSTRUCTION_WORDS = /\b(?:rules?|guidelines?|instructions?|requirements?|constraints?|steps?|notes? on|tips|policy|policies|criteria|do|don't|never|always)\b/i;

/** A line that is only a label: a few words ending in a colon ("Conversation history (for reference only):"). */
const LABEL_ONLY = /^[ \t]*(?:[-*+•][ \t]+)?(?:#{1,6}[ \t]+)?(?:\*\*|__)?([\p{L}][\p{L}\p{N} '’#/&_().-]{0,60}?)(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]*$/u;
/** A line opened by a short label ("Person #1: …", "AI: …", "Customer: …"). */
const LABELLED = /^[ \t]*(?:\*\*|__)?([\p{L}][\p{L}\p{N} '’#_.-]{0,30}?)(?:\*\*|__)?:[ \t]+\S/u;
/** "EXAMPLE", "Example 2", "## Examples", "**Example output**" alone on a line (colon optional). */
const EXAMPLE_MARKER = /^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*|__)?(?:examples?|sample(?:s| output| input)?|few-shot examples?)(?:[ \t]+#?\d+)?(?:[ \t]+(?:output|input))?(?:\*\*|__)?[ \t]*:?(?:\*\*|__)?[ \t]*$/i;
const EXAMPLE_END = /^[ \t]*(?:end of (?:the )?examples?|end examples?|end of samples?)\.?[ \t]*$/i;
const HEADING = /^[ \t]*(?:#{1,6}[ \t]|={3,}|-{3,}[ \t]*$)/;
const EXAMPLE_HEADING = /^[ \t]*(?:#+|\*\*|__)[^\n]*\bexamples?\b/i;

const words = (label: string) => label.toLowerCase().replace(/\([^)]*\)/g, ' ').split(/[^a-z]+/).filter(Boolean);

function isDataLabel(label: string): boolean {
  if (INSTRUCTION_WORDS.test(label)) return false;
  if (/#\s*\d+$/.test(label.trim())) return true; // "Person #1"
  return words(label).some((w) => DATA_WORDS.has(w));
}

/**
 * Roles of `lines`. `view` shows a line as written (the passes work on masked text, where a tag such as
 * `<example>` is one private-use character): detection reads the view, offsets stay those of `lines`.
 */
export function lineRoles(masked: readonly string[], view: (line: string) => string = (l) => l): LineRole[] {
  const lines = masked.map(view);
  const roles: LineRole[] = lines.map(() => 'prose');
  // Speaker labels used on two or more lines are a transcript ("Customer: …" / "Support Agent: …").
  const labelCounts = new Map<string, number>();
  for (const line of lines) {
    const m = LABELLED.exec(line);
    if (m && m[1].split(/\s+/).length <= 4) labelCounts.set(m[1].toLowerCase(), (labelCounts.get(m[1].toLowerCase()) ?? 0) + 1);
  }
  const hasEndMarker = lines.some((l) => EXAMPLE_END.test(l));

  let section: LineRole | null = null; // an example section, until a heading (or an END marker)
  let sectionUntilEnd = false;
  let block: LineRole | null = null; // a paragraph of material after a label line, until a blank line
  let blockStarted = false; // blank lines right after the label do not end the block
  let tags = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const blank = !line.trim();
    if (blank && blockStarted) block = null;
    if (!blank) blockStarted = true;
    if (sectionUntilEnd && EXAMPLE_END.test(line)) {
      roles[i] = 'example';
      section = null;
      sectionUntilEnd = false;
      continue;
    }
    const opens = (line.match(/<(?:examples?|example_\w+)\b[^>]*>/gi) ?? []).length;
    const closes = (line.match(/<\/(?:examples?|example_\w+)>/gi) ?? []).length;
    if (!sectionUntilEnd && (EXAMPLE_MARKER.test(line) || EXAMPLE_HEADING.test(line))) {
      section = 'example';
      sectionUntilEnd = hasEndMarker && EXAMPLE_MARKER.test(line);
      roles[i] = 'example';
      continue;
    }
    if (!sectionUntilEnd && HEADING.test(line)) section = null;
    if (section || tags > 0 || opens > 0) {
      roles[i] = 'example';
      tags = Math.max(0, tags + opens - closes);
      continue;
    }
    tags = Math.max(0, tags + opens - closes);
    // "Format every change like this:" / "Return the output in the following format:" opens a template.
    if (/:[ \t]*$/.test(line) && line.length <= 200 && TEMPLATE_WORDS.test(line) && !INSTRUCTION_WORDS.test(line.replace(/\bformat\b.*$/i, ''))) {
      roles[i] = block ?? 'prose';
      block = 'template';
      blockStarted = false;
      continue;
    }
    const label = LABEL_ONLY.exec(line);
    if (label) {
      roles[i] = block ?? 'prose';
      if (TEMPLATE_WORDS.test(label[1])) block = 'template';
      else if (isDataLabel(label[1])) block = 'data';
      blockStarted = false;
      continue;
    }
    if (block) { roles[i] = block; continue; }
    const labelled = LABELLED.exec(line);
    if (labelled) {
      const l = labelled[1].toLowerCase();
      // A speaker label is a transcript only when it recurs: one "User: …" turn of a chat template is the request.
      const single = isDataLabel(labelled[1]) && words(labelled[1]).length <= 3 && !words(labelled[1]).some((w) => ROLE_WORDS.has(w));
      if ((labelCounts.get(l) ?? 0) >= 2 && !INSTRUCTION_WORDS.test(l) || single) {
        roles[i] = 'data';
        block = 'data';
        blockStarted = true;
      }
    }
  }
  return roles;
}
