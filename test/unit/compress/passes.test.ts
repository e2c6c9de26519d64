import { strict as assert } from 'assert';
import { whitespacePass, dedent } from '../../../src/core/compress/passes/whitespace';
import { markdownPass } from '../../../src/core/compress/passes/markdown';
import { jsonPass } from '../../../src/core/compress/passes/json';
import { fillerPass } from '../../../src/core/compress/passes/filler';
import { wordyPass } from '../../../src/core/compress/passes/wordy';
import { duplicatesPass } from '../../../src/core/compress/passes/duplicates';
import type { CompressPass, CountTokens, PassContext } from '../../../src/core/compress/types';
import { loadCounter, passContext } from './helpers';

describe('compress passes', () => {
  let countTokens: CountTokens;
  let ctx: PassContext;
  before(async () => {
    countTokens = await loadCounter();
    ctx = passContext(countTokens);
  });
  const run = (pass: CompressPass, text: string, c: Partial<PassContext> = {}) => pass.run(text, { ...ctx, ...c });

  describe('whitespace', () => {
    it('dedents a triple-quoted prompt and trims its edges', () => {
      const out = run(whitespacePass, '\n    You are a tutor.\n      - nested item\n    Be brief.\n    ').text;
      assert.equal(out, 'You are a tutor.\n  - nested item\nBe brief.');
    });
    it('dedents the lines after a first line flush with the quote', () => {
      assert.equal(dedent('You are a tutor.\n        Be brief.\n        Be kind.'), 'You are a tutor.\nBe brief.\nBe kind.');
    });
    it('collapses runs of spaces and blank lines, strips trailing spaces', () => {
      assert.equal(run(whitespacePass, 'One  two   three.   \n\n\n\nFour.').text, 'One two three.\n\nFour.');
      assert.equal(run(whitespacePass, 'id\tname\t\tcity\n1\tAda\t\tLondon').text, 'id\tname\t\tcity\n1\tAda\t\tLondon');
    });
    it('keeps the layout inside fenced code and inline code', () => {
      const text = 'Run this:\n```py\nx  =  1\n\n\n\ny = 2   \n```\nThen `a  b`.';
      assert.equal(run(whitespacePass, text).text, text);
    });
    it('joins soft-wrapped prose lines, and only those', () => {
      const text = 'Rewrite the question so that it can be understood\nwithout the conversation, in the same language,\nand keep it short.\nAnswer in English.\n- first item that is long enough to wrap\n- second item\nA line that ends with a colon and is long:\nnext line';
      assert.equal(run(whitespacePass, text).text,
        'Rewrite the question so that it can be understood without the conversation, in the same language, and keep it short.\nAnswer in English.\n- first item that is long enough to wrap\n- second item\nA line that ends with a colon and is long:\nnext line');
      const quoted = 'Reply with the words "not sure" or the words "maybe\nlater" when asked.';
      assert.equal(run(whitespacePass, quoted).text, quoted);
    });
    it('keeps the whitespace that joins a piece to its neighbours', () => {
      const out = run(whitespacePass, '  answer  in   French ', { keepLeadingWhitespace: true, keepTrailingWhitespace: true }).text;
      assert.equal(out, '  answer in French ');
    });
  });

  describe('markdown', () => {
    it('turns horizontal rules into blank lines and setext underlines into # headings', () => {
      assert.equal(run(markdownPass, 'Intro.\n\n---\n\nRules\n=====\nBe brief.').text, 'Intro.\n\n\n\n# Rules\nBe brief.');
    });
    it('drops bold on headings and labels and pads of table delimiters', () => {
      const text = '## **Output format** ##\n**Tone:** friendly\n- **Length**: short\n| a | b |\n| :----- | ------: |';
      assert.equal(run(markdownPass, text).text, '## Output format\nTone: friendly\n- Length: short\n| a | b |\n|:---|---:|');
    });
    it('keeps emphasis in prose at safe and drops it at aggressive', () => {
      const text = 'You **must** cite *every* source.';
      assert.equal(run(markdownPass, text).text, text);
      assert.equal(run(markdownPass, text, { level: 'aggressive' }).text, 'You must cite every source.');
    });
    it('never touches code', () => {
      const text = 'Compute `a ** b` and:\n```\n---\n**x**\n```';
      assert.equal(run(markdownPass, text, { level: 'aggressive' }).text, text);
    });
  });

  describe('json', () => {
    it('minifies a pretty-printed example, placeholders included', () => {
      const text = 'Reply as:\n{\n    "name": "<string>",\n    "age": <number>,\n    "tags": ["{tag}", ...]\n}\nNothing else.';
      const out = run(jsonPass, text).text;
      assert.match(out, /^Reply as:\n\{"name": ?"<string>", ?"age": ?<number>, ?"tags": ?\["\{tag\}", ?\.\.\.\]\}\nNothing else\.$/);
      assert.ok(countTokens(out) < countTokens(text));
    });
    it('minifies JSON in a fence that holds only JSON, and keeps the fence', () => {
      const text = '```json\n{\n  "ok": true,\n  "items": [\n    1,\n    2\n  ]\n}\n```';
      const out = run(jsonPass, text).text;
      assert.match(out, /^```json\n\{"ok": ?true, ?"items": ?\[1, ?2\]\}\n```$/);
    });
    it('minifies a doubled-brace example of a format string and keeps the doubling', () => {
      const text = 'Return:\n{{\n    "city": "{city}",\n    "days": 3\n}}';
      const out = run(jsonPass, text).text;
      assert.match(out, /^Return:\n\{\{"city": ?"\{city\}", ?"days": ?3\}\}$/);
    });
    it('leaves text that does not parse, strings with spaces, and fences with other code', () => {
      for (const text of [
        'Use {\n  "a": 1,\n  oops\n}',
        '```js\nconst x = {\n  "a": 1\n};\n```',
        'Keep "{ \\"a\\": 1 }" quoted.',
      ]) assert.equal(run(jsonPass, text).text, text);
      assert.equal(run(jsonPass, '{\n  "a b  c": "x  y"\n}').text.includes('"a b  c":'), true);
    });
  });

  describe('filler', () => {
    const cases: [string, string][] = [
      ['Please list the risks in three bullet points.', 'List the risks in three bullet points.'],
      ['Could you please translate the text into {language}?', 'Translate the text into {language}.'],
      ['I would like you to act as a SQL expert.', 'Act as a SQL expert.'],
      ['It is important that you cite your sources.', 'Cite your sources.'],
      ['Make sure to use the metric system.', 'Use the metric system.'],
      ['Make sure that the output is valid YAML.', 'Ensure the output is valid YAML.'],
      ['Note that the user may be a beginner.', 'The user may be a beginner.'],
      ['Basically, list the risks. It is a very long report.', 'List the risks. It is a long report.'],
      ['Answer briefly, please.', 'Answer briefly.'],
      ['Be concise. Thank you!', 'Be concise.'],
    ];
    for (const [input, expected] of cases) {
      it(`"${input}"`, () => assert.equal(run(fillerPass, input).text, expected));
    }
    it('keeps words after a negation, before "not", inside quotes and code, and in names', () => {
      for (const text of [
        'The summary must not be very long.',
        'Say "please wait" while loading.',
        'Call `please()` first.',
        'Read the Very Hungry Caterpillar review.',
        'PLEASE answer in English.',
        'Reply as you please.',
        'Your goal is to please the customer.',
        'Teach the child to say please and thank you.',
        'Treat every customer kindly.',
        'End every reply with: Thank you.',
        'You must remember that prices change daily.',
        'Translate the idiom literally.',
      ]) assert.equal(run(fillerPass, text).text, text, text);
    });
    it('removes "You should" only at aggressive', () => {
      const text = 'You should answer in French.';
      assert.equal(run(fillerPass, text).text, text);
      assert.equal(run(fillerPass, text, { level: 'aggressive' }).text, 'Answer in French.');
      assert.equal(run(fillerPass, 'You should not guess.', { level: 'aggressive' }).text, 'You should not guess.');
    });
  });

  describe('wordy', () => {
    const cases: [string, string][] = [
      ['Ask questions in order to clarify the goal.', 'Ask questions to clarify the goal.'],
      ['Refuse due to the fact that it is unsafe.', 'Refuse because it is unsafe.'],
      ['At this point in time, the API is able to stream.', 'Now, the API can stream.'],
      ['In order to help, check the facts prior to answering.', 'To help, check the facts before answering.'],
    ];
    for (const [input, expected] of cases) {
      it(`"${input}"`, () => assert.equal(run(wordyPass, input).text, expected));
    }
    it('keeps a replacement only when it saves tokens', () => {
      const text = 'You may utilize the tools.'; // " utilize" and " use" are one token each
      assert.equal(run(wordyPass, text).text, text);
      assert.equal(countTokens(' utilize'), countTokens(' use'));
    });
    it('leaves protected text alone', () => {
      const text = 'Quote "in order to" exactly, and call `in_order_to()`.';
      assert.equal(run(wordyPass, text).text, text);
    });
  });

  describe('duplicates', () => {
    it('removes an instruction repeated word for word and reports it', () => {
      const out = run(duplicatesPass, 'Always answer in French. Keep it short.\nUse the glossary.\nAlways answer in French!');
      assert.equal(out.text, 'Always answer in French. Keep it short.\nUse the glossary.');
      assert.deepEqual(out.removed, ['Always answer in French!']);
    });
    it('removes a near-duplicate whose words the kept sentence contains', () => {
      const out = run(duplicatesPass, '- Respond in JSON format.\n- Cite the source of each claim.\n- Always respond in valid JSON format.');
      assert.equal(out.text, '- Cite the source of each claim.\n- Always respond in valid JSON format.');
    });
    it('keeps a sentence when the other adds a condition or a restriction', () => {
      for (const text of [
        'Use bullet points in the answer.\nUse bullet points in the answer only if asked.',
        'Mention the price of the plan.\nNever mention the price of the plan.',
      ]) assert.equal(run(duplicatesPass, text).text, text);
    });
    it('leaves examples, numbered steps and short lines alone', () => {
      for (const text of [
        'Input: what is two plus two\nOutput: The answer is four.\n\nInput: what is two plus two\nOutput: The answer is four.',
        '<example>\nThe customer is always right here.\n</example>\n<example>\nThe customer is always right here.\n</example>',
        '1. Read the whole input first.\n2. Read the whole input first.',
        'Yes.\nYes.',
      ]) assert.equal(run(duplicatesPass, text).text, text);
    });
  });
});
