import * as assert from 'assert';
import { parseConfigFile } from '../../../src/core/config/load';
import { parseJsonWithPositions } from '../../../src/core/config/jsonWithPositions';

const F = '.promptcost.json';

describe('config/parseConfigFile', () => {
  it('reads a valid file unchanged and without errors', () => {
    const text = JSON.stringify({
      $schema: './node_modules/prompt-cost-lint/schemas/promptcost.schema.json',
      callsPerMonth: 30000,
      expectedOutputTokens: 300,
      placeholderTokens: 20,
      defaultOutputCap: 800,
      paths: [{ glob: 'src/jobs/**', callsPerMonth: 200000, maxMonthlyCost: 50 }, { glob: '*.test.py', callsPerMonth: 1 }],
      budgets: { monthly: 1000, perFile: 100, perCall: 20 },
      prices: { 'gpt-4o': { input: 2, output: 8, cachedInput: 1, contextWindow: 128000, maxOutputTokens: 16384 } },
      modelAliases: { 'prod-gpt4o': 'gpt-4o' },
      rules: { 'missing-output-cap': 'error', 'context-overflow': 'off' },
      ignore: ['vendor/**'],
      maxFileBytes: 500000,
    }, null, 2);
    const { config, errors } = parseConfigFile(text, F);
    assert.deepStrictEqual(errors, []);
    assert.deepStrictEqual(config, JSON.parse(text));
  });

  it('reports JSON syntax errors with line:column and yields an empty config', () => {
    const cases: [string, string, RegExp][] = [
      ['{\n  "callsPerMonth": 5,\n}', '3:1', /trailing comma/],
      ['{\n  "callsPerMonth" 5\n}', '2:19', /expected ':'/],
      ['{\n  "a": 1\n  "b": 2\n}', '3:3', /expected ',' or '}'/],
      ['', '1:1', /unexpected end of file/],
      ['{"callsPerMonth": tru}', '1:19', /unexpected 't'/],
      ['{\n  // comment\n  "callsPerMonth": 1\n}', '2:3', /comments are not allowed/],
      ['{"x": "unterminated}', '1:7', /unterminated string/],
      ['{"a": 1} extra', '1:10', /after the JSON value/],
      ["{'callsPerMonth': 1}", '1:2', /double quotes/],
      ['{"callsPerMonth": 01}', '1:20', /expected ',' or '}'/],
    ];
    for (const [text, at, message] of cases) {
      const { config, errors } = parseConfigFile(text, F);
      assert.deepStrictEqual(config, {}, text);
      assert.strictEqual(errors.length, 1, text);
      assert.ok(errors[0].startsWith(`${F}:${at}: invalid JSON: `), `${JSON.stringify(text)} → ${errors[0]}`);
      assert.match(errors[0], message);
    }
  });

  it('reports wrong types, negative numbers and unknown keys by JSON path and position, keeping what is valid', () => {
    const text = [
      '{',
      '  "callsPerMonth": -5,',
      '  "expectedOutputTokens": 250,',
      '  "paths": [',
      '    { "glob": "src/**", "callsPerMonth": 100 },',
      '    { "glob": "jobs/**", "callsPerMonth": "lots" },',
      '    { "callsPerMonth": 3 }',
      '  ],',
      '  "budgets": { "monthly": -1, "perFile": 10, "weekly": 3 },',
      '  "prices": { "gpt-4o": { "input": 2 }, "mine": { "input": 1, "output": 2, "cachedInput": -1 } },',
      '  "rules": { "missing-output-cap": "fatal", "unknown-model": "warning" },',
      '  "modelAliases": { "a": "", "b": "gpt-4o" },',
      '  "ignore": ["dist/**", 3],',
      '  "callsPerMonht": 7,',
      '  "maxFileBytes": 1.5',
      '}',
    ].join('\n');
    const { config, errors } = parseConfigFile(text, F);
    const expected = [
      `${F}:2:20: \`.callsPerMonth\` must be a positive number`,
      `${F}:6:43: \`.paths[1].callsPerMonth\` must be a positive number, not a string`,
      `${F}:7:5: \`.paths[2]\` needs a "glob"`,
      `${F}:9:27: \`.budgets.monthly\` must be a number ≥ 0`,
      `${F}:9:46: \`.budgets.weekly\` is not a known setting`,
      `${F}:10:25: \`.prices["gpt-4o"]\` needs "output" (USD per million tokens)`,
      `${F}:10:91: \`.prices.mine.cachedInput\` must be a number ≥ 0`,
      `${F}:11:36: \`.rules["missing-output-cap"]\` must be one of "error", "warning", "info", "hint", "off"`,
      `${F}:12:26: \`.modelAliases.a\` must be a model name (a non-empty string)`,
      `${F}:13:25: \`.ignore[1]\` must be a glob (a non-empty string)`,
      `${F}:14:3: \`.callsPerMonht\` is not a known setting (did you mean \`callsPerMonth\`?)`,
      `${F}:15:19: \`.maxFileBytes\` must be a positive integer`,
    ];
    assert.deepStrictEqual(errors, expected);
    // The valid parts survive.
    assert.deepStrictEqual(config, {
      expectedOutputTokens: 250,
      paths: [{ glob: 'src/**', callsPerMonth: 100 }, { glob: 'jobs/**' }],
      budgets: { perFile: 10 },
      prices: { mine: { input: 1, output: 2 } },
      rules: { 'unknown-model': 'warning' },
      modelAliases: { b: 'gpt-4o' },
      ignore: ['dist/**'],
    });
  });

  it('reports a file that is not an object', () => {
    for (const text of ['[]', '42', '"x"', 'null']) {
      const { config, errors } = parseConfigFile(text, F);
      assert.deepStrictEqual(config, {});
      assert.match(errors[0], /^\.promptcost\.json:1:1: the file must hold a JSON object/);
    }
  });

  it('accepts a byte-order mark and CRLF line endings', () => {
    const { config, errors } = parseConfigFile('\ufeff{\r\n  "callsPerMonth": 12\r\n}\r\n', F);
    assert.deepStrictEqual(errors, []);
    assert.deepStrictEqual(config, { callsPerMonth: 12 });
  });

  it('never throws, whatever the bytes', () => {
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const pieces = ['{', '}', '[', ']', '"', ':', ',', ' ', '\n', 'callsPerMonth', 'paths', '1', '-', 'e', '.', 'null', 'true', '\\', 'u', '\u0000', '\ud800', '__proto__'];
    for (let i = 0; i < 2000; i++) {
      let text = '';
      for (let k = Math.floor(next() * 40); k > 0; k--) text += pieces[Math.floor(next() * pieces.length)];
      assert.doesNotThrow(() => parseConfigFile(text, F), JSON.stringify(text));
    }
    const deep = '['.repeat(100_000);
    assert.match(parseConfigFile(deep, F).errors[0], /nesting too deep/);
  });

  it('parses JSON exactly as JSON.parse does', () => {
    const samples = ['{"a":[1,-2.5e3,0.5,true,false,null,"x\\n\\u00e9\\/\\"\\\\"],"b":{}}', '  [ ]  ', '"\\ud83d\\ude00"', '{"__proto__": 1}'];
    for (const s of samples) {
      const r = parseJsonWithPositions(s);
      assert.ok(r.ok);
      assert.deepStrictEqual(r.value, JSON.parse(s));
    }
    const proto = parseJsonWithPositions('{"__proto__": {"polluted": true}}');
    assert.ok(proto.ok && Object.getPrototypeOf(proto.value) === Object.prototype);
    assert.strictEqual(({} as Record<string, unknown>).polluted, undefined);
  });
});
