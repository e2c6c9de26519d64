// Checks a parsed `.promptcost.json` against the same rules as schemas/promptcost.schema.json (a unit test runs
// both over the same examples so they cannot drift). Invalid parts are dropped, valid parts kept, and every problem
// is reported with its JSON path.

import type { PathRule, PriceOverride, PromptCostConfigFile, RuleSetting } from './types';
import { childPath, type JsonValue } from './jsonWithPositions';
import { levenshtein } from '../pricing/levenshtein';

export interface ConfigProblem {
  /** JSON path of the offending value, e.g. `.paths[1].callsPerMonth` ('' for the whole file). */
  path: string;
  message: string;
  /** true when the problem is the key itself (unknown key), so the key's position is the one to show. */
  atKey?: boolean;
}

type Obj = { [key: string]: JsonValue };

const RULE_SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'info', 'hint', 'off'];

/** Number checks, each with the phrase that ends "must be …". */
const NUMBER_KINDS = {
  positive: { ok: (n: number) => n > 0, phrase: 'a positive number' },
  nonNegative: { ok: (n: number) => n >= 0, phrase: 'a number ≥ 0' },
  positiveInteger: { ok: (n: number) => Number.isInteger(n) && n >= 1, phrase: 'a positive integer' },
  nonNegativeInteger: { ok: (n: number) => Number.isInteger(n) && n >= 0, phrase: 'an integer ≥ 0' },
} as const;
type NumberKind = keyof typeof NUMBER_KINDS;

/** Top-level number settings and their kind. */
const TOP_NUMBERS: Readonly<Record<string, NumberKind>> = {
  callsPerMonth: 'positive',
  expectedOutputTokens: 'nonNegativeInteger',
  placeholderTokens: 'nonNegativeInteger',
  defaultOutputCap: 'positiveInteger',
  maxFileBytes: 'positiveInteger',
};

/** The compression passes a config may turn off (src/core/compress/passes). */
export const COMPRESSION_PASSES = ['whitespace', 'markdown', 'json', 'filler', 'wordy', 'duplicates'] as const;

export const TOP_LEVEL_KEYS: readonly (keyof PromptCostConfigFile)[] = [
  '$schema', 'callsPerMonth', 'expectedOutputTokens', 'placeholderTokens', 'defaultOutputCap', 'paths', 'budgets',
  'prices', 'modelAliases', 'rules', 'ignore', 'maxFileBytes', 'compression',
];

