// Edits to `.promptcost.json` made by quick fixes (map an unknown model to a known one), computed on the file's
// text with the engine's position-aware JSON parser so the rest of the file is kept as written. vscode-free.

import { childPath, parseJsonWithPositions } from '../core/config/jsonWithPositions';
import type { TextEdit } from '../core/types';

/** End offset (exclusive) of the JSON string literal starting at `start` (its opening quote). */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}

function isEmptyObject(text: string, open: number): boolean {
  return /^\{\s*\}/.test(text.slice(open));
}

/**
 * Sets `modelAliases[alias] = model`: replaces an existing entry's value, adds the entry to an existing
 * `modelAliases`, or adds `modelAliases` itself. `text` null means the file does not exist (the edit is its whole
 * content). Returns undefined when the file is not a JSON object (nothing is edited then).
 */
export function modelAliasEdit(text: string | null, alias: string, model: string): TextEdit | undefined {
  const entry = `${JSON.stringify(alias)}: ${JSON.stringify(model)}`;
  if (text === null || text.trim() === '') {
    return { span: { start: 0, end: text?.length ?? 0 }, newText: `{\n  "modelAliases": { ${entry} }\n}\n` };
  }
  const parsed = parseJsonWithPositions(text);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) return undefined;
  const root = parsed.positions.get('')!;
  const aliases = parsed.value.modelAliases;
  if (aliases !== undefined && (typeof aliases !== 'object' || aliases === null || Array.isArray(aliases))) return undefined;
  if (aliases) {
    const open = parsed.positions.get('.modelAliases')!;
    const existing = parsed.positions.get(childPath('.modelAliases', alias));
    if (existing !== undefined) {
      const end = text[existing] === '"' ? stringEnd(text, existing) : existing;
      if (end === existing) return undefined;
      return { span: { start: existing, end }, newText: JSON.stringify(model) };
    }
    return { span: { start: open + 1, end: open + 1 }, newText: ` ${entry}${isEmptyObject(text, open) ? ' ' : ','}` };
  }
  const indent = /\n([ \t]+)"/.exec(text.slice(root))?.[1] ?? '  ';
  const rest = isEmptyObject(text, root) ? '\n' : ',';
  return { span: { start: root + 1, end: root + 1 }, newText: `\n${indent}"modelAliases": { ${entry} }${rest}` };
}
