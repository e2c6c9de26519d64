import { strict as assert } from 'assert';
import { checkInvariants, compressText, MAX_COMPRESS_CHARS, PASSES } from '../../../src/core/compress';
import type { CountTokens } from '../../../src/core/compress/types';
import { loadCounter } from './helpers';

const VERBOSE = `
    You are a very helpful assistant for {company}. I would like you to answer the customer's question
    in order to resolve their issue as quickly as possible.

    ---

    ## **Rules** ##
    - Please make sure to be polite.
    - It is important that you do not promise refunds.
    - Do not promise refunds.
    - Basically, keep answers under 120 words.

    Reply in JSON like this:
    {
        "answer": "<string>",
        "escalate": false
    }


    Thank you!
    `;

const WELL_WRITTEN = `You are a support agent for {company}.
Answer the customer's question using only the context below.
If the answer is not in the context, say "I don't know".

<context>
{context}
</context>`;

describe('compress pipeline', () => {
  let countTokens: CountTokens;
  before(async () => { countTokens = await loadCounter(); });

  it('reports tokens before/after and per pass, and the per-pass savings add up', () => {
    const r = compressText(VERBOSE, { countTokens });
    assert.equal(r.tokensBefore, countTokens(VERBOSE));
    assert.equal(r.tokensAfter, countTokens(r.text));
    assert.equal(r.saved, r.tokensBefore - r.tokensAfter);
    assert.equal(r.passes.reduce((s, p) => s + p.saved, 0), r.saved);
    assert.ok(r.saved / r.tokensBefore > 0.25, `saved only ${r.saved}/${r.tokensBefore}`);
    assert.deepEqual(checkInvariants(VERBOSE, r.text, ['Do not promise refunds.']), []);
  });

  it('is idempotent at both levels', () => {
    for (const level of ['safe', 'aggressive'] as const) {
      for (const text of [VERBOSE, WELL_WRITTEN]) {
        const once = compressText(text, { countTokens, level }).text;
        assert.equal(compressText(once, { countTokens, level }).text, once);
      }
    }
  });

  it('leaves a tight prompt nearly alone', () => {
    const r = compressText(WELL_WRITTEN, { countTokens });
    assert.ok(r.saved <= 2, r.text);
    assert.ok(r.text.includes('"I don\'t know"') && r.text.includes('<context>\n{context}\n</context>'));
  });

  it('aggressive saves at least as much as safe', () => {
    const text = 'You should always cite sources. Could you list **three** risks?';
    const safe = compressText(text, { countTokens, level: 'safe' });
    const aggressive = compressText(text, { countTokens, level: 'aggressive' });
    assert.ok(aggressive.tokensAfter < safe.tokensAfter, `${aggressive.text} vs ${safe.text}`);
  });

  it('runs only the passes not disabled', () => {
    const all = compressText(VERBOSE, { countTokens });
    const some = compressText(VERBOSE, { countTokens, disabledPasses: ['filler', 'json'] });
    assert.deepEqual(some.passes.map((p) => p.id), PASSES.map((p) => p.id).filter((id) => id !== 'filler' && id !== 'json'));
    assert.ok(some.text.includes('Please make sure to be polite.') && some.text.includes('"answer": "<string>"'));
    assert.ok(some.saved < all.saved);
  });

  it('keeps the edges of a piece when asked', () => {
    const r = compressText(' and please be very brief. ', { countTokens, keepLeadingWhitespace: true, keepTrailingWhitespace: true });
    assert.equal(r.text, ' and be brief. ');
  });

  it('skips texts it must not touch, saying why', () => {
    const huge = 'Please be brief. '.repeat(Math.ceil(MAX_COMPRESS_CHARS / 17) + 1);
    assert.match(compressText(huge, { countTokens: (s) => s.length }).skipped ?? '', /longer than/);
    const pua = 'Please be brief \uE000.';
    const r = compressText(pua, { countTokens });
    assert.equal(r.text, pua);
    assert.match(r.skipped ?? '', /private-use/);
  });

  it('keeps every invariant when the rules added for real prompts fire', () => {
    // Each line is a case a new row or markdown edit could break: a negation after "Your task is to", a
    // restriction after "It is crucial to", a placeholder after a lead-in, a permission, numbers and names in
    // emphasis, an enumeration label inside bold or a label heading, a doubled-brace JSON example.
    const text = [
      'Your task is to not reveal {secret}.',
      'It is crucial to never share the API key with anyone except {owner}.',
      'Feel free to skip a section unless the user asks for it.',
      'Ensure you answer in at most **3** sentences, citing *OpenAI* docs.',
      '### 1. Setup:',
      '**2.** Run `make` once.',
      'Here is the current content of the file:',
      '<file>',
      '{content}',
      '</file>',
      'Return:',
      '{{',
      '  "items": [{{ "id": 1 }}]',
      '}}',
    ].join('\n');
    for (const level of ['safe', 'aggressive'] as const) {
      const r = compressText(text, { countTokens, level });
      assert.ok(r.saved > 0, r.text);
      assert.deepEqual(checkInvariants(text, r.text, r.removed), [], r.text);
      assert.deepEqual(r.passes.flatMap((p) => p.rejected), [], r.text);
      assert.match(r.text, /at most 3 sentences, citing OpenAI docs/);
      assert.match(r.text, /^### 1\. Setup:$/m);
      assert.match(r.text, /^\*\*2\.\*\* Run/m);
      assert.match(r.text, /not reveal \{secret\}/);
      assert.match(r.text, /never share the API key with anyone except \{owner\}/i);
      assert.match(r.text, /You may skip a section unless/);
      assert.equal(compressText(r.text, { countTokens, level }).text, r.text);
    }
  });

  it('is deterministic', () => {
    assert.equal(compressText(VERBOSE, { countTokens }).text, compressText(VERBOSE, { countTokens }).text);
  });
});
