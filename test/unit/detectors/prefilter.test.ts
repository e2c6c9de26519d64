import * as assert from 'assert';
import { mayHaveLlmCode } from '../../../src/core/detectors';

// The prefilter skips parsing files that cannot hold a call: a file it wrongly skips loses every call in it.
describe('detectors/mayHaveLlmCode (the text prefilter of a workspace scan)', () => {
  it('keeps files whose only sign of a model call is an API path of a raw request', () => {
    for (const text of [
      'import requests\nrequests.post("http://localhost:11434/api/generate", json={"model": "llama3", "prompt": "hi"})\n',
      'await fetch(url + "/v1/messages", { method: "POST", body })\n',
      'httpx.post(f"{BASE}/v1/responses", json=body)\n',
      'fetch(`${host}/models/${m}:generateContent`, init)\n',
    ]) assert.ok(mayHaveLlmCode(text), text);
  });
  it('skips ordinary code', () => {
    for (const text of [
      'def add(a, b):\n    return a + b\n',
      'export async function load(url: string) { return (await fetch(url)).json(); }\n',
    ]) assert.ok(!mayHaveLlmCode(text), text);
  });
});
