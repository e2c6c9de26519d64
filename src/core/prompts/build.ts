// Turns the prompt strings found for each call (and the prompt-like constants) into Prompt records: one per
// distinct set of literals, shared by the calls that send it.

import type { FoundPrompt } from './collect';
import type { DetectedCall } from '../detectors/detect';
import type { Placeholder, Prompt } from '../types';

export interface BuiltPrompts {
  prompts: Prompt[];
  /** Call id → its prompt ids in message order. */
  byCall: Map<string, string[]>;
  /** Prompt id → the text without placeholders (what is tokenised; placeholders are counted separately). */
  staticText: Map<string, string>;
}

export function buildPrompts(calls: DetectedCall[], standalone: FoundPrompt[]): BuiltPrompts {
  const byKey = new Map<string, Prompt>();
  const staticText = new Map<string, string>();
  const byCall = new Map<string, string[]>();
  const add = (f: FoundPrompt, callId: string | null): Prompt => {
    const v = f.value;
    const key = v.pieces.map((p) => `${p.span.start}:${p.span.end}`).join(',') + '|' + textOfParts(v.parts);
    let prompt = byKey.get(key);
    if (!prompt) {
      const placeholders: Placeholder[] = [];
      let text = '', bare = '';
      for (const part of v.parts) {
        if ('text' in part) { text += part.text; bare += part.text; }
        else { text += part.placeholder.text; placeholders.push(part.placeholder); }
      }
      const first = v.pieces[0].span.start;
      const span = literalSpan(v.pieces, v.origin.startIndex, v.origin.endIndex);
      prompt = { id: `p${first}_${byKey.size}`, role: f.role, text, placeholders, pieces: v.pieces, span, callIds: [] };
      if (v.name) prompt.name = v.name;
      byKey.set(key, prompt);
      staticText.set(prompt.id, bare);
    }
    if (callId && !prompt.callIds.includes(callId)) prompt.callIds.push(callId);
    return prompt;
  };
  for (const { call, prompts } of calls) {
    const ids: string[] = [];
    for (const f of prompts) ids.push(add(f, call.id).id);
    byCall.set(call.id, ids);
  }
  for (const f of standalone) add(f, null);
  const prompts = [...byKey.values()].sort((a, b) => a.span.start - b.span.start);
  return { prompts, byCall, staticText };
}

/** Tells apart two prompts built from the same literals (`.strip()`, `.format(…)` differ): shape and ends suffice. */
function textOfParts(parts: FoundPrompt['value']['parts']): string {
  let len = 0;
  for (const p of parts) len += 'text' in p ? p.text.length : p.placeholder.text.length;
  const first = parts[0], last = parts[parts.length - 1];
  const head = first ? ('text' in first ? first.text.slice(0, 40) : first.placeholder.text) : '';
  const tail = last ? ('text' in last ? last.text.slice(-40) : last.placeholder.text) : '';
  return `${parts.length}:${len}:${head}:${tail}`;
}

/**
 * Where the prompt is written: its literals inside the expression that forms it (`f"…{q}"`, `"a" + x + "b"`), or,
 * when that expression only refers to them (`SYSTEM_PROMPT.format(…)`), the first literal itself.
 */
function literalSpan(pieces: FoundPrompt['value']['pieces'], start: number, end: number): { start: number; end: number } {
  const inside = pieces.filter((p) => p.span.start >= start && p.span.end <= end);
  const use = inside.length ? inside : [pieces[0]];
  return { start: Math.min(...use.map((p) => p.span.start)), end: Math.max(...use.map((p) => p.span.end)) };
}
