import { strict as assert } from 'assert';
import { Engine } from '../../../src/core/engine';
import { resolveConfig } from '../../../src/core/config/load';
import type { ResolvedConfig } from '../../../src/core/config/types';
import { compressPromptInFile } from '../../../src/core/compress/inFile';
import { applyEdits } from '../../../src/core/compress/plan';
import { compressiblePrompt } from '../../../src/core/rules/compressible-prompt';
import type { RuleContext } from '../../../src/core/rules/types';
import type { Finding } from '../../../src/core/types';

const VERBOSE_PY = `import openai
client = openai.OpenAI()
PROMPT = """
    I would like you to act as a very experienced copy editor. Please read the text below
    in order to find spelling mistakes. It is important that you do not rewrite the style.
    Please note that the text may contain {count} paragraphs.
    """
client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": PROMPT}])
`;

const TIGHT_TS = `import OpenAI from 'openai';
const client = new OpenAI();
await client.responses.create({ model: 'gpt-4.1', instructions: 'Fix spelling only. Keep the style. Reply with the corrected text.', input: text });
`;

describe('rule compressible-prompt', function () {
  this.timeout(60000);
  let engine: Engine;
  before(async () => { engine = await Engine.create(); });

  function run(path: string, text: string, config: ResolvedConfig): Finding[] {
    const r = engine.analyze({ path, text }, config);
    const findings: Finding[] = [];
    const ctx: RuleContext = {
      path, language: r.language!, text, config, calls: r.calls, prompts: r.prompts,
      promptTokens: new Map(r.promptTokens.map((t) => [t.promptId, t])),
      costs: new Map(r.costs.map((c) => [c.callId, c])),
      callCost: (price, input, output) => (input * price.input + output * price.output) / 1e6,
      countTokens: (t, model, provider) => engine.tokens.count(t, model, provider).tokens,
      priceStatus: () => 'priced', suggestModels: () => [], fileBudget: null,
      report: (f) => findings.push({ ...f, ruleId: compressiblePrompt.meta.id, severity: f.severity ?? 'info' }),
    };
    compressiblePrompt.check(ctx);
    return findings;
  }

  it('flags a verbose prompt with tokens and dollars, and offers the compression as a non-fix-all rewrite', () => {
    const config = resolveConfig([], '');
    const [f, ...rest] = run('a.py', VERBOSE_PY, config);
    assert.ok(f && rest.length === 0);
    assert.match(f.message, /^Prompt could be \d+% shorter with the same instructions: −\d+ tokens, ≈ −\$[\d.,]+\/month\./);
    assert.ok(typeof f.monthlySaving === 'number' && f.monthlySaving > 0);
    assert.equal(f.fixes.length, 1);
    assert.equal(f.fixes[0].kind, 'refactor.rewrite');
    assert.match(f.fixes[0].title, /^Compress prompt \(−\d+ tokens, ≈ −\$[\d.,]+\/month\)$/);
    assert.equal(f.fixes[0].safe, false);
    assert.equal(VERBOSE_PY.slice(f.span.start, f.span.start + 3), '"""');
    // The fix is the same edit the verified code action makes.
    const verified = compressPromptInFile(engine, { path: 'a.py', text: VERBOSE_PY }, config, f.promptId!);
    assert.ok(verified.ok);
    assert.equal(applyEdits(VERBOSE_PY, f.fixes[0].edits), verified.newText);
    // After the fix nothing is left to flag.
    assert.deepEqual(run('a.py', verified.newText, config), []);
  });

  it('leaves a tight prompt alone', () => {
    assert.deepEqual(run('a.ts', TIGHT_TS, resolveConfig([], '')), []);
  });

  it('honours a configured minimum share', () => {
    const config = { ...resolveConfig([], ''), compression: { minSavingShare: 0.95 } } as ResolvedConfig;
    assert.deepEqual(run('a.py', VERBOSE_PY, config), []);
  });
});
