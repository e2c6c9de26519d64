// Optional, off by default: ask a model behind an OpenAI-compatible endpoint (a local Ollama or llama.cpp server,
// or a provider) to propose a shorter prompt. Lives outside src/core because it uses the network. The proposal is
// only a proposal: it goes through the same invariant checks as the local passes and must save tokens; a proposal
// that breaks an invariant is rejected with the reason. The caller passes the endpoint, model and key (the
// extension reads the key from SecretStorage or an environment variable, never from settings files).

import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { checkInvariants, describeViolation } from '../core/compress/invariants';
import { compressPromptInFile, promptCounter, type CompressEngine, type CompressInFileResult } from '../core/compress/inFile';
import { decodeLiteral } from '../core/compress/literal';
import type { CountTokens } from '../core/compress/types';
import type { ResolvedConfig } from '../core/config/types';

export interface ModelEndpoint {
  /** e.g. `http://127.0.0.1:11434/v1` (Ollama), `http://127.0.0.1:8080/v1` (llama.cpp), `https://api.openai.com/v1`. */
  baseURL: string;
  apiKey: string;
  model: string;
  /** Whole-request timeout (default 30 s). No retries: the user is waiting for a preview. */
  timeoutMs?: number;
  /** The output cap parameter the endpoint understands (default `max_tokens`, which local servers accept). */
  capParam?: 'max_tokens' | 'max_completion_tokens';
  signal?: AbortSignal;
}

export type RejectKind = 'timeout' | 'network' | 'http' | 'aborted' | 'malformed' | 'invariant' | 'no-saving';

export type ModelRewriteResult =
  | { ok: true; text: string; tokensBefore: number; tokensAfter: number; saved: number }
  | { ok: false; kind: RejectKind; reason: string };

const SYSTEM = `You shorten prompts for large language models without changing what they ask.
Rules:
- Keep every placeholder exactly as written: {x}, {{x}}, \${x}, %s, %(x)s, <tags>.
- Keep code (inline and fenced), URLs, e-mail addresses, numbers with their units, quoted text, names and list labels exactly.
- Keep every negation and restriction word (not, never, no, don't, without, except, only, must, at most).
- Remove politeness, filler, repetition and wordiness; keep the same instructions, facts and format.
Reply with a JSON object {"prompt": "<the shortened prompt>"} and nothing else.`;

/** The prompt text from a reply: a JSON object with a string `prompt` (code fences around it tolerated). */
export function parseReply(content: string | null | undefined): string | null {
  if (!content) return null;
  const body = content.trim().replace(/^```(?:json)?\s*\n?/, '').replace(/\n?```\s*$/, '');
  try {
    const value: unknown = JSON.parse(body);
    if (value && typeof value === 'object' && typeof (value as { prompt?: unknown }).prompt === 'string') return (value as { prompt: string }).prompt;
  } catch {
    // fall through
  }
  return null;
}

function failure(e: unknown): { kind: RejectKind; reason: string } {
  if (e instanceof APIConnectionTimeoutError) return { kind: 'timeout', reason: 'the model did not answer in time' };
  if (e instanceof APIUserAbortError) return { kind: 'aborted', reason: 'cancelled' };
  if (e instanceof APIConnectionError) return { kind: 'network', reason: `cannot reach the endpoint: ${e.message}` };
  if (e instanceof APIError) return { kind: 'http', reason: `the endpoint answered HTTP ${e.status ?? '?'}: ${e.message}` };
  if (e instanceof SyntaxError) return { kind: 'malformed', reason: `the endpoint's reply is not valid JSON: ${e.message}` };
  return { kind: 'malformed', reason: `unexpected reply: ${e instanceof Error ? e.message : String(e)}` };
}

/** Asks the model for a shorter version of `text` and checks the proposal. Never throws. */
export async function proposeModelRewrite(text: string, endpoint: ModelEndpoint, countTokens: CountTokens): Promise<ModelRewriteResult> {
  const tokensBefore = countTokens(text);
  const client = new OpenAI({ baseURL: endpoint.baseURL, apiKey: endpoint.apiKey, timeout: endpoint.timeoutMs ?? 30_000, maxRetries: 0 });
  let content: string | null | undefined;
  try {
    const completion = await client.chat.completions.create(
      {
        model: endpoint.model,
        temperature: 0,
        [endpoint.capParam ?? 'max_tokens']: Math.max(256, Math.ceil(tokensBefore * 1.2) + 64),
        response_format: { type: 'json_object' },
        messages: [
          { role: 'system', content: SYSTEM },
          { role: 'user', content: JSON.stringify({ prompt: text }) },
        ],
      },
      { signal: endpoint.signal },
    );
    content = completion?.choices?.[0]?.message?.content;
  } catch (e) {
    return { ok: false, ...failure(e) };
  }
  const proposal = parseReply(content);
  if (proposal === null) return { ok: false, kind: 'malformed', reason: 'the reply is not a JSON object with a "prompt" string' };
  // Models trim the edges; keep the original's, which belong to the host literal's layout.
  const lead = /^\s*/.exec(text)![0];
  const trail = /\s*$/.exec(text)![0];
  const candidate = lead + proposal.trim() + (text.trim() ? trail : '');
  const violations = checkInvariants(text, candidate);
  if (violations.length) return { ok: false, kind: 'invariant', reason: `rejected: ${violations.map(describeViolation).join('; ')}` };
  const tokensAfter = countTokens(candidate);
  if (tokensAfter >= tokensBefore) return { ok: false, kind: 'no-saving', reason: 'the proposal is not shorter in tokens' };
  return { ok: true, text: candidate, tokensBefore, tokensAfter, saved: tokensBefore - tokensAfter };
}

/**
 * The model-assisted counterpart of `compressPromptInFile`: one proposal per literal of the prompt, then the same
 * literal rewrite and re-analysis checks. Pieces whose proposal is rejected stay as written (reasons in `rejected`).
 */
export async function modelRewritePromptInFile(
  engine: CompressEngine,
  input: { path: string; text: string; languageId?: string },
  config: ResolvedConfig,
  promptId: string,
  endpoint: ModelEndpoint,
): Promise<{ result: CompressInFileResult; rejected: string[] }> {
  const analysis = engine.analyze(input, config);
  const prompt = analysis.prompts.find((p) => p.id === promptId);
  if (!prompt || !analysis.language) return { result: { ok: false, promptId, reason: `no prompt ${promptId} in this file` }, rejected: [] };
  const countTokens = promptCounter(engine, analysis, prompt);
  const proposals = new Map<number, string>();
  const rejected: string[] = [];
  for (const [i, piece] of prompt.pieces.entries()) {
    const decoded = decodeLiteral(input.text.slice(piece.span.start, piece.span.end), analysis.language);
    if (!decoded.ok || !decoded.text.trim()) continue;
    const r = await proposeModelRewrite(decoded.text, endpoint, countTokens);
    if (r.ok) proposals.set(i, r.text);
    else rejected.push(`piece ${i + 1}: ${r.reason}`);
  }
  if (!proposals.size) return { result: { ok: false, promptId, reason: rejected.join('; ') || 'nothing to rewrite' }, rejected };
  const result = compressPromptInFile(engine, input, config, promptId, { analysis, rewrite: (_t, _p, i) => proposals.get(i) ?? null });
  return { result, rejected };
}
