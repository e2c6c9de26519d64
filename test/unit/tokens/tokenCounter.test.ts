import * as assert from 'assert';
import { get_encoding, type Tiktoken } from 'tiktoken';
import { TokenCounter } from '../../../src/core/tokens/tokenCounter';
import { ESTIMATE_FACTORS } from '../../../src/core/tokens/encodings';

describe('tokens/TokenCounter', function () {
  this.timeout(60_000);
  let counter: TokenCounter;
  const ref: Record<string, Tiktoken> = {};
  const reference = (text: string, e: 'o200k_base' | 'cl100k_base') => (ref[e] ??= get_encoding(e)).encode_ordinary(text).length;

  before(async () => {
    counter = await TokenCounter.create();
  });
  after(() => {
    counter.dispose();
    for (const e of Object.values(ref)) e.free();
  });

  const prompts = [
    'You are a helpful assistant.',
    'Summarise the following support ticket in three bullet points, then classify its urgency as low, medium or high.\n\nTicket:\n{ticket}',
    'Translate to French: "The quick brown fox jumps over the lazy dog." Keep punctuation.',
    '```json\n{"name": "Ada", "skills": ["math", "poetry"], "age": 36}\n```\nReturn only JSON matching this schema.',
    'Réponds en français. 日本語でも答えてください。 Emoji ok 😀',
    '',
  ];

  it('counts exactly as OpenAI tiktoken does, with the right encoding per model family', () => {
    const cases: [string, 'o200k_base' | 'cl100k_base'][] = [
      ['gpt-4o', 'o200k_base'], ['gpt-4o-mini-2024-07-18', 'o200k_base'], ['gpt-4.1-nano', 'o200k_base'],
      ['gpt-5', 'o200k_base'], ['o3-mini', 'o200k_base'], ['o1', 'o200k_base'], ['gpt-oss-120b', 'o200k_base'],
      ['chatgpt-4o-latest', 'o200k_base'], ['openai/gpt-4o', 'o200k_base'], ['ft:gpt-4o-mini-2024-07-18:acme::abc', 'o200k_base'],
      ['gpt-4', 'cl100k_base'], ['gpt-4-turbo-2024-04-09', 'cl100k_base'], ['gpt-3.5-turbo', 'cl100k_base'],
      ['gpt-35-turbo', 'cl100k_base'], ['text-embedding-3-small', 'cl100k_base'], ['text-embedding-ada-002', 'cl100k_base'],
    ];
    for (const [model, encoding] of cases) {
      for (const text of prompts) {
        const r = counter.count(text, model, 'openai');
        assert.deepStrictEqual(r, { tokens: reference(text, encoding), exact: true, encoding }, `${model}: ${text}`);
      }
    }
    // The encoding differs in practice between the two families.
    assert.notStrictEqual(counter.count(prompts[4], 'gpt-4', 'openai').tokens, counter.count(prompts[4], 'gpt-4o', 'openai').tokens);
  });

  it('counts Azure OpenAI like OpenAI and counts an unknown OpenAI model as o200k, not exact', () => {
    assert.deepStrictEqual(counter.count(prompts[1], 'gpt-4o', 'azure-openai'), counter.count(prompts[1], 'gpt-4o', 'openai'));
    const r = counter.count(prompts[1], null, 'openai');
    assert.strictEqual(r.tokens, reference(prompts[1], 'o200k_base'));
    assert.strictEqual(r.exact, false);
  });

  it('estimates other vendors as o200k times the family factor, marked inexact', () => {
    const text = prompts[1];
    const base = reference(text, 'o200k_base');
    const cases: [string | null, Parameters<TokenCounter['count']>[2], number][] = [
      ['claude-3-5-sonnet-20241022', 'anthropic', ESTIMATE_FACTORS.claude],
      ['claude-opus-4-7', 'anthropic', ESTIMATE_FACTORS['claude-new']],
      ['anthropic/claude-sonnet-4-5', 'litellm', ESTIMATE_FACTORS.claude],
      ['gemini-1.5-flash', 'google', ESTIMATE_FACTORS.gemini],
      ['models/gemini-2.5-pro', 'google', ESTIMATE_FACTORS.gemini],
      ['mistral-large-latest', 'mistral', ESTIMATE_FACTORS.mistral],
      ['command-r-plus', 'cohere', ESTIMATE_FACTORS.cohere],
      ['llama-3.3-70b-versatile', 'groq', ESTIMATE_FACTORS.llama],
      ['some-new-model', 'unknown', ESTIMATE_FACTORS.other],
      [null, 'anthropic', ESTIMATE_FACTORS.claude],
    ];
    for (const [model, provider, factor] of cases) {
      const r = counter.count(text, model, provider);
      assert.strictEqual(r.tokens, Math.ceil(base * factor), String(model));
      assert.strictEqual(r.exact, false);
      assert.strictEqual(r.encoding, `o200k_base×${factor}`);
    }
    // A LiteLLM call to an OpenAI model is exact.
    assert.strictEqual(counter.count(text, 'gpt-4o', 'litellm').exact, true);
  });

  it('counts special-token text in user prompts as ordinary text and never throws', () => {
    const text = 'Stop at <|endoftext|> or <|endofprompt|>, also <|fim_prefix|>.';
    assert.strictEqual(counter.count(text, 'gpt-4o', 'openai').tokens, reference(text, 'o200k_base'));
    assert.strictEqual(counter.count(text, 'gpt-4', 'openai').tokens, reference(text, 'cl100k_base'));
    assert.ok(counter.count(text, 'gpt-4o', 'openai').tokens > 3, 'not collapsed into special tokens');
    assert.doesNotThrow(() => counter.count('lone surrogate \ud800 here', 'gpt-4o', 'openai'));
  });

  it('bounds the quadratic trap: 100k letters and a 1 MB single line count in well under a second', () => {
    // Varied letters (no repeated chunk the cache could serve): unbounded, tiktoken takes ~9 s on this.
    let seed = 1;
    const letters = Array.from({ length: 100_000 }, () => String.fromCharCode(97 + ((seed = (seed * 48271) % 2147483647) % 26))).join('');
    let t = performance.now();
    const r = counter.count(letters, 'gpt-4o', 'openai');
    const lettersMs = performance.now() - t;
    assert.ok(lettersMs < 1000, `100k letters took ${lettersMs.toFixed(0)} ms`);
    assert.strictEqual(r.exact, false, 'chunked, so an estimate');
    // A run of one letter: within a few percent of the true count (12,500 tokens of 'xxxxxxxx' in o200k).
    const xs = counter.count('x'.repeat(100_000), 'gpt-4o', 'openai');
    assert.ok(Math.abs(xs.tokens - 100_000 / 8) / (100_000 / 8) < 0.05, String(xs.tokens));

    const sentence = 'The customer wrote: "my order #4521 arrived damaged, please refund €39.90 to my card." ';
    const line = sentence.repeat(Math.ceil(1_000_000 / sentence.length)).slice(0, 1_000_000);
    t = performance.now();
    const big = counter.count(line, 'gpt-4o', 'openai');
    const lineMs = performance.now() - t;
    // ~250 ms on an idle core; the bound is loose for busy CI machines, and still far below an unbounded run.
    assert.ok(lineMs < 3000, `1 MB line took ${lineMs.toFixed(0)} ms`);
    assert.strictEqual(big.exact, true);
    assert.strictEqual(big.tokens, reference(line, 'o200k_base'));

    const base64 = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 256)).toString('base64');
    t = performance.now();
    counter.count(base64, 'gpt-4o', 'openai');
    assert.ok(performance.now() - t < 3000, 'base64 blob');
  });

  it('caches by encoding and text: repeated counts tokenize nothing', async () => {
    const c = await TokenCounter.create();
    try {
      const text = prompts[1] + ' (cache test)';
      c.count(text, 'gpt-4o', 'openai');
      const tokenized = c.stats.tokenizedChars;
      for (let i = 0; i < 100; i++) c.count(text.slice(0) + '', 'gpt-4o', 'openai');
      c.count(text, 'claude-3-haiku', 'anthropic'); // same encoding (o200k): also a hit
      assert.strictEqual(c.stats.tokenizedChars, tokenized);
      assert.strictEqual(c.stats.hits, 101);
      c.count(text, 'gpt-4', 'openai'); // another encoding: a miss
      assert.strictEqual(c.stats.misses, 2);
      // Long texts are keyed by hash, and still hit.
      const long = prompts[3].repeat(2000);
      c.count(long, 'gpt-4o', 'openai');
      const before = c.stats.tokenizedChars;
      c.count(long.split('').join(''), 'gpt-4o', 'openai');
      assert.strictEqual(c.stats.tokenizedChars, before);
      // …and a one-character change in a long text is a miss that re-tokenizes only the segment around the edit.
      const edited = long.slice(0, 50_000) + 'X' + long.slice(50_001);
      const misses = c.stats.misses;
      const r = c.count(edited, 'gpt-4o', 'openai');
      assert.strictEqual(c.stats.misses, misses + 1);
      const retokenized = c.stats.tokenizedChars - before;
      assert.ok(retokenized > 0 && retokenized < 20_000, `re-tokenized ${retokenized} of ${long.length} characters`);
      assert.strictEqual(r.tokens, (ref.o200k_base ??= get_encoding('o200k_base')).encode_ordinary(edited).length);
    } finally {
      c.dispose();
    }
  });

  it('evicts the least recently used counts when over its character budget', async () => {
    const c = await TokenCounter.create(undefined, { cacheChars: 100 });
    try {
      const a = 'a'.repeat(20) + ' first';
      const b = 'b'.repeat(20) + ' second';
      c.count(a, 'gpt-4o', 'openai');
      c.count(b, 'gpt-4o', 'openai');
      for (let i = 0; i < 5; i++) c.count(`filler number ${i} with some words`, 'gpt-4o', 'openai');
      const misses = c.stats.misses;
      c.count(a, 'gpt-4o', 'openai');
      assert.strictEqual(c.stats.misses, misses + 1, 'evicted');
    } finally {
      c.dispose();
    }
  });

  it('refuses to count after dispose', async () => {
    const c = await TokenCounter.create();
    c.dispose();
    assert.throws(() => c.count('new text', 'gpt-4o', 'openai'), /dispose/);
  });
});
