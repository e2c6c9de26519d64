import { strict as assert } from 'assert';
import { decodeLiteral, rewriteLiteral } from '../../../src/core/compress/literal';
import type { LanguageId } from '../../../src/core/types';

function decode(source: string, language: LanguageId): string {
  const d = decodeLiteral(source, language);
  assert.ok(d.ok, `decode ${source}: ${!d.ok ? d.reason : ''}`);
  return d.text;
}

function rewrite(source: string, language: LanguageId, text: string): string {
  const r = rewriteLiteral(source, language, text);
  assert.ok(r.ok, `rewrite ${source}: ${!r.ok ? r.reason : ''}`);
  return r.source;
}

/** [language, literal, decoded text, the literal after replacing "Please be brief." by "Be brief."] */
const ROUND_TRIPS: [LanguageId, string, string, string][] = [
  ['python', `'It\\'s late. Please be brief.'`, "It's late. Please be brief.", `'It\\'s late. Be brief.'`],
  ['python', `"Say \\"hi\\".\\nPlease be brief."`, 'Say "hi".\nPlease be brief.', `"Say \\"hi\\".\\nBe brief."`],
  ['python', `'''\n    Café\tbar.\n    Please be brief.\n'''`, '\n    Café\tbar.\n    Please be brief.\n', `'''\n    Café\tbar.\n    Be brief.\n'''`],
  ['python', `"""Use "quotes". Please be brief."""`, 'Use "quotes". Please be brief.', `"""Use "quotes". Be brief."""`],
  ['python', `r'C:\\temp\\d+ Please be brief.'`, 'C:\\temp\\d+ Please be brief.', `r'C:\\temp\\d+ Be brief.'`],
  ['python', `R"""\\w+ Please be brief."""`, '\\w+ Please be brief.', `R"""\\w+ Be brief."""`],
  ['python', `b'caf\\xe9 Please be brief.'`, 'caf\u00e9 Please be brief.', `b'caf\\xe9 Be brief.'`],
  ['python', `u'caf\\u00e9 Please be brief.'`, 'caf\u00e9 Please be brief.', `u'caf\\u00e9 Be brief.'`],
  ['python', `f"Hi {user.name!r:>10}, {{json}}. Please be brief."`, 'Hi {user.name!r:>10}, {{json}}. Please be brief.', `f"Hi {user.name!r:>10}, {{json}}. Be brief."`],
  ['python', `rf'{x} \\d {{y}} Please be brief.'`, '{x} \\d {{y}} Please be brief.', `rf'{x} \\d {{y}} Be brief.'`],
  ['python', `F'''{d["k"]}\nPlease be brief.'''`, '{d["k"]}\nPlease be brief.', `F'''{d["k"]}\nBe brief.'''`],
  ['python', `'unknown \\d escape. Please be brief.'`, 'unknown \\d escape. Please be brief.', `'unknown \\\\d escape. Be brief.'`],
  ['typescript', `'It\\'s late.\\tPlease be brief.'`, "It's late.\tPlease be brief.", `'It\\'s late.\\tBe brief.'`],
  ['typescript', `"A \\"b\\" \\u00e9 \\u{1F600}. Please be brief."`, 'A "b" \u00e9 \u{1F600}. Please be brief.', `"A \\"b\\" \\u00e9 \\u{1F600}. Be brief."`],
  ['javascript', '`Hi ${user.name}, \\`x\\`.\nPlease be brief.`', 'Hi ${user.name}, `x`.\nPlease be brief.', '`Hi ${user.name}, \\`x\\`.\nBe brief.`'],
  ['tsx', '`${a ? `n${b}` : "}"} Please be brief.`', '${a ? `n${b}` : "}"} Please be brief.', '`${a ? `n${b}` : "}"} Be brief.`'],
];

