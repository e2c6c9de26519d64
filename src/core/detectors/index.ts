// Detection for one parsed file: collect facts, evaluate, find calls, prompts passed to them and prompt-like
// constants that are not (yet) passed anywhere.

import type { Node, Parsers, Tree } from '../languages/parser';
import { Evaluator, type SdkIndex } from '../analysis/evaluator';
import { type FileFacts, PROMPT_NAME } from '../analysis/facts';
import { JsFacts } from '../analysis/indexJs';
import { PythonFacts } from '../analysis/indexPython';
import { lowerJs } from '../analysis/lowerJs';
import { lowerPython } from '../analysis/lowerPython';
import { lastNameOf } from '../analysis/ir';
import { collectPrompts, type FoundPrompt } from '../prompts/collect';
import type { LanguageId, PromptRole, Span } from '../types';
import { commentTargetLine } from '../analysis/commentTarget';
import type { LineIndex } from '../formatters/lineIndex';
import { type DetectedCall, detectCalls } from './detect';
import { HTTP_CALLEES, HTTP_PATH_HINT } from './http';
import { SDKS } from './sdks';
import { googleGenerativeAi } from './sdks/google';
import type { SdkSpec } from './spec';

export interface Detection {
  calls: DetectedCall[];
  /** Prompt-like constants and templates, whether or not a call uses them. */
  standalone: FoundPrompt[];
  facts: FileFacts;
}

const TEMPLATE_CALLS = new Set(['from_template', 'fromTemplate', 'from_messages', 'fromMessages', 'PromptTemplate', 'ChatPromptTemplate']);
const MIN_PROMPT_CONSTANT_CHARS = 16;

class Index implements SdkIndex {
  private readonly modules = new Map<string, SdkSpec>();
  readonly candidateNames = new Set<string>();
  /** With `fetch`, `post`…: for files that name a model API's path (the URL must be in the file to be read). */
  readonly candidateNamesWithHttp: ReadonlySet<string>;

  constructor(specs: SdkSpec[]) {
    for (const spec of specs) {
      for (const m of spec.modules) this.modules.set(m, spec);
      for (const [name, exp] of Object.entries(spec.exports)) {
        this.candidateNames.add(name);
        for (const p of exp.call?.paths ?? []) if (p) this.candidateNames.add(p.split('.').pop()!);
      }
      for (const t of Object.values(spec.types)) {
        for (const c of t.calls) for (const p of c.paths) if (p) this.candidateNames.add(p.split('.').pop()!);
      }
    }
    for (const n of TEMPLATE_CALLS) this.candidateNames.add(n);
    this.candidateNamesWithHttp = new Set([...this.candidateNames, ...HTTP_CALLEES]);
  }

  assumedReceiver(method: string): { spec: SdkSpec; type: string } | null {
    return ASSUMED_RECEIVERS[method] ?? null;
  }

  byModule(specifier: string): { spec: SdkSpec; rest: string[] } | null {
    const dotted = normaliseSpecifier(specifier);
    const js = dotted.includes('/') || dotted.startsWith('@') || !dotted.includes('.');
    const exact = this.modules.get(dotted);
    if (exact) return { spec: exact, rest: [] };
    const sep = js && dotted.includes('/') ? '/' : '.';
    const parts = dotted.split(sep);
    for (let i = parts.length - 1; i > 0; i--) {
      const spec = this.modules.get(parts.slice(0, i).join(sep));
      if (spec) return { spec, rest: sep === '.' ? parts.slice(i) : [] };
    }
    return null;
  }
}

const INDEX = new Index(SDKS);
/** Methods distinctive enough to identify an SDK client whose origin the file does not show. */
const ASSUMED_RECEIVERS: Record<string, { spec: SdkSpec; type: string }> = {
  getGenerativeModel: { spec: googleGenerativeAi, type: 'client' },
};

/**
 * Can this text hold anything the analysis reports? An SDK import, an API path the fallback recognises, a prompt-like
 * name or a `prompt-cost` comment. Conservative: when false, parsing and detecting would find nothing, so both are
 * skipped (most files of a workspace scan).
 */
