// package.json's contributed settings and the extension's defaults must say the same thing.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULTS } from '../../../src/core/config/defaults';
import { resolveConfig } from '../../../src/core/config/load';
import { CONFIG_LAYER_KEYS, SETTING_DEFAULTS, readEditorSettings, settingsConfigLayers, type SettingKey } from '../../../src/extension/settingsModel';

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

  it('documents every setting and command in docs/editor.md', () => {
    const doc = fs.readFileSync(path.join(__dirname, '../../../../docs/editor.md'), 'utf8');
    for (const key of Object.keys(properties)) assert.ok(doc.includes(`\`${key}\``), `${key} in docs/editor.md`);
    const palette = new Set((pkg.contributes.menus.commandPalette as { command: string; when?: string }[])
      .filter((m) => m.when === 'false').map((m) => m.command));
    for (const c of pkg.contributes.commands as { command: string; title: string; category: string }[]) {
      assert.strictEqual(c.category, 'Prompt Cost', c.command);
      if (!palette.has(c.command)) assert.ok(doc.includes(c.title), `command "${c.title}" in docs/editor.md`);
    }
  });

  it('gives every setting a scope and a markdown description', () => {
    for (const [key, p] of Object.entries(properties)) {
      assert.ok(['application', 'machine', 'machine-overridable', 'window', 'resource', 'language-overridable'].includes(p.scope ?? ''), `${key} scope`);
      assert.ok((p.markdownDescription ?? '').length > 20, `${key} markdownDescription`);
    }
  });

  it("keeps the engine-side defaults equal to the engine's own", () => {
    const engine = DEFAULTS as unknown as Record<string, unknown>;
    for (const [field, key] of Object.entries(CONFIG_LAYER_KEYS)) {
      const mine = SETTING_DEFAULTS[key as SettingKey];
      // Maps and lists: unset means empty on both sides.
      if (typeof mine === 'object') {
        assert.strictEqual(Object.keys(mine).length, 0, key);
        continue;
      }
      assert.deepStrictEqual(mine, engine[field], `${key} vs DEFAULTS.${field}`);
    }
  });

  it('normalises bad values to the defaults', () => {
    const raw: Record<string, unknown> = {
      'promptCost.enable': 'yes', 'promptCost.analysisDelay': -5, 'promptCost.display.inlineTokens': 'sideways',
      'promptCost.languages': ['python', 3, ''], 'promptCost.scan.maxFiles': Number.NaN,
    };
    const s = readEditorSettings((k) => raw[k]);
    assert.strictEqual(s.enable, SETTING_DEFAULTS['promptCost.enable']);
    assert.strictEqual(s.analysisDelay, SETTING_DEFAULTS['promptCost.analysisDelay']);
    assert.strictEqual(s.display.inlineTokens, SETTING_DEFAULTS['promptCost.display.inlineTokens']);
    assert.deepStrictEqual(s.languages, ['python']);
    assert.strictEqual(s.scanMaxFiles, SETTING_DEFAULTS['promptCost.scan.maxFiles']);
  });

  it('builds one layer per explicitly set setting, validated like .promptcost.json', () => {
    assert.deepStrictEqual(settingsConfigLayers(() => undefined), { layers: [], problems: [] });
    const raw: Record<string, unknown> = {
      'promptCost.callsPerMonth': 30000,
      'promptCost.placeholderTokens': -1,
      'promptCost.prices': { good: { input: 1, output: 2, cachedInput: 0.5 }, bad: { input: 'x', output: 1 } },
      'promptCost.rules': { 'missing-output-cap': 'error', 'unknown-model': 'loud' },
    };
    const { layers, problems } = settingsConfigLayers((k) => raw[k]);
    assert.deepStrictEqual(layers.map((l) => l.origin),
      ['setting promptCost.callsPerMonth', 'setting promptCost.prices', 'setting promptCost.rules']);
    assert.ok(problems.some((p) => p.startsWith('promptCost.placeholderTokens:')), problems.join('\n'));
    assert.ok(problems.some((p) => p.startsWith('promptCost.prices:')), problems.join('\n'));
    const resolved = resolveConfig(layers, '');
    assert.strictEqual(resolved.callsPerMonth, 30000);
    assert.strictEqual(resolved.placeholderTokens, DEFAULTS.placeholderTokens);
    assert.deepStrictEqual(Object.keys(resolved.prices), ['good']);
    assert.deepStrictEqual(resolved.rules, { 'missing-output-cap': 'error' });
    assert.strictEqual(resolved.origins.callsPerMonth, 'setting promptCost.callsPerMonth');
  });
});
