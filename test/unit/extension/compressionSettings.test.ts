// The promptCost.compression.* settings feed the engine's `compression` section as a layer below .promptcost.json;
// the model-rewrite settings are the editor's own (and never carry the API key).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULTS } from '../../../src/core/config/defaults';
import { resolveConfig } from '../../../src/core/config/load';
import { COMPRESSION_PASSES } from '../../../src/core/config/validate';
import { COMPRESSION_LAYER_KEYS, SETTING_DEFAULTS, readEditorSettings, settingsConfigLayers } from '../../../src/extension/settingsModel';

const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../package.json'), 'utf8'));
const properties: Record<string, { default: unknown; scope?: string; items?: { enum?: string[] }; enum?: string[] }> =
  pkg.contributes.configuration.properties;

describe('compression settings', () => {
  it('default to the engine\'s own compression defaults', () => {
    for (const [field, key] of Object.entries(COMPRESSION_LAYER_KEYS)) {
      assert.deepStrictEqual(SETTING_DEFAULTS[key], DEFAULTS.compression[field as keyof typeof DEFAULTS.compression], key);
    }
  });

  it('offer exactly the passes and levels the engine knows', () => {
    assert.deepStrictEqual(properties['promptCost.compression.disabledPasses'].items?.enum, [...COMPRESSION_PASSES]);
    assert.deepStrictEqual(properties['promptCost.compression.level'].enum, ['safe', 'aggressive']);
  });

  it('become one layer per setting, merged field by field, below .promptcost.json', () => {
    const raw: Record<string, unknown> = {
      'promptCost.compression.level': 'aggressive',
      'promptCost.compression.disabledPasses': ['duplicates'],
      'promptCost.compression.minSavingShare': 1.5,
    };
    const { layers, problems } = settingsConfigLayers((k) => raw[k]);
    assert.deepStrictEqual(layers.map((l) => l.origin),
      ['setting promptCost.compression.level', 'setting promptCost.compression.disabledPasses']);
    assert.ok(problems.some((p) => p.startsWith('promptCost.compression.minSavingShare:')), problems.join('\n'));
    const fromSettings = resolveConfig(layers, '');
    assert.deepStrictEqual(fromSettings.compression,
      { ...DEFAULTS.compression, level: 'aggressive', disabledPasses: ['duplicates'] });
    // .promptcost.json comes after the settings layers and wins for the fields it sets.
    const withFile = resolveConfig([...layers, { values: { compression: { level: 'safe' } }, origin: '.promptcost.json' }], '');
    assert.strictEqual(withFile.compression.level, 'safe');
    assert.deepStrictEqual(withFile.compression.disabledPasses, ['duplicates']);
  });

  it('rejects an unknown pass name like .promptcost.json does', () => {
    const { layers, problems } = settingsConfigLayers((k) => (k === 'promptCost.compression.disabledPasses' ? ['fluff'] : undefined));
    assert.ok(problems.length > 0);
    assert.ok(!layers.some((l) => (l.values.compression?.disabledPasses ?? []).includes('fluff')));
  });

  it('keep the model-rewrite endpoint out of workspace settings, and no key setting at all', () => {
    for (const key of ['enabled', 'baseURL', 'model', 'timeoutMs']) {
      assert.strictEqual(properties[`promptCost.modelRewrite.${key}`].scope, 'application', key);
    }
    assert.deepStrictEqual(Object.keys(properties).filter((k) => /api.?key|secret|password|credential/i.test(k)), [],
      'no setting holds a credential');
  });

  it('normalise the editor-side values', () => {
    const raw: Record<string, unknown> = {
      'promptCost.outputLength.sentences': -2, 'promptCost.modelRewrite.enabled': 'yes',
      'promptCost.modelRewrite.baseURL': '  http://127.0.0.1:8080/v1 ', 'promptCost.modelRewrite.timeoutMs': 0,
    };
    const s = readEditorSettings((k) => raw[k]);
    assert.strictEqual(s.outputLengthSentences, SETTING_DEFAULTS['promptCost.outputLength.sentences']);
    assert.deepStrictEqual(s.modelRewrite, {
      enabled: false, baseURL: 'http://127.0.0.1:8080/v1', model: '',
      timeoutMs: SETTING_DEFAULTS['promptCost.modelRewrite.timeoutMs'],
    });
  });
});