function isObject(v: JsonValue | undefined): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typeName(v: JsonValue): string {
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** Non-empty text: at least one non-space character. */
function isText(v: JsonValue | undefined): v is string {
  return typeof v === 'string' && /\S/.test(v);
}

export function validateConfig(value: JsonValue): { config: PromptCostConfigFile; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const config: PromptCostConfigFile = {};
  if (!isObject(value)) {
    problems.push({ path: '', message: `the file must hold a JSON object ({ … }), not ${typeName(value)}` });
    return { config, problems };
  }
  const num = (v: JsonValue, path: string, kind: NumberKind): number | undefined => {
    if (typeof v === 'number' && NUMBER_KINDS[kind].ok(v)) return v;
    problems.push({ path, message: `\`${path}\` must be ${NUMBER_KINDS[kind].phrase}${typeof v === 'number' ? '' : `, not ${typeName(v)}`}` });
    return undefined;
  };
  const unknownKey = (path: string, key: string, known: readonly string[]) => {
    const near = known.filter((k) => levenshtein(k.toLowerCase(), key.toLowerCase()) <= Math.max(2, Math.floor(k.length / 4)));
    const hint = near.length ? ` (did you mean \`${near[0]}\`?)` : '';
    problems.push({ path: childPath(path, key), message: `\`${childPath(path, key)}\` is not a known setting${hint}`, atKey: true });
  };
  const stringMap = (v: JsonValue, path: string, check: (s: JsonValue, p: string) => boolean): Record<string, JsonValue> | undefined => {
    if (!isObject(v)) {
      problems.push({ path, message: `\`${path}\` must be an object, not ${typeName(v)}` });
      return undefined;
    }
    const out: Record<string, JsonValue> = {};
    for (const [k, item] of Object.entries(v)) if (check(item, childPath(path, k))) out[k] = item;
    return out;
  };

  for (const [key, v] of Object.entries(value)) {
    const path = childPath('', key);
    if (key in TOP_NUMBERS) {
      const n = num(v, path, TOP_NUMBERS[key]);
      if (n !== undefined) (config as Record<string, number>)[key] = n;
      continue;
    }
    switch (key) {
      case '$schema':
        if (typeof v === 'string') config.$schema = v;
        else problems.push({ path, message: `\`${path}\` must be a string` });
        break;
      case 'paths':
        if (!Array.isArray(v)) {
          problems.push({ path, message: `\`${path}\` must be an array of { "glob": …, "callsPerMonth": … } entries` });
          break;
        }
        config.paths = [];
        v.forEach((item, index) => {
          const p = childPath(path, index);
          const rule = pathRule(item, p);
          if (rule) config.paths!.push(rule);
        });
        break;
      case 'budgets': {
        if (!isObject(v)) {
          problems.push({ path, message: `\`${path}\` must be an object, not ${typeName(v)}` });
          break;
        }
        const budgets: NonNullable<PromptCostConfigFile['budgets']> = {};
        for (const [k, b] of Object.entries(v)) {
          if (k !== 'monthly' && k !== 'perFile' && k !== 'perCall') unknownKey(path, k, ['monthly', 'perFile', 'perCall']);
          else {
            const n = num(b, childPath(path, k), 'nonNegative');
            if (n !== undefined) budgets[k] = n;
          }
        }
        config.budgets = budgets;
        break;
      }
      case 'prices': {
        if (!isObject(v)) {
          problems.push({ path, message: `\`${path}\` must be an object of model name → { "input": …, "output": … }` });
          break;
        }
        config.prices = {};
        for (const [k, item] of Object.entries(v)) {
          const o = priceOverride(item, childPath(path, k));
          if (o) config.prices[k] = o;
        }
        break;
      }
      case 'modelAliases': {
        const m = stringMap(v, path, (item, p) => {
          if (isText(item)) return true;
          problems.push({ path: p, message: `\`${p}\` must be a model name (a non-empty string)` });
          return false;
        });
        if (m) config.modelAliases = m as Record<string, string>;
        break;
      }
      case 'rules': {
        const m = stringMap(v, path, (item, p) => {
          if (typeof item === 'string' && (RULE_SETTINGS as readonly string[]).includes(item)) return true;
          problems.push({ path: p, message: `\`${p}\` must be one of ${RULE_SETTINGS.map((s) => `"${s}"`).join(', ')}` });
          return false;
        });
        if (m) config.rules = m as Record<string, RuleSetting>;
        break;
      }
      case 'ignore':
        if (!Array.isArray(v)) {
          problems.push({ path, message: `\`${path}\` must be an array of glob strings` });
          break;
        }
        config.ignore = v.filter((g, index): g is string => {
          if (isText(g)) return true;
          problems.push({ path: childPath(path, index), message: `\`${childPath(path, index)}\` must be a glob (a non-empty string)` });
          return false;
        });
        break;
      case 'compression': {
        if (!isObject(v)) {
          problems.push({ path, message: `\`${path}\` must be an object, not ${typeName(v)}` });
          break;
        }
        const c: NonNullable<PromptCostConfigFile['compression']> = {};
        for (const [k, item] of Object.entries(v)) {
          const p = childPath(path, k);
          if (k === 'level') {
            if (item === 'safe' || item === 'aggressive') c.level = item;
            else problems.push({ path: p, message: `\`${p}\` must be "safe" or "aggressive"` });
          } else if (k === 'minSavingShare') {
            if (typeof item === 'number' && item >= 0 && item <= 1) c.minSavingShare = item;
            else problems.push({ path: p, message: `\`${p}\` must be a number from 0 to 1` });
          } else if (k === 'minSavedTokens') {
            const n = num(item, p, 'nonNegative');
            if (n !== undefined) c.minSavedTokens = n;
          } else if (k === 'disabledPasses') {
            if (Array.isArray(item) && item.every((x) => typeof x === 'string' && (COMPRESSION_PASSES as readonly string[]).includes(x))) c.disabledPasses = item as string[];
            else problems.push({ path: p, message: `\`${p}\` must be an array of pass names: ${COMPRESSION_PASSES.join(', ')}` });
          } else unknownKey(path, k, ['level', 'minSavingShare', 'minSavedTokens', 'disabledPasses']);
        }
        config.compression = c;
        break;
      }
      default:
        unknownKey('', key, TOP_LEVEL_KEYS);
    }
  }
  return { config, problems };

  function pathRule(item: JsonValue, p: string): PathRule | undefined {
    if (!isObject(item)) {
      problems.push({ path: p, message: `\`${p}\` must be an object like { "glob": "src/jobs/**", "callsPerMonth": 20000 }` });
      return undefined;
    }
    let ok = true;
    const rule: Partial<PathRule> = {};
    for (const [k, f] of Object.entries(item)) {
      const fp = childPath(p, k);
      if (k === 'glob') {
        if (isText(f)) rule.glob = f;
        else {
          problems.push({ path: fp, message: `\`${fp}\` must be a glob (a non-empty string)` });
          ok = false;
        }
      } else if (k === 'callsPerMonth' || k === 'maxMonthlyCost') {
        const n = num(f, fp, k === 'callsPerMonth' ? 'positive' : 'nonNegative');
        if (n !== undefined) rule[k] = n;
      } else {
        unknownKey(p, k, ['glob', 'callsPerMonth', 'maxMonthlyCost']);
      }
    }
    if (!('glob' in item)) problems.push({ path: p, message: `\`${p}\` needs a "glob"` });
    return ok && rule.glob !== undefined ? (rule as PathRule) : undefined;
  }

  /** The override when `input` and `output` are usable (a bad optional field is dropped alone). */
  function priceOverride(item: JsonValue, p: string): PriceOverride | undefined {
    const report = (x: ConfigProblem) => problems.push(x);
    if (!isObject(item)) {
      report({ path: p, message: `\`${p}\` must be an object like { "input": 2.5, "output": 10 } (USD per million tokens)` });
      return undefined;
    }
    const out: Partial<PriceOverride> = {};
    let ok = true;
    for (const [k, f] of Object.entries(item)) {
      const fp = childPath(p, k);
      const kind: NumberKind | undefined =
        k === 'input' || k === 'output' || k === 'cachedInput' ? 'nonNegative' : k === 'contextWindow' || k === 'maxOutputTokens' ? 'positiveInteger' : undefined;
      if (!kind) {
        unknownKey(p, k, ['input', 'output', 'cachedInput', 'contextWindow', 'maxOutputTokens']);
        continue;
      }
      if (typeof f === 'number' && NUMBER_KINDS[kind].ok(f)) out[k as keyof PriceOverride] = f;
      else {
        report({ path: fp, message: `\`${fp}\` must be ${NUMBER_KINDS[kind].phrase}` });
        if (k === 'input' || k === 'output') ok = false;
      }
    }
    for (const required of ['input', 'output'] as const) {
      if (!(required in item)) {
        report({ path: p, message: `\`${p}\` needs "${required}" (USD per million tokens)` });
        ok = false;
      }
    }
    return ok ? (out as PriceOverride) : undefined;
  }
}
