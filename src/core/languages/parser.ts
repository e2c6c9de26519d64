// Loads web-tree-sitter and the grammars from @vscode/tree-sitter-wasm once; parsing is then synchronous.
// Parsing never throws on bad syntax: tree-sitter wraps the broken part in ERROR nodes and keeps the rest.

import * as fs from 'fs';
import { Language, Parser, Query } from '@vscode/tree-sitter-wasm';
import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import type { LanguageId } from '../types';

export type { Node, Tree };

const GRAMMAR_FILES: Record<LanguageId, string> = {
  python: 'tree-sitter-python.wasm',
  javascript: 'tree-sitter-javascript.wasm',
  typescript: 'tree-sitter-typescript.wasm',
  tsx: 'tree-sitter-tsx.wasm',
};

/** Parsing a pathological file must end: beyond this the parse is abandoned and the file reported. */
const PARSE_TIME_LIMIT_MS = 4000;

let runtimeReady: Promise<void> | undefined;

export class Parsers {
  private readonly parsers = new Map<LanguageId, Parser>();
  private readonly languages = new Map<LanguageId, Language>();
  private readonly queries = new Map<string, Query>();

  private constructor(private readonly locate: (file: string) => string) {}

  /** `locate(file)` returns the absolute path of a WASM file (`tree-sitter.wasm` or a grammar). */
  static async create(locate: (file: string) => string, languages: LanguageId[] = ['python', 'javascript', 'typescript', 'tsx']): Promise<Parsers> {
    // Parser.init is process-wide in web-tree-sitter; initialise it once even if several engines are created.
    runtimeReady ??= Parser.init({ locateFile: (file: string) => locate(file) });
    await runtimeReady;
    const p = new Parsers(locate);
    await Promise.all(languages.map((l) => p.load(l)));
    return p;
  }

  private async load(lang: LanguageId): Promise<void> {
    const bytes = fs.readFileSync(this.locate(GRAMMAR_FILES[lang]));
    const language = await Language.load(new Uint8Array(bytes));
    const parser = new Parser();
    parser.setLanguage(language);
    this.languages.set(lang, language);
    this.parsers.set(lang, parser);
  }

  /** Returns null when the parse had to be abandoned (time limit). */
  parse(lang: LanguageId, text: string, oldTree?: Tree | null): Tree | null {
    const parser = this.parsers.get(lang);
    if (!parser) throw new Error(`no grammar loaded for ${lang}`);
    const deadline = Date.now() + PARSE_TIME_LIMIT_MS;
    parser.reset();
    return parser.parse(text, oldTree ?? null, { progressCallback: () => Date.now() > deadline });
  }

  /** A compiled query, cached per language and source. */
  query(lang: LanguageId, source: string): Query {
    const key = lang + '\0' + source;
    let q = this.queries.get(key);
    if (!q) {
      q = new Query(this.languages.get(lang)!, source);
      this.queries.set(key, q);
    }
    return q;
  }
}
