import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { parseConfigFile } from '../../../src/core/config/load';
import { TOP_LEVEL_KEYS } from '../../../src/core/config/validate';

const SCHEMA_PATH = path.resolve(__dirname, '../../../../schemas/promptcost.schema.json');

// Each example is checked by the JSON schema (as VS Code does) and by parseConfigFile (as the engine does):
// both must call it valid, or both invalid.
const GOOD: unknown[] = [
  {},
  { $schema: './schemas/promptcost.schema.json' },
  { callsPerMonth: 0.5 },
  { callsPerMonth: 1e9, expectedOutputTokens: 0, placeholderTokens: 0, defaultOutputCap: 1, maxFileBytes: 1 },
  { paths: [] },
  { paths: [{ glob: 'src/**' }, { glob: '*.py', callsPerMonth: 10, maxMonthlyCost: 0 }] },
  { budgets: {} },
  { budgets: { monthly: 0, perFile: 12.5, perCall: 1 } },
  { compression: {} },
  { compression: { level: 'aggressive', minSavingShare: 0.25, minSavedTokens: 0, disabledPasses: ['json', 'markdown'] } },
  { prices: { 'gpt-4o': { input: 0, output: 0 } } },
  { prices: { 'openai:my-ft': { input: 1, output: 2, cachedInput: 0.5, contextWindow: 8192, maxOutputTokens: 4096 } } },
  { modelAliases: { 'prod-4o': 'gpt-4o', x: ' y ' } },
  { rules: { 'missing-output-cap': 'error', a: 'warning', b: 'info', c: 'hint', d: 'off' } },
  { ignore: [] },
  { ignore: ['dist/**', 'a'] },
];

const BAD: unknown[] = [
  [],
  42,
  'text',
  null,
  { callsPerMonth: 0 },
  { callsPerMonth: -1 },
  { callsPerMonth: '1000' },
  { expectedOutputTokens: -1 },
  { expectedOutputTokens: 1.5 },
  { placeholderTokens: null },
  { defaultOutputCap: 0 },
  { maxFileBytes: 2.5 },
  { compression: { level: 'max' } },
  { compression: { minSavingShare: 1.5 } },
  { compression: { disabledPasses: ['spelling'] } },
  { compression: { minSavedTokens: -1 } },
  { compression: { extra: 1 } },
  { compression: 'safe' },
  { unknownSetting: true },
  { $schema: 3 },
  { paths: {} },
  { paths: [{}] },
  { paths: [{ glob: '' }] },
  { paths: [{ glob: '   ' }] },
  { paths: [{ glob: 3 }] },
  { paths: [{ glob: 'a', callsPerMonth: 0 }] },
  { paths: [{ glob: 'a', maxMonthlyCost: -0.01 }] },
  { paths: [{ glob: 'a', extra: 1 }] },
  { paths: ['src/**'] },
  { budgets: { monthly: -5 } },
  { budgets: { yearly: 5 } },
  { budgets: [] },
  { prices: { m: { input: 1 } } },
  { prices: { m: { output: 1 } } },
  { prices: { m: { input: -1, output: 1 } } },
  { prices: { m: { input: 1, output: 1, contextWindow: 0 } } },
  { prices: { m: { input: 1, output: 1, maxOutputTokens: 10.5 } } },
  { prices: { m: { input: 1, output: 1, tiers: [] } } },
  { prices: { m: 5 } },
  { prices: [] },
  { modelAliases: { a: '' } },
  { modelAliases: { a: 4 } },
  { modelAliases: 'gpt-4o' },
  { rules: { r: 'fatal' } },
  { rules: { r: true } },
  { rules: [] },
  { ignore: 'dist/**' },
  { ignore: [''] },
  { ignore: [null] },
];

describe('config/schema and parseConfigFile agree', () => {
  const schema = JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8'));
  const ajv = new Ajv({ allErrors: true });
  ajv.addKeyword('markdownDescription');
  const validate = ajv.compile(schema);

  it('is a draft-07 schema whose top-level keys are exactly the validator’s', () => {
    assert.strictEqual(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.deepStrictEqual(Object.keys(schema.properties).sort(), [...TOP_LEVEL_KEYS].sort());
    for (const [key, prop] of Object.entries<Record<string, unknown>>(schema.properties)) {
      assert.ok(typeof prop.description === 'string', `${key} has a description`);
    }
  });

  for (const [label, examples, valid] of [['valid', GOOD, true], ['invalid', BAD, false]] as const) {
    it(`both call every ${label} example ${label}`, () => {
      for (const example of examples) {
        const text = JSON.stringify(example, null, 2);
        const bySchema = validate(example) as boolean;
        const { errors } = parseConfigFile(text, '.promptcost.json');
        assert.strictEqual(bySchema, valid, `schema on ${text}: ${JSON.stringify(validate.errors)}`);
        assert.strictEqual(errors.length === 0, valid, `parseConfigFile on ${text}: ${errors.join('; ')}`);
      }
    });
  }

  it('keeps the defaults the schema documents in step with DEFAULTS', () => {
    const { DEFAULTS } = require('../../../src/core/config/defaults');
    for (const [key, prop] of Object.entries<{ default?: unknown }>(schema.properties)) {
      if ('default' in prop) assert.strictEqual(prop.default, DEFAULTS[key], key);
    }
  });
});
