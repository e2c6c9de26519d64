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
  /** Each text comes out of the pass unchanged. */
  const keeps = (pass: CompressPass, texts: readonly string[]) => {
    for (const text of texts) assert.equal(run(pass, text).text, text, text);
  };

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
    it('does not join lines of code written without a fence, nor lines of examples and data', () => {
      for (const text of [
        'Use Vue through its global build, for example with this code:\n  const { createApp, ref } = Vue\n  createApp({ setup() { return {} } }).mount',
        'EXAMPLE\nInput: the sun was setting over the horizon and the\nsky turned red\nEND OF EXAMPLE',
      ]) assert.equal(run(whitespacePass, text).text.split('\n').length, text.split('\n').length, text);
    });
    it('keeps runs of spaces that align columns in examples and templates, and collapses them in prose', () => {
      const text = 'Reply   in this format:\nName    Score\nAda     9';
      assert.equal(run(whitespacePass, text).text, 'Reply in this format:\nName    Score\nAda     9');
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
    it('keeps rules that delimit injected text or that the prompt names, and never makes a heading of a sentence', () => {
      keeps(markdownPass, [
        'Context information is below.\n---------------------\n{context_str}\n---------------------\nAnswer the query.',
        "Following '===' is the conversation history.\nOnly use the text between the '===' lines.\n===\n{history}\n===",
        '    def mul(a,b)\n=======\n    def add(a,b):',
      ]);
      assert.equal(run(markdownPass, 'Some choices are given below. It is a list.\n---------------------\nChoose one.').text, 'Some choices are given below. It is a list.\n\nChoose one.');
    });
    it('drops bold on headings and labels and pads of table delimiters', () => {
      const text = '## **Output format** ##\n**Tone:** friendly\n- **Length**: short\n| a | b |\n| :----- | ------: |';
      assert.equal(run(markdownPass, text).text, '## Output format\nTone: friendly\n- Length: short\n| a | b |\n|:---|---:|');
    });
    it('drops bold and italic markers in prose, not list bullets, products or snake_case', () => {
      assert.equal(run(markdownPass, 'You **must** cite *every* source, __every time__.').text, 'You must cite every source, every time.');
      keeps(markdownPass, ['* first item\n* second item', 'Compute 2 * 3 * 4 here.', 'Use the user_name and __init__ fields.']);
    });
    it('drops the hashes of a heading that is already a label, and keeps other headings', () => {
      assert.equal(run(markdownPass, '### Task:\nSummarize.\n### **Guidelines**:\n- Be brief.').text, 'Task:\nSummarize.\nGuidelines:\n- Be brief.');
      assert.equal(run(markdownPass, '## Summary\nBe brief.').text, '## Summary\nBe brief.');
    });
    it('leaves output templates, examples and labelled data as written', () => {
      keeps(markdownPass, [
        'Your output should use the following template:\n### Summary:\n**Verdict:** <yes/no>\n- *Reason*: one sentence',
        'Respond in this format:\n**Title**: <title>\n**Body**: <text>',
        'EXAMPLE\nInput: **bold** claim\nOutput: *yes*\nEND OF EXAMPLE',
        '<example>\n**Note:** keep this\n</example>',
        'New summary:\nThe user *really* likes **tea**.',
      ]);
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
    it('minifies a doubled-brace example nested in an array (the minified {{"key": …}} is JSON, not a field)', () => {
      const text = 'Return:\n{{\n  "tools": [\n    {{\n      "index": 0,\n      "name": "search"\n    }}\n  ]\n}}';
      const out = run(jsonPass, text).text;
      assert.match(out, /^Return:\n\{\{"tools": ?\[\{\{"index": ?0, ?"name": ?"search"\}\}\]\}\}$/);
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
    it('leaves the words of examples, transcripts and labelled data alone', () => {
      for (const text of [
        'Summarize this conversation:\n\nCustomer: I want a refund, please.\nAgent: Of course.\nCustomer: Thank you very much.',
        'EXAMPLE\nInput: Could you please help me, it is very urgent?\nOutput: yes\nEND OF EXAMPLE',
      ]) assert.equal(run(fillerPass, text).text.endsWith(text.slice(text.indexOf('\n'))), true, run(fillerPass, text).text);
      // One user turn of a chat template is the request itself, not a transcript.
      assert.equal(run(fillerPass, '<user>: Please rewrite the code below.').text, '<user>: Rewrite the code below.');
      assert.equal(run(fillerPass, 'User: Please rewrite the code below.').text, 'User: Rewrite the code below.');
    });
    it('keeps "kindly" when it is the manner of a verb', () => {
      const text = 'If something is unsafe, decline kindly and suggest a safe alternative.';
      assert.equal(run(fillerPass, text).text, text);
      assert.equal(run(fillerPass, 'Kindly list the risks.').text, 'List the risks.');
    });
    it('turns a task statement into the instruction and a permission into "you may"', () => {
      assert.equal(run(fillerPass, 'Your task is to summarize the text.').text, 'Summarize the text.');
      assert.equal(run(fillerPass, 'It is crucial to cite every source.').text, 'Cite every source.');
      assert.equal(run(fillerPass, 'Feel free to add new types.').text, 'You may add new types.');
      assert.equal(run(fillerPass, 'Your goal is to please the customer.').text, 'Your goal is to please the customer.');
      assert.equal(run(fillerPass, 'Ensure you respond with the whole file.').text, 'Respond with the whole file.');
      keeps(fillerPass, ['Remember to:\n- Be concise.\n- Use a friendly tone.']);
    });
    it('makes a label of a "Here is …" lead-in to a block, and only of that', () => {
      assert.equal(run(fillerPass, 'Here is the current content of the artifact:\n<artifact>\n{content}\n</artifact>').text, 'Current content of the artifact:\n<artifact>\n{content}\n</artifact>');
      assert.equal(run(fillerPass, 'Here is the code to review\n<code>\n{code}\n</code>').text, 'Code to review\n<code>\n{code}\n</code>');
      keeps(fillerPass, ['Here is the question you must answer: {question}', 'Here is why it matters. Keep it short.', 'Here is:\n{x}', 'Fix the bug in {code}.\n\nHere is the fixed code:']);
    });
    it('turns "You should / need to / have to" at a sentence start into the instruction, never before "not"', () => {
      assert.equal(run(fillerPass, 'You should answer in French.').text, 'Answer in French.');
      assert.equal(run(fillerPass, 'Read the log. You need to find the failing test.').text, 'Read the log. Find the failing test.');
      assert.equal(run(fillerPass, '- You have to extract the facts.').text, '- Extract the facts.');
      assert.equal(run(fillerPass, 'You should always cite sources.').text, 'Always cite sources.');
      keeps(fillerPass, ['You should not guess.', "You shouldn't guess.", 'If you need to guess, say so.', 'Tell the user what you need to know.']);
    });
    it('turns a goal statement into the instruction and drops a "that" after "ensuring"', () => {
      assert.equal(run(fillerPass, 'The goal is to break down the query into parts.').text, 'Break down the query into parts.');
      assert.equal(run(fillerPass, 'Your primary task is to classify the ticket.').text, 'Classify the ticket.');
      assert.equal(run(wordyPass, 'Rewrite it, ensuring that the tone stays formal.').text, 'Rewrite it, ensuring the tone stays formal.');
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
    it('never removes a repeated line of few-shot material, a transcript or labelled data', () => {
      keeps(duplicatesPass, [
        // Two examples sharing a conversation, delimited by bare EXAMPLE / END OF EXAMPLE lines.
        'EXAMPLE\nConversation history:\nPerson #1: how is it going today with the project?\nOutput: none\nEND OF EXAMPLE\n\n' +
          'EXAMPLE\nConversation history:\nPerson #1: how is it going today with the project?\nOutput: Langchain\nEND OF EXAMPLE',
        // The expected output of an example repeats a sentence of its input.
        'Current summary:\nThe human asks what the AI thinks of tea.\n\nNew summary:\nThe human asks what the AI thinks of tea. The AI likes it.',
        // A transcript: speaker labels used on several lines.
        'Customer: I want to return the item please.\nAgent: Sure.\nCustomer: I want to return the item please.',
      ]);
    });
  });
});