describe('compress host literals', () => {
  for (const [language, source, text, compressed] of ROUND_TRIPS) {
    it(`${language} ${source.slice(0, 24).replace(/\n/g, '\\n')}…: decodes, writes back unchanged, rewrites`, () => {
      assert.equal(decode(source, language), text);
      if (!source.includes('\\d escape')) assert.equal(rewrite(source, language, text), source);
      const newText = text.replace('Please be brief.', 'Be brief.');
      const out = rewrite(source, language, newText);
      assert.equal(out, compressed);
      assert.equal(decode(out, language), newText);
      assert.equal(rewrite(out, language, newText), out, 'idempotent');
    });
  }

  it('escapes a quote that would close a triple-quoted string', () => {
    const out = rewrite('"""x"""', 'python', 'He said "hi"');
    assert.equal(out, '"""He said "hi\\""""');
    assert.equal(decode(out, 'python'), 'He said "hi"');
    assert.equal(decode(rewrite("'''x'''", 'python', "a '''b''' c"), 'python'), "a '''b''' c");
  });

  it('writes line breaks as escapes in one-line strings and as line breaks in multi-line ones', () => {
    assert.equal(rewrite("'x'", 'python', 'a\nb'), "'a\\nb'");
    assert.equal(rewrite('"x"', 'typescript', 'a\nb'), '"a\\nb"');
    assert.equal(rewrite('`x`', 'typescript', 'a\nb'), '`a\nb`');
    assert.equal(rewrite("'''x'''", 'python', 'a\nb'), "'''a\nb'''");
    // A triple-quoted literal that wrote its line breaks as \n keeps doing so.
    assert.equal(rewrite('"""a\\nb\\nc"""', 'python', 'a\nc'), '"""a\\nc"""');
  });

  it('reads a raw CRLF as one line break and writes CRLF back', () => {
    for (const [language, source] of [['python', '"""a\r\n  b\r\nc"""'], ['python', "r'''a\r\n  b'''"], ['typescript', '`a\r\n  b\r\nc`']] as [LanguageId, string][]) {
      const text = decode(source, language);
      assert.ok(!text.includes('\r'), source);
      const out = rewrite(source, language, text.replace('  b', 'b'));
      assert.ok(!/[^\r]\n/.test(out) && out.includes('\r\nb'), JSON.stringify(out));
    }
  });

  it('drops line continuations (they add no text)', () => {
    assert.equal(decode("'a \\\nb'", 'python'), 'a b');
    assert.equal(decode("'a \\\nb'", 'javascript'), 'a b');
  });

  it('refuses what the literal cannot hold or must not gain, with a reason', () => {
    const refusals: [LanguageId, string, string, RegExp][] = [
      ['python', "r'x'", "it's", /raw string cannot hold its own quote/],
      ['python', "r'x'", 'ends \\', /cannot end with a backslash/],
      ['python', "r'x'", 'a\nb', /line break/],
      ['python', "b'x'", 'caf\u0101', /bytes/],
      ['python', 'f"{a} x"', '{b} x', /interpolation the literal did not/],
      ['python', 'f"{a} x"', '{a} x}', /single '}'/],
      ['typescript', '`${a} x`', '${b} x', /interpolation the literal did not/],
    ];
    for (const [language, source, text, reason] of refusals) {
      const r = rewriteLiteral(source, language, text);
      assert.ok(!r.ok && reason.test(r.reason), `${source} ← ${JSON.stringify(text)}: ${r.ok ? r.source : r.reason}`);
    }
    for (const [language, source, reason] of [
      ['python', "'\\N{BULLET} x'", /named/],
      ['typescript', '`cost \\${x}`', /escaped "\$\{"/],
      ['javascript', "'\\101'", /octal/],
      ['python', "x'abc'", /not a Python string/],
    ] as [LanguageId, string, RegExp][]) {
      const d = decodeLiteral(source, language);
      assert.ok(!d.ok && reason.test(d.reason), source);
    }
  });
});
