// Finds the prompt strings inside a prompt argument, whatever its shape: a string, chat messages (dicts/objects
// with role and content, LangChain tuples and message classes), content parts and blocks, Gemini contents.

import type { Evaluator } from '../analysis/evaluator';
import type { Expr } from '../analysis/ir';
import type { StrValue, Value } from '../analysis/values';
import type { PromptRole } from '../types';

export interface FoundPrompt {
  value: StrValue;
  role: PromptRole;
}

export interface Collected {
  prompts: FoundPrompt[];
  /** Top-level chat messages seen (for per-message token overhead). */
  messages: number;
  /** Message contents or inputs whose text is not in the file (a variable, a request field): sized as placeholders. */
  dynamic: number;
}

const ROLE_NAMES: Record<string, PromptRole> = {
  system: 'system', developer: 'developer', user: 'user', human: 'user', assistant: 'assistant', ai: 'assistant',
  model: 'assistant', bot: 'assistant', chatbot: 'assistant', tool: 'input', function: 'input',
};

const MESSAGE_CLASSES: Record<string, PromptRole> = {
  SystemMessage: 'system', HumanMessage: 'user', AIMessage: 'assistant', ChatMessage: 'user',
  SystemMessagePromptTemplate: 'system', HumanMessagePromptTemplate: 'user', AIMessagePromptTemplate: 'assistant',
  UserMessage: 'user', AssistantMessage: 'assistant', ToolMessage: 'input',
};

const MAX_ITEMS = 200;

export function roleOf(name: string): PromptRole | null {
  return ROLE_NAMES[name.toLowerCase()] ?? null;
}

export function collectPrompts(ev: Evaluator, expr: Expr, role: PromptRole, messages: boolean): Collected {
  const out: Collected = { prompts: [], messages: 0, dynamic: 0 };
  visit(ev, expr, ev.eval(expr), role, out, messages ? 'list' : 'value', 0);
  return out;
}

type Level = 'list' | 'message' | 'value';

function visit(ev: Evaluator, expr: Expr | null, v: Value, role: PromptRole, out: Collected, level: Level, depth: number): void {
  if (depth > 12) return;
  const d = depth + 1;
  if (expr?.k === 'call' && v.t !== 'str' && messageCallName(expr) in MESSAGE_CLASSES) {
    visitMessageCall(ev, expr, role, out, level, d);
    return;
  }
  switch (v.t) {
    case 'str':
      if (v.pieces.length) out.prompts.push({ value: v, role });
      if (level === 'list') out.messages++;
      return;
    case 'list': {
      const items = v.items.slice(0, MAX_ITEMS);
      // ("system", "text") tuples and [role, text] pairs (LangChain)
      if (items.length === 2 && level !== 'list') {
        const r = ev.eval(items[0]);
        const rr = r.t === 'str' ? roleOf(r.parts.map((p) => ('text' in p ? p.text : '')).join('')) : null;
        if (rr) {
          visit(ev, items[1], ev.eval(items[1]), rr, out, 'message', d);
          return;
        }
      }
      for (const item of items) {
        const iv = ev.eval(item);
        if (item.k === 'spread' && iv.t === 'list') visit(ev, item, iv, role, out, level, d);
        else visit(ev, item, iv, role, out, level === 'list' ? 'message' : level, d);
        if (level === 'list' && item.k !== 'spread') out.messages++;
      }
      return;
    }
    case 'dict': {
      const get = (k: string) => ev.dictGet(v, k);
      const roleV = get('role') ?? get('author');
      let r = role;
      if (roleV && roleV.t === 'str') r = roleOf(roleV.parts.map((p) => ('text' in p ? p.text : '')).join('')) ?? role;
      for (const key of ['content', 'text', 'parts', 'message', 'input_text', 'prompt', 'system_instruction', 'systemInstruction']) {
        const inner = get(key);
        if (!inner || inner.t === 'null') continue;
        if (inner.t === 'unknown') out.dynamic++;
        else visit(ev, null, inner, r, out, 'value', d);
      }
      if (level === 'list') out.messages++;
      return;
    }
    case 'unknown':
      if (expr && expr.k === 'call' && messageCallName(expr) in MESSAGE_CLASSES) visitMessageCall(ev, expr, role, out, level, d);
      else { out.dynamic++; if (level === 'list') out.messages++; }
      return;
    default:
      if (expr && expr.k === 'call') visitMessageCall(ev, expr, role, out, level, d);
  }
}

function messageCallName(call: Extract<Expr, { k: 'call' }>): string {
  return call.callee.k === 'name' ? call.callee.name : call.callee.k === 'member' ? call.callee.prop : '';
}

/** `SystemMessage("…")`, `HumanMessage(content=…)`, `types.Part.from_text(text=…)`, `types.Content(role=…, parts=…)`. */
function visitMessageCall(ev: Evaluator, call: Extract<Expr, { k: 'call' }>, role: PromptRole, out: Collected, level: Level, depth: number): void {
  const name = call.callee.k === 'name' ? call.callee.name : call.callee.k === 'member' ? call.callee.prop : '';
  let r = MESSAGE_CLASSES[name] ?? role;
  const kw = (k: string) => call.args.find((a) => a.name === k)?.value;
  if (name === 'ChatMessage' || name === 'Content' || name === 'from_role') {
    const rv = kw('role');
    const rvv = rv ? ev.eval(rv) : null;
    if (rvv && rvv.t === 'str') r = roleOf(rvv.parts.map((p) => ('text' in p ? p.text : '')).join('')) ?? r;
  }
  if (!(name in MESSAGE_CLASSES) && !['from_text', 'from_template', 'fromTemplate', 'Part', 'Content', 'from_messages', 'fromMessages', 'ChatMessage', 'PromptTemplate', 'ChatPromptTemplate'].includes(name)) return;
  const first = call.args[0];
  let content = kw('content') ?? kw('text') ?? kw('parts') ?? kw('template') ?? kw('messages');
  if (!content && first && first.name === null) {
    content = first.value;
    // JS: new SystemMessage({ content: "…" })
    if (content.k === 'dict') {
      const v = ev.eval(content);
      if (v.t === 'dict') {
        const c = ev.dictGet(v, 'content');
        if (c) { visit(ev, null, c, r, out, 'value', depth); if (level === 'list') out.messages++; return; }
      }
    }
  }
  if (!content) return;
  if (name === 'from_messages' || name === 'fromMessages') {
    visit(ev, content, ev.eval(content), r, out, 'list', depth);
    return;
  }
  visit(ev, content, ev.eval(content), r, out, 'value', depth);
  if (level === 'list') out.messages++;
}
