// package.json's contributed settings and the extension's defaults must say the same thing.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CONFIG_LAYER_KEYS, SETTING_DEFAULTS, readEditorSettings, settingsConfigLayer, type SettingKey } from '../../../src/extension/settingsModel';

const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../package.json'), 'utf8'));
const properties: Record<string, { default: unknown; scope?: string; markdownDescription?: string; enum?: unknown[] }> =
  pkg.contributes.configuration.properties;

describe('extension settings', () => {
  it('declares exactly the settings the extension reads, with the same defaults', () => {
    assert.deepStrictEqual(Object.keys(properties).sort(), Object.keys(SETTING_DEFAULTS).sort());
    for (const [key, value] of Object.entries(SETTING_DEFAULTS)) {
      assert.deepStrictEqual(properties[key].default, value, key);
    }
  });

  it('gives every setting a scope and a markdown description', () => {
    for (const [key, p] of Object.entries(properties)) {
      assert.ok(['application', 'machine', 'machine-overridable', 'window', 'resource', 'language-overridable'].includes(p.scope ?? ''), `${key} scope`);
      assert.ok((p.markdownDescription ?? '').length > 20, `${key} markdownDescription`);
    }
  });

  it('keeps the engine-side defaults equal to the engine\'s own', () => {
    let DEFAULTS: Record<string, unknown> | undefined;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      DEFAULTS = require('../../../src/core/config/load').DEFAULTS;
    } catch {
      DEFAULTS = undefined;
    }
    if (!DEFAULTS) return;
    for (const [field, key] of Object.entries(CONFIG_LAYER_KEYS)) {
      if (!(field in DEFAULTS)) continue;
      const engine: unknown = DEFAULTS[field];
      const mine = SETTING_DEFAULTS[key as SettingKey];
      // The engine resolves empty maps/lists the same way an unset setting does.
      if (Array.isArray(mine) && mine.length === 0) continue;
      if (typeof mine === 'object' && mine !== null && Object.keys(mine).length === 0) continue;
      assert.deepStrictEqual(mine, engine, `${key} vs DEFAULTS.${field}`);
    }
  });

  it('normalises bad values to the defaults', () => {
    const raw: Record<string, unknown> = {
      'promptCost.enable': 'yes', 'promptCost.analysisDelay': -5, 'promptCost.display.inlineTokens': 'sideways',
      'promptCost.languages': ['python', 3, ''], 'promptCost.maxFileBytes': Number.NaN,
    };
    const s = readEditorSettings((k) => raw[k]);
    assert.strictEqual(s.enable, SETTING_DEFAULTS['promptCost.enable']);
    assert.strictEqual(s.analysisDelay, SETTING_DEFAULTS['promptCost.analysisDelay']);
    assert.strictEqual(s.display.inlineTokens, SETTING_DEFAULTS['promptCost.display.inlineTokens']);
    assert.deepStrictEqual(s.languages, ['python']);
    assert.strictEqual(s.maxFileBytes, SETTING_DEFAULTS['promptCost.maxFileBytes']);
  });

  it('builds the config layer from explicit values only, dropping invalid ones', () => {
    assert.deepStrictEqual(settingsConfigLayer(() => undefined), {});
    const raw: Record<string, unknown> = {
      'promptCost.callsPerMonth': 30000,
      'promptCost.placeholderTokens': -1,
      'promptCost.defaultOutputCap': 399.6,
      'promptCost.prices': { good: { input: 1, output: 2, cachedInput: 0.5 }, bad: { input: 'x', output: 1 } },
      'promptCost.rules': { 'missing-output-cap': 'error', other: 'loud' },
      'promptCost.budgets': { perCall: 5, monthly: -1 },
    };
    assert.deepStrictEqual(settingsConfigLayer((k) => raw[k]), {
      callsPerMonth: 30000,
      defaultOutputCap: 400,
      prices: { good: { input: 1, output: 2, cachedInput: 0.5 } },
      rules: { 'missing-output-cap': 'error' },
      budgets: { perCall: 5 },
    });
  });
});