const RELEVANT = /openai|anthropic|ollama|\/v1\/(?:messages|responses|embeddings|images)|\/api\/(?:chat|generate)|genai|generativeai|generative-ai|vertexai|mistral|cohere|litellm|langchain|groq|@ai-sdk|['"]ai['"]|completions|messages\.(?:create|stream|parse)|generate_?content|responses\.|chat\.complete|embeddings|getGenerativeModel|start_?chat|prompt|instruction|system_?(?:message|msg)|template|preamble|persona/i;

export function mayHaveLlmCode(text: string): boolean {
  return RELEVANT.test(text);
}

/**
 * Deno and CDN imports name the same packages: `npm:openai@4`, `https://esm.sh/openai@3.1.0`,
 * `https://deno.land/x/openai@v4.20.1/mod.ts`, `jsr:@std/…` → `openai`, `openai/mod.ts`.
 */
export function normaliseSpecifier(spec: string): string {
  let s = spec.replace(/^(?:npm|jsr):/, '');
  const cdn = /^https?:\/\/(?:esm\.sh|cdn\.skypack\.dev|esm\.run|unpkg\.com|cdn\.jsdelivr\.net\/npm|deno\.land\/x)\/(.+)$/.exec(s);
  if (cdn) s = cdn[1];
  // drop a version: `@scope/name@1.2.3/sub` → `@scope/name/sub`, `name@v4/sub` → `name/sub`
  return s.replace(/^((?:@[^/@]+\/)?[^/@]+)@[^/]*/, '$1');
}

export function isCandidateName(name: string): boolean {
  return INDEX.candidateNames.has(name);
}

export interface DetectInput {
  lang: LanguageId;
  tree: Tree;
  text: string;
  parsers: Parsers;
  lineOf(offset: number): number;
  lines: LineIndex;
  /** Calls per month from a comment's text (`# prompt-cost: 500/day`), or null. */
  parseAnnotation(commentText: string): number | null;
}

export function detectFile(input: DetectInput): Detection {
  const { lang, tree } = input;
  const names = HTTP_PATH_HINT.test(input.text) ? INDEX.candidateNamesWithHttp : INDEX.candidateNames;
  const facts = lang === 'python' ? new PythonFacts(tree, input.text, names) : new JsFacts(tree, input.text, names);
  const ev = new Evaluator(lang === 'python' ? 'python' : 'js', facts, INDEX, lang === 'python' ? (n: Node) => lowerPython(n) : (n: Node) => lowerJs(n));
  // A `prompt-cost: N/month` comment applies to the call on its line, or to the first code line below it.
  const annotations = new Map<number, { callsPerMonth: number; span: Span }>();
  for (const c of facts.comments) {
    const n = input.parseAnnotation(c.text);
    if (n !== null) annotations.set(commentTargetLine(c.span, input.lines) - 1, { callsPerMonth: n, span: c.span });
  }
  const annotationFor = (line: number) => annotations.get(line);
  const calls = detectCalls(ev, facts.calls, { text: input.text, lineOf: input.lineOf, annotationFor });
  return { calls, standalone: standalonePrompts(ev, facts), facts };
}

function standalonePrompts(ev: Evaluator, facts: FileFacts): FoundPrompt[] {
  const out: FoundPrompt[] = [];
  for (const name of facts.promptLikeNames()) {
    const bare = name.replace(/^(self|this)\./, '');
    if (!PROMPT_NAME.test(name)) continue;
    for (const b of facts.bindingsOf(name) ?? []) {
      if (b.kind !== 'value' || b.augmented) continue;
      const e = ev.lower(b.node);
      if (e.k !== 'str' && e.k !== 'binop' && e.k !== 'call') continue;
      const v = ev.eval(e);
      if (v.t !== 'str' || !v.pieces.length) continue;
      const chars = v.parts.reduce((n, p) => n + ('text' in p ? p.text.length : 0), 0);
      if (chars < MIN_PROMPT_CONSTANT_CHARS) continue;
      out.push({ value: { ...v, name: bare }, role: roleFromName(bare) });
    }
  }
  for (const node of facts.calls) {
    const e = ev.lower(node);
    if (e.k !== 'call') continue;
    const name = lastNameOf(e.callee);
    if (!TEMPLATE_CALLS.has(name)) continue;
    out.push(...collectPrompts(ev, e, 'template', false).prompts);
  }
  return out;
}

function roleFromName(name: string): PromptRole {
  if (/system|persona|preamble/i.test(name)) return 'system';
  if (/instruction/i.test(name)) return 'instructions';
  if (/user|human/i.test(name)) return 'user';
  if (/template/i.test(name)) return 'template';
  return 'unknown';
}
