import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { encodingFor, ESTIMATE_FACTORS } from '../../../src/core/tokens/encodings';
import { ASSET_SOURCES, assetPath, defaultAssetsDir, type AssetName } from '../../../src/core/assets';

describe('tokens/encodingFor', () => {
  const table: [string | null, Parameters<typeof encodingFor>[1], string, boolean, string][] = [
    // model, provider, encoding, exact, family
    ['gpt-4o', 'openai', 'o200k_base', true, 'openai'],
    ['gpt-4.1-mini', 'azure-openai', 'o200k_base', true, 'openai'],
    ['gpt-4.5-preview', 'openai', 'o200k_base', true, 'openai'],
    ['gpt-5.2', 'openai', 'o200k_base', true, 'openai'],
    ['o4-mini', 'openai', 'o200k_base', true, 'openai'],
    ['gpt-oss-20b', 'groq', 'o200k_base', true, 'openai'],
    ['openai/gpt-oss-120b', 'groq', 'o200k_base', true, 'openai'],
    ['omni-moderation-latest', 'openai', 'o200k_base', true, 'openai'],
    ['gpt-4', 'openai', 'cl100k_base', true, 'openai'],
    ['gpt-4-0613', 'openai', 'cl100k_base', true, 'openai'],
    ['gpt-3.5-turbo-instruct', 'openai', 'cl100k_base', true, 'openai'],
    ['text-embedding-3-large', 'openai', 'cl100k_base', true, 'openai'],
    ['my-azure-deployment', 'azure-openai', 'o200k_base', false, 'openai'],
    [null, 'openai', 'o200k_base', false, 'openai'],
    ['claude-3-haiku-20240307', 'anthropic', 'o200k_base', false, 'claude'],
    ['claude-sonnet-4-6', 'anthropic', 'o200k_base', false, 'claude'],
    ['claude-opus-4-7', 'anthropic', 'o200k_base', false, 'claude-new'],
    ['claude-sonnet-5', 'anthropic', 'o200k_base', false, 'claude-new'],
    ['anthropic.claude-3-5-sonnet-20241022-v2:0', 'unknown', 'o200k_base', false, 'claude'],
    ['gemini-2.5-flash', 'google', 'o200k_base', false, 'gemini'],
    ['gemini/gemini-1.5-pro', 'litellm', 'o200k_base', false, 'gemini'],
    ['codestral-latest', 'mistral', 'o200k_base', false, 'mistral'],
    ['command-a-03-2025', 'cohere', 'o200k_base', false, 'cohere'],
    ['llama-3.1-8b-instant', 'groq', 'o200k_base', false, 'llama'],
    ['my-fine-model', 'anthropic', 'o200k_base', false, 'claude'],
    ['something', 'litellm', 'o200k_base', false, 'other'],
  ];
  for (const [model, provider, encoding, exact, family] of table) {
    it(`${model} via ${provider} → ${encoding}${exact ? '' : ' (estimate)'} ${family}`, () => {
      const r = encodingFor(model, provider);
      assert.deepStrictEqual([r.encoding, r.exact, r.family], [encoding, exact, family]);
      assert.strictEqual(r.factor, family === 'openai' ? 1 : ESTIMATE_FACTORS[family as keyof typeof ESTIMATE_FACTORS]);
    });
  }

  it('uses factors at or above parity, the newer Claude tokenizer highest', () => {
    for (const f of Object.values(ESTIMATE_FACTORS)) assert.ok(f >= 1 && f <= 1.5);
    assert.ok(ESTIMATE_FACTORS['claude-new'] > ESTIMATE_FACTORS.claude);
  });
});

describe('assets', () => {
  it('resolves every run-time file from node_modules when not bundled', () => {
    assert.strictEqual(defaultAssetsDir(), '');
    for (const name of Object.keys(ASSET_SOURCES) as AssetName[]) {
      const p = assetPath(name);
      assert.ok(fs.existsSync(p), p);
      assert.strictEqual(path.basename(p), name);
    }
  });

  it('resolves inside a given folder (the bundle’s)', () => {
    assert.strictEqual(assetPath('o200k_base.json', '/opt/ext/dist'), path.join('/opt/ext/dist', 'o200k_base.json'));
  });

  it('lists the same files, from the same places, as esbuild.js copies', () => {
    const esbuild = fs.readFileSync(path.resolve(__dirname, '../../../../esbuild.js'), 'utf8');
    const copied = [...esbuild.matchAll(/\['node_modules\/([^']+)',\s*'([^']+)'\]/g)].map((m) => [m[2], m[1]]);
    const ours = Object.entries(ASSET_SOURCES).map(([name, src]) => [name, src]);
    for (const pair of ours) assert.ok(copied.some((c) => c[0] === pair[0] && c[1] === pair[1]), `esbuild.js copies ${pair[1]} as ${pair[0]}`);
  });
});
