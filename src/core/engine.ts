// The engine: `await Engine.create()` loads parsers, encodings and prices once; `analyze()` is then synchronous,
// deterministic and pure (no I/O, no globals). Every face (extension, CLI, tests, bench) goes through here.

import { assetPath, type AssetName } from './assets';
import { parseCallsAnnotation } from './config/annotation';
import { isIgnored } from './config/load';
import type { ResolvedConfig } from './config/types';
import { detectFile, mayHaveLlmCode } from './detectors';
import { type Parsers, Parsers as ParsersClass, type Tree } from './languages/parser';
import { PriceBook, suggestModels } from './pricing';
import { projectCall } from './projection';
import { buildPrompts } from './prompts/build';
import { allRules } from './rules';
import type { RuleContext } from './rules/types';
import { applySuppressions } from './rules/suppressions';
import { TokenCounter } from './tokens';
import type { CallCost, FileResult, Finding, LanguageId, LlmCall, Notice, PromptTokens, Severity } from './types';
import { LineIndex } from './formatters/lineIndex';

export interface EngineOptions {
  /** Folder holding the WASM grammars, the tiktoken WASM and encoder files (defaults to the bundle's folder). */
  assetsDir?: string;
}

export interface AnalyzeInput {
  /** Path as the caller names it (used for config globs and in results). */
  path: string;
  text: string;
  /** VS Code language id when known (`python`, `typescript`, `typescriptreact`, `javascript`, `javascriptreact`). */
  languageId?: string;
  /** A previous tree of this document, already `edit()`ed to match `text`, for incremental re-parsing. */
  oldTree?: Tree | null;
  /** Receives the new syntax tree, which the caller then owns (and must `delete()`); otherwise it is freed. */
  keepTree?: (tree: Tree) => void;
}

/** A file is treated as minified (and skipped) when it is this large and its lines this long on average. */
const MINIFIED_MIN_CHARS = 20_000;
const MINIFIED_AVG_LINE = 500;

export function languageFor(path: string, languageId?: string): LanguageId | null {
  switch (languageId) {
    case 'python': return 'python';
    case 'typescript': return 'typescript';
    case 'typescriptreact': return 'tsx';
    case 'javascript': case 'javascriptreact': return 'javascript';
  }
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  switch (ext) {
    case 'py': case 'pyi': return 'python';
    case 'ts': case 'mts': case 'cts': return 'typescript';
    case 'tsx': return 'tsx';
    case 'js': case 'mjs': case 'cjs': case 'jsx': return 'javascript';
  }
  return null;
}

/** Minified code is dense with punctuation; a long line holding one big prompt string is not. */
function looksLikeDenseCode(text: string): boolean {
  const sample = text.slice(Math.floor(text.length / 2), Math.floor(text.length / 2) + 4000);
  let punct = 0;
  for (let i = 0; i < sample.length; i++) if (';{}()=,'.includes(sample[i])) punct++;
  return punct / Math.max(1, sample.length) > 0.03;
}

export class Engine {
  private priceBooks = new WeakMap<ResolvedConfig, PriceBook>();
  private suggestions = new Map<string, string[]>();

  private constructor(readonly parsers: Parsers, readonly tokens: TokenCounter) {}

  static async create(opts: EngineOptions = {}): Promise<Engine> {
    const locate = (f: string) => assetPath(f as AssetName, opts.assetsDir);
    const [parsers, tokens] = await Promise.all([ParsersClass.create(locate), TokenCounter.create(opts.assetsDir)]);
    return new Engine(parsers, tokens);
  }

  private priceBook(config: ResolvedConfig): PriceBook {
    let book = this.priceBooks.get(config);
    if (!book) {
      book = new PriceBook({ overrides: config.prices, overridesSource: config.pricesSource, aliases: config.modelAliases });
      this.priceBooks.set(config, book);
    }
    return book;
  }

  /** Nearest known names for an unknown model, memoised: the search compares against every known model. */
  private suggest(book: PriceBook, call: LlmCall): string[] {
    if (!call.model) return [];
    const key = `${call.provider}\0${call.model}`;
    let s = this.suggestions.get(key);
    if (!s) {
      if (this.suggestions.size > 1000) this.suggestions.clear();
      s = suggestModels(call.provider, call.model, 3, book.knownModels(call.provider));
      this.suggestions.set(key, s);
    }
    return s;
  }

  analyze(input: AnalyzeInput, config: ResolvedConfig): FileResult {
    const t0 = performance.now();
    const result: FileResult = {
      path: input.path, language: languageFor(input.path, input.languageId), calls: [], prompts: [], promptTokens: [], costs: [],
      findings: [], notices: [], hasSyntaxErrors: false, monthlyCost: 0, unpricedCalls: 0, timings: { parseMs: 0, analyzeMs: 0 },
    };
    const skip = this.skipReason(input, result.language, config);
    if (skip) {
      result.skipped = skip;
      result.timings.analyzeMs = performance.now() - t0;
      return result;
    }
    const lang = result.language!;
    const text = input.text;
    if (!input.keepTree && !mayHaveLlmCode(text)) {
      result.timings.analyzeMs = performance.now() - t0;
      return result;
    }
    const tree = this.parsers.parse(lang, text, input.oldTree);
    const t1 = performance.now();
    result.timings.parseMs = t1 - t0;
    if (!tree) {
      result.skipped = 'parsing took too long and was stopped; the file is not analysed';
      return result;
    }
    try {
      this.analyzeTree(lang, tree, input, config, result);
    } catch (err) {
      // Never lose the editor to a bug on odd input: report it and keep what is there.
      result.notices.push({ level: 'error', message: `analysis failed: ${(err as Error).message}` });
    } finally {
      if (input.keepTree) input.keepTree(tree);
      else tree.delete();
    }
    result.timings.analyzeMs = performance.now() - t1;
    return result;
  }

