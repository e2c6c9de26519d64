import * as assert from 'assert';
import { DEFAULTS } from '../../../src/core/config/defaults';
import { resolveConfig } from '../../../src/core/config/load';
import { callsPerMonthFor, configRelativePath, fileBudget, fileBudgetDetail, isIgnored } from '../../../src/core/config/paths';

describe('config/resolveConfig', () => {
  it('starts from the documented defaults', () => {
    const c = resolveConfig([], '/repo');
    assert.deepStrictEqual(
      [c.callsPerMonth, c.expectedOutputTokens, c.placeholderTokens, c.defaultOutputCap, c.maxFileBytes],
      [1000, 500, 50, 1024, 1024 * 1024],
    );
    assert.deepStrictEqual([c.paths, c.ignore, c.rules, c.prices, c.modelAliases, c.origins], [[], [], {}, {}, {}, {}]);
    assert.deepStrictEqual(c.budgets, { monthly: null, perFile: null, perCall: null });
    assert.strictEqual(c.root, '/repo');
  });

  it('lets later layers win and records where each value came from', () => {
    const c = resolveConfig(
      [
        { values: { callsPerMonth: 10, expectedOutputTokens: 100, rules: { a: 'error', b: 'info' }, budgets: { monthly: 5 } }, origin: 'VS Code settings' },
        { values: { callsPerMonth: 20, rules: { b: 'off' }, prices: { x: { input: 1, output: 2 } }, budgets: { perFile: 1 } }, origin: '.promptcost.json' },
        { values: { callsPerMonth: 30 }, origin: '--calls-per-month' },
      ],
      'C:\\work\\repo\\',
    );
    assert.strictEqual(c.callsPerMonth, 30);
    assert.strictEqual(c.expectedOutputTokens, 100);
    assert.deepStrictEqual(c.rules, { a: 'error', b: 'off' });
    assert.deepStrictEqual(c.budgets, { monthly: 5, perFile: 1, perCall: null });
    assert.deepStrictEqual(c.origins, {
      callsPerMonth: '--calls-per-month', expectedOutputTokens: 'VS Code settings', rules: '.promptcost.json',
      budgets: '.promptcost.json', prices: '.promptcost.json',
    });
    assert.strictEqual(c.pricesSource, '.promptcost.json');
    assert.strictEqual(c.root, 'C:/work/repo');
  });

  it('concatenates paths and ignore globs in layer order, and never shares arrays with its inputs or DEFAULTS', () => {
    const settings = { values: { paths: [{ glob: 'src/**', callsPerMonth: 5 }], ignore: ['a/**'] }, origin: 'settings' };
    const file = { values: { paths: [{ glob: 'src/jobs/**', callsPerMonth: 7 }], ignore: ['b/**'] }, origin: 'file' };
    const c = resolveConfig([settings, file], '/r');
    assert.deepStrictEqual(c.paths.map((p) => p.glob), ['src/**', 'src/jobs/**']);
    assert.deepStrictEqual(c.ignore, ['a/**', 'b/**']);
    c.paths[0].callsPerMonth = 99;
    c.ignore.push('z');
    assert.strictEqual(settings.values.paths[0].callsPerMonth, 5);
    assert.deepStrictEqual(DEFAULTS.ignore, []);
    assert.deepStrictEqual(resolveConfig([], '/r').ignore, []);
  });

  it('joins price sources when several layers set prices', () => {
    const c = resolveConfig(
      [
        { values: { prices: { a: { input: 1, output: 1 } } }, origin: 'setting promptCost.prices' },
        { values: { prices: { b: { input: 2, output: 2 } } }, origin: '.promptcost.json' },
      ],
      '',
    );
    assert.deepStrictEqual(Object.keys(c.prices), ['a', 'b']);
    assert.strictEqual(c.pricesSource, 'setting promptCost.prices, .promptcost.json');
  });
});

