import { strict as assert } from 'assert';
import * as http from 'http';
import type { AddressInfo } from 'net';
import { modelRewritePromptInFile, parseReply, proposeModelRewrite, type ModelEndpoint } from '../../../src/assist/modelRewrite';
import { Engine } from '../../../src/core/engine';
import { resolveConfig } from '../../../src/core/config/load';
import type { CountTokens } from '../../../src/core/compress/types';
import { loadCounter } from './helpers';

type Behaviour = (body: { messages: { role: string; content: string }[] }, res: http.ServerResponse) => void;

/** An OpenAI-compatible chat completions endpoint on 127.0.0.1 whose answer each test chooses. */
class FakeModelServer {
  private server = http.createServer((req, res) => this.handle(req, res));
  behaviour: Behaviour = () => {};
  requests: { path: string; auth: string | undefined; body: Record<string, unknown> }[] = [];

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    let data = '';
    req.on('data', (c) => { data += c; });
    req.on('end', () => {
      const body = JSON.parse(data);
      this.requests.push({ path: req.url ?? '', auth: req.headers.authorization, body });
      this.behaviour(body, res);
    });
  }
}

/** A well-formed chat completion whose message content is `content`. */
function completion(res: http.ServerResponse, content: string): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({
    id: 'chatcmpl-1', object: 'chat.completion', created: 0, model: 'local',
    choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  }));
}

const PROMPT = 'I would like you to please summarize the following article about {topic} in a very concise way. Do not add opinions.';

describe('model-assisted rewrite (OpenAI-compatible server on 127.0.0.1)', function () {
  this.timeout(30000);
  const server = new FakeModelServer();
  let endpoint: ModelEndpoint;
  let countTokens: CountTokens;
  before(async () => {
    endpoint = { baseURL: await server.start(), apiKey: 'test-key', model: 'local-model', timeoutMs: 2000 };
    countTokens = await loadCounter();
  });
  after(() => server.stop());
  beforeEach(() => { server.requests = []; });

  it('accepts a shorter proposal that keeps the invariants, and sends a well-formed request', async () => {
    server.behaviour = (_b, res) => completion(res, JSON.stringify({ prompt: 'Summarize the article about {topic} concisely. Do not add opinions.' }));
    const r = await proposeModelRewrite(PROMPT, endpoint, countTokens);
    assert.ok(r.ok, !r.ok ? r.reason : '');
    assert.equal(r.text, 'Summarize the article about {topic} concisely. Do not add opinions.');
    assert.ok(r.saved > 5);
    const req = server.requests[0];
    assert.equal(req.path, '/v1/chat/completions');
    assert.equal(req.auth, 'Bearer test-key');
    assert.equal(req.body.model, 'local-model');
    assert.equal(req.body.temperature, 0);
    assert.ok(typeof req.body.max_tokens === 'number');
    assert.deepEqual(JSON.parse((req.body.messages as { content: string }[])[1].content), { prompt: PROMPT });
  });

  it('rejects a proposal that drops a placeholder, saying which', async () => {
    server.behaviour = (_b, res) => completion(res, JSON.stringify({ prompt: 'Summarize the article concisely. Do not add opinions.' }));
    const r = await proposeModelRewrite(PROMPT, endpoint, countTokens);
    assert.ok(!r.ok && r.kind === 'invariant');
    assert.match(r.reason, /lost placeholder "\{topic\}"/);
  });

  it('rejects a proposal that drops a negation', async () => {
    server.behaviour = (_b, res) => completion(res, JSON.stringify({ prompt: 'Summarize the article about {topic}. Add opinions.' }));
    const r = await proposeModelRewrite(PROMPT, endpoint, countTokens);
    assert.ok(!r.ok && r.kind === 'invariant' && /negation/.test(r.reason), JSON.stringify(r));
  });

  it('times out without retrying', async () => {
    server.behaviour = (_b, res) => { setTimeout(() => completion(res, '{"prompt":"late"}'), 5000).unref(); };
    const t0 = Date.now();
    const r = await proposeModelRewrite(PROMPT, { ...endpoint, timeoutMs: 300 }, countTokens);
    assert.ok(!r.ok && r.kind === 'timeout', JSON.stringify(r));
    assert.ok(Date.now() - t0 < 3000);
    assert.equal(server.requests.length, 1);
  });

  it('reports HTTP 500 without retrying', async () => {
    server.behaviour = (_b, res) => { res.writeHead(500, { 'content-type': 'application/json' }); res.end('{"error":{"message":"model crashed"}}'); };
    const r = await proposeModelRewrite(PROMPT, endpoint, countTokens);
    assert.ok(!r.ok && r.kind === 'http' && /HTTP 500/.test(r.reason), JSON.stringify(r));
    assert.equal(server.requests.length, 1);
  });

  it('reports a body that is not JSON', async () => {
    server.behaviour = (_b, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"choices": [ oops'); };
    const r = await proposeModelRewrite(PROMPT, endpoint, countTokens);
    assert.ok(!r.ok && r.kind === 'malformed', JSON.stringify(r));
  });

  it('reports a reply whose content is not the requested JSON object', async () => {
    for (const content of ['Sure! Here is a shorter prompt: Summarize {topic}.', '{"text": "Summarize {topic}."}', '']) {
      server.behaviour = (_b, res) => completion(res, content);
      const r = await proposeModelRewrite(PROMPT, endpoint, countTokens);
      assert.ok(!r.ok && r.kind === 'malformed', `${content}: ${JSON.stringify(r)}`);
    }
  });

  it('reports a closed port as a network error', async () => {
    const r = await proposeModelRewrite(PROMPT, { ...endpoint, baseURL: 'http://127.0.0.1:9/v1' }, countTokens);
    assert.ok(!r.ok && (r.kind === 'network' || r.kind === 'timeout'), JSON.stringify(r));
  });

  it('parses fenced JSON replies', () => {
    assert.equal(parseReply('```json\n{"prompt": "x"}\n```'), 'x');
    assert.equal(parseReply('{"prompt": 3}'), null);
  });

  it('rewrites a prompt in a file through the same literal and re-analysis checks', async () => {
    const engine = await Engine.create();
    const config = resolveConfig([], '');
    const text = `from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": f"${PROMPT.replace('{topic}', '{topic!r}')}"}])\n`;
    const analysis = engine.analyze({ path: 'a.py', text }, config);
    const prompt = analysis.prompts[0];
    server.behaviour = (_b, res) => completion(res, JSON.stringify({ prompt: 'Summarize the article about {topic!r} concisely. Do not add opinions.' }));
    const { result } = await modelRewritePromptInFile(engine, { path: 'a.py', text }, config, prompt.id, endpoint);
    assert.ok(result.ok, !result.ok ? result.reason : '');
    assert.ok(result.newText.includes('"content": f"Summarize the article about {topic!r} concisely. Do not add opinions."'), result.newText);
    // A proposal inventing an interpolation never reaches the file.
    server.behaviour = (_b, res) => completion(res, JSON.stringify({ prompt: 'Summarize {topic!r} for {user}. Do not add opinions.' }));
    const bad = await modelRewritePromptInFile(engine, { path: 'a.py', text }, config, prompt.id, endpoint);
    assert.ok(!bad.result.ok && /added placeholder/.test(bad.result.reason), JSON.stringify(bad.result));
  });
});