  private skipReason(input: AnalyzeInput, lang: LanguageId | null, config: ResolvedConfig): string | null {
    if (!lang) return 'not a Python, TypeScript or JavaScript file';
    if (isIgnored(config, input.path)) return 'ignored by the `ignore` setting of .promptcost.json';
    const text = input.text;
    if (text.length > config.maxFileBytes) {
      return `file is ${(text.length / 1048576).toFixed(1)} MB, above the ${(config.maxFileBytes / 1048576).toFixed(1)} MB limit (maxFileBytes)`;
    }
    if (text.indexOf('\u0000') !== -1) return 'binary content (NUL bytes): not source code';
    if (lang !== 'python' && text.length >= MINIFIED_MIN_CHARS) {
      let lines = 1;
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
      if (text.length / lines > MINIFIED_AVG_LINE && looksLikeDenseCode(text)) {
        return `looks minified (${Math.round(text.length / lines)} characters per line on average)`;
      }
    }
    return null;
  }

  private analyzeTree(lang: LanguageId, tree: Tree, input: AnalyzeInput, config: ResolvedConfig, result: FileResult): void {
    const text = input.text;
    const lines = new LineIndex(text);
    result.hasSyntaxErrors = tree.rootNode.hasError;
    if (result.hasSyntaxErrors) {
      result.notices.push({ level: 'info', message: 'the file has syntax errors; complete calls are still analysed' });
    }
    const detection = detectFile({
      lang, tree, text, parsers: this.parsers, lineOf: (o) => lines.position(o).line - 1, lines,
      parseAnnotation: parseCallsAnnotation,
    });
    const calls = detection.calls.map((d) => d.call);
    const book = this.priceBook(config);

    // Prompts, shared between calls when they are the same literals.
    const { prompts, byCall, staticText } = buildPrompts(detection.calls, detection.standalone);
    const callById = new Map(calls.map((c) => [c.id, c]));
    const promptTokens = new Map<string, PromptTokens>();
    for (const p of prompts) {
      const owner = p.callIds.length ? callById.get(p.callIds[0]) : undefined;
      const counted = this.tokens.count(staticText.get(p.id) ?? p.text, owner?.model ?? null, owner?.provider ?? 'openai');
      promptTokens.set(p.id, {
        promptId: p.id,
        tokens: counted.tokens + p.placeholders.length * config.placeholderTokens,
        exact: counted.exact && p.placeholders.length === 0,
        encoding: counted.encoding,
      });
    }
    for (const c of calls) c.promptIds = byCall.get(c.id) ?? [];

    // Costs.
    const costs = new Map<string, CallCost>();
    for (const c of calls) {
      const price = c.model ? book.lookup(c.provider, c.model) : null;
      const sent = c.promptIds.map((id) => promptTokens.get(id)!).filter(Boolean);
      // Text that is not in the file (a user's question, a document) still costs: size it as a placeholder.
      if (c.dynamicInputs) sent.push({ promptId: '', tokens: c.dynamicInputs * config.placeholderTokens, exact: false, encoding: '' });
      const cost = projectCall({ call: c, prompts: sent, price, priceBook: book, config, filePath: input.path });
      costs.set(c.id, cost);
      if (cost.monthlyCost === null) result.unpricedCalls++;
      else result.monthlyCost += cost.monthlyCost;
    }
    // Non-OpenAI prompt counts are estimates: the call's input count says so too.
    for (const c of calls) {
      const cost = costs.get(c.id)!;
      if (c.promptIds.some((id) => !promptTokens.get(id)?.exact)) cost.inputTokensExact = false;
    }

    // Rules.
    const findings: Finding[] = [];
    for (const rule of allRules) {
      const setting = config.rules[rule.meta.id];
      if (setting === 'off') continue;
      const severity: Severity = setting ?? rule.meta.defaultSeverity;
      const ctx: RuleContext = {
        path: input.path, language: lang, text, config, calls, prompts, promptTokens, costs,
        callCost: (price, inputTokens, outputTokens) => book.cost(price, { inputTokens, outputTokens }),
        countTokens: (t, model, provider) => this.tokens.count(t, model, provider).tokens,
        priceStatus: (call: LlmCall) => (call.model ? book.resolve(call.provider, call.model).status : 'unknown'),
        suggestModels: (call: LlmCall) => this.suggest(book, call),
        // `paths[].maxMonthlyCost` budgets a group of files: the CLI and the sidebar check it over all of them.
        fileBudget: config.budgets.perFile,
        report: (f) => findings.push({ ...f, ruleId: rule.meta.id, severity: f.severity ?? severity }),
      };
      try {
        rule.check(ctx);
      } catch (err) {
        result.notices.push({ level: 'error', message: `rule ${rule.meta.id} failed: ${(err as Error).message}` });
      }
    }
    result.findings = applySuppressions(findings, detection.facts.comments, lines, new Map(calls.map((c) => [c.id, c.span.start])));
    result.findings.sort((a, b) => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId));
    result.calls = calls;
    result.prompts = prompts;
    result.promptTokens = [...promptTokens.values()];
    result.costs = calls.map((c) => costs.get(c.id)!);
  }
}

export type { Notice };
