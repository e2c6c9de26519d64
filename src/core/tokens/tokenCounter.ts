// Exact, bounded, cached token counts. `create()` loads the tiktoken WASM (lite build) and reads the encoder tables;
// each encoder is built on first use (o200k: ~160-280 ms, +72 MB), once. `count()` is synchronous from then on.

import { promises as fs } from 'fs';
import { init, Tiktoken } from 'tiktoken/lite/init';
import type { ProviderId } from '../types';
import { assetPath } from '../assets';
import { encodingFor as chooseEncoding, type EncodingChoice, type EncodingName } from './encodings';
import { SizedLru } from './lruCache';
import { segmentText, type SegmentOptions } from './segments';
import { textKey } from './textKey';

export interface CountResult {
  tokens: number;
  /** false when the tokenizer is not the model's own (an estimate) or a huge unbroken run was chunked. */
  exact: boolean;
  /** The encoding used; estimates read like `o200k_base×1.2`. */
  encoding: string;
}

interface RawCount {
  tokens: number;
  /** false when a run without safe split points was chunked. */
  exact: boolean;
}

export interface TokenCounterOptions {
  /** Cache budget in characters of cached text (hashed long texts count their length too). Default 16M. */
  cacheChars?: number;
  /** Most entries the cache holds. Default 200k. */
  cacheEntries?: number;
  /** Segmenting parameters (tests shrink them to exercise the split rules on small inputs). */
  segments?: SegmentOptions;
}

// The project compiles without the DOM lib, where the WebAssembly global is declared; Node has it at run time.
declare const WebAssembly: { instantiate(bytes: Uint8Array, imports: unknown): Promise<unknown> };

// tiktoken keeps its WASM instance in module state, so it is instantiated once per process; two concurrent first
// calls must not both instantiate (the second would swap the memory under encoders built on the first).
let wasmReady: Promise<void> | undefined;
function loadWasm(file: string): Promise<void> {
  wasmReady ??= fs.readFile(file).then((bytes) =>
    init((imports) => WebAssembly.instantiate(bytes, imports) as ReturnType<Parameters<typeof init>[0]>),
  );
  wasmReady.catch(() => (wasmReady = undefined)); // a failed load (missing file) may be retried
  return wasmReady;
}

const ENCODINGS: readonly EncodingName[] = ['o200k_base', 'cl100k_base'];

export class TokenCounter {
  private readonly encoders = new Map<EncodingName, Tiktoken>();
  private readonly caches = new Map<EncodingName, SizedLru<RawCount>>();
  /** Memo of non-ASCII character classes for the segmenter. */
  private readonly classes = new Map<number, number>();
  private disposed = false;
  /** Cache statistics, for benchmarks and tests. */
  readonly stats = { hits: 0, misses: 0, tokenizedChars: 0 };

  private constructor(
    private readonly tables: Map<EncodingName, string>,
    private readonly opts: TokenCounterOptions,
  ) {
    for (const e of ENCODINGS) {
      this.caches.set(e, new SizedLru<RawCount>(opts.cacheChars ?? 16_000_000, opts.cacheEntries ?? 200_000));
    }
  }

  /** Loads the WASM and reads the encoder tables from `assetsDir` (default: beside the bundle, or node_modules). */
  static async create(assetsDir?: string, opts: TokenCounterOptions = {}): Promise<TokenCounter> {
    await loadWasm(assetPath('tiktoken_bg.wasm', assetsDir));
    const tables = new Map<EncodingName, string>();
    await Promise.all(
      ENCODINGS.map(async (e) => tables.set(e, await fs.readFile(assetPath(`${e}.json`, assetsDir), 'utf8'))),
    );
    return new TokenCounter(tables, opts);
  }

  encodingFor(model: string | null, provider: ProviderId): EncodingChoice {
    return chooseEncoding(model, provider);
  }

  /** Tokens of `text` as `model` (served by `provider`) would count them; see encodings.ts for estimates. */
  count(text: string, model: string | null, provider: ProviderId): CountResult {
    const choice = chooseEncoding(model, provider);
    const raw = this.rawCount(text, choice.encoding);
    if (choice.factor === 1) return { tokens: raw.tokens, exact: choice.exact && raw.exact, encoding: choice.encoding };
    return {
      tokens: Math.ceil(raw.tokens * choice.factor),
      exact: false,
      encoding: `${choice.encoding}×${choice.factor}`,
    };
  }

  /** Tokens of `text` in one encoding (exact unless a huge unbroken run had to be chunked). */
  countWith(text: string, encoding: EncodingName): number {
    return this.rawCount(text, encoding).tokens;
  }

  /** Like `countWith`, also saying whether the count is exact. */
  countDetailed(text: string, encoding: EncodingName): RawCount {
    return this.rawCount(text, encoding);
  }

  /** Builds an encoder now rather than on first use (e.g. during `Engine.create`). */
  warm(encoding: EncodingName = 'o200k_base'): void {
    this.encoder(encoding);
  }

  dispose(): void {
    for (const e of this.encoders.values()) e.free();
    this.encoders.clear();
    for (const c of this.caches.values()) c.clear();
    this.tables.clear();
    this.disposed = true;
  }

  private rawCount(text: string, encoding: EncodingName): RawCount {
    if (text.length === 0) return { tokens: 0, exact: true };
    const cache = this.caches.get(encoding)!;
    const key = textKey(text);
    const hit = cache.get(key);
    if (hit) {
      this.stats.hits++;
      return hit;
    }
    this.stats.misses++;
    const enc = this.encoder(encoding);
    const segments = segmentText(text, this.opts.segments, this.classes);
    let tokens = 0;
    let exact = true;
    if (segments.length === 1) {
      // encode_ordinary: special-token text such as `<|endoftext|>` in a prompt is ordinary text, never an error.
      tokens = enc.encode_ordinary(text).length;
      exact = segments[0].exact;
      this.stats.tokenizedChars += text.length;
    } else {
      // Segments are cached too, so an edit inside a long prompt re-tokenizes only the segments it touched (the
      // segmentation re-synchronises at the first split point after the edit that lands where it did before).
      // A segment's own count is always exact; whether it adds up exactly to the whole is the segment's `exact`.
      for (const s of segments) {
        const piece = text.slice(s.start, s.end);
        const pieceKey = textKey(piece);
        let n = cache.get(pieceKey)?.tokens;
        if (n === undefined) {
          n = enc.encode_ordinary(piece).length;
          cache.set(pieceKey, { tokens: n, exact: true }, piece.length);
          this.stats.tokenizedChars += piece.length;
        }
        tokens += n;
        if (!s.exact) exact = false;
      }
    }
    const result = { tokens, exact };
    cache.set(key, result, text.length);
    return result;
  }

  private encoder(encoding: EncodingName): Tiktoken {
    if (this.disposed) throw new Error('TokenCounter used after dispose()');
    let enc = this.encoders.get(encoding);
    if (!enc) {
      const table = this.tables.get(encoding);
      if (table === undefined) throw new Error(`encoder table ${encoding} not loaded`);
      const { bpe_ranks, special_tokens, pat_str } = JSON.parse(table) as {
        bpe_ranks: string;
        special_tokens: Record<string, number>;
        pat_str: string;
      };
      enc = new Tiktoken(bpe_ranks, special_tokens, pat_str);
      this.encoders.set(encoding, enc);
      this.tables.delete(encoding); // the parsed table now lives in WASM memory
    }
    return enc;
  }
}
