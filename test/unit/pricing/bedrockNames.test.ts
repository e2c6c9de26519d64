// Amazon Bedrock model ids price as the vendor's model (Bedrock on-demand prices follow the vendor's list prices).
import * as assert from 'assert';
import { PriceBook } from '../../../src/core/pricing';

describe('pricing: Bedrock model ids', () => {
  const book = new PriceBook();
  for (const [id, model] of [
    ['anthropic.claude-3-sonnet-20240229-v1:0', 'claude-3-sonnet'],
    ['us.anthropic.claude-3-5-sonnet-20241022-v2:0', 'claude-3-5-sonnet'],
    ['mistral.mistral-large-2402-v1:0', 'mistral-large'],
  ]) {
    it(`${id} → ${model}`, () => {
      assert.strictEqual(book.lookup('unknown', id)?.model, model);
    });
  }
  it('does not take a dotted model name for a Bedrock id', () => {
    assert.strictEqual(book.lookup('openai', 'gpt-4.1')?.model, 'gpt-4.1');
  });
});
