// Half-typed code never breaks the analysis: every fixture cut at many points, and with characters deleted, still
// analyses without an internal error (seeded, deterministic).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { config, getEngine } from '../../helpers/ruleTester';

const ROOT = path.join(__dirname, '../../../..');
const files = ['test/fixtures/detect/python', 'test/fixtures/detect/ts', 'examples/python-support-bot', 'examples/ts-docs-assistant']
  .flatMap((d) => fs.readdirSync(path.join(ROOT, d)).filter((f) => /\.(py|ts|js)$/.test(f)).map((f) => path.join(ROOT, d, f)));

function rng(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

describe('engine: robustness on broken code', () => {
  for (const file of files) {
    it(path.relative(ROOT, file), async () => {
      const engine = await getEngine();
      const text = fs.readFileSync(file, 'utf8');
      const r = rng(text.length);
      const variants: string[] = [];
      for (let i = 0; i < 25; i++) variants.push(text.slice(0, Math.floor(r() * text.length)));
      for (let i = 0; i < 25; i++) {
        const at = Math.floor(r() * text.length);
        variants.push(text.slice(0, at) + text.slice(at + 1 + Math.floor(r() * 8)));
      }
      for (const v of variants) {
        const res = engine.analyze({ path: file, text: v }, config());
        const failures = res.notices.filter((n) => n.level === 'error');
        assert.deepStrictEqual(failures, [], `on a variant of ${v.length} chars`);
      }
    });
  }
});