describe('config/paths', () => {
  const config = resolveConfig(
    [
      { values: { callsPerMonth: 2000 }, origin: 'settings' },
      {
        values: {
          paths: [
            { glob: 'src/**', callsPerMonth: 100 },
            { glob: 'src/jobs/**', callsPerMonth: 50000, maxMonthlyCost: 40 },
            { glob: '*.test.py', callsPerMonth: 1 },
            { glob: 'src/api/**', maxMonthlyCost: 10 },
          ],
          ignore: ['vendor/**', '*.min.js'],
          budgets: { perFile: 25 },
        },
        origin: '.promptcost.json',
      },
    ],
    '/home/me/repo',
  );

  it('makes paths relative to the root, with / separators', () => {
    assert.strictEqual(configRelativePath(config, '/home/me/repo/src/a.py'), 'src/a.py');
    assert.strictEqual(configRelativePath(config, './src/a.py'), 'src/a.py');
    assert.strictEqual(configRelativePath(config, 'src\\jobs\\b.py'), 'src/jobs/b.py');
    assert.strictEqual(configRelativePath(config, '/home/me/repository/x.py'), '/home/me/repository/x.py', 'a sibling folder is not inside');
    const win = resolveConfig([], 'C:\\Work\\Repo');
    assert.strictEqual(configRelativePath(win, 'c:\\work\\repo\\src\\a.py'), 'src/a.py');
  });

  it('takes calls per month from the annotation, else the last matching glob, else the default', () => {
    const at = (p: string, annotation?: number) => callsPerMonthFor(config, p, annotation);
    assert.deepStrictEqual(at('/home/me/repo/src/jobs/nightly.py', 30), {
      callsPerMonth: 30, source: { kind: 'annotation', detail: '"prompt-cost:" comment on the call' },
    });
    assert.deepStrictEqual(at('/home/me/repo/src/jobs/nightly.py'), {
      callsPerMonth: 50000, source: { kind: 'path', detail: '"src/jobs/**" in .promptcost.json' },
    });
    assert.strictEqual(at('/home/me/repo/src/app.py').callsPerMonth, 100);
    assert.strictEqual(at('/home/me/repo/src/api/x.py').callsPerMonth, 100, 'a rule without callsPerMonth does not count');
    assert.strictEqual(at('/home/me/repo/src/deep/x.test.py').callsPerMonth, 1, 'glob without / matches the file name');
    assert.deepStrictEqual(at('/home/me/repo/scripts/x.py'), { callsPerMonth: 2000, source: { kind: 'default', detail: 'settings' } });
    assert.deepStrictEqual(callsPerMonthFor(resolveConfig([], ''), 'a.py').source, { kind: 'default', detail: 'default' });
    assert.strictEqual(at('/home/me/repo/src/app.py', 0).callsPerMonth, 0, 'an annotation of 0 is respected');
  });

  it('ignores files by glob', () => {
    assert.strictEqual(isIgnored(config, '/home/me/repo/vendor/lib/x.py'), true);
    assert.strictEqual(isIgnored(config, '/home/me/repo/web/app.min.js'), true);
    assert.strictEqual(isIgnored(config, '/home/me/repo/src/app.py'), false);
    assert.strictEqual(isIgnored(resolveConfig([], '/x'), '/x/a.py'), false);
  });

  it('finds a file budget from the last matching rule, else budgets.perFile', () => {
    assert.strictEqual(fileBudget(config, '/home/me/repo/src/api/handler.py'), 10);
    assert.strictEqual(fileBudget(config, '/home/me/repo/src/jobs/a.py'), 40);
    assert.deepStrictEqual(fileBudgetDetail(config, '/home/me/repo/lib/a.py'), { maxMonthlyCost: 25, source: '.promptcost.json' });
    assert.strictEqual(fileBudget(resolveConfig([], '/x'), '/x/a.py'), null);
  });

  it('treats an unparsable glob as matching nothing', () => {
    const c = resolveConfig([{ values: { paths: [{ glob: '[', callsPerMonth: 3 }] }, origin: 'f' }], '/r');
    assert.strictEqual(callsPerMonthFor(c, '/r/[').callsPerMonth >= 0, true);
    assert.doesNotThrow(() => isIgnored(c, '/r/x'));
  });
});
