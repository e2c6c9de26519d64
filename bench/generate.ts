// A deterministic synthetic workspace for the scan benchmark: Python and TypeScript/JavaScript files of 80-400
// lines with realistic code around the LLM calls (classes, loops, dict/object literals, many non-LLM `.create`,
// `.get`, `.invoke`-like calls) and about one LLM call per 60-120 lines, across the supported SDKs.

import * as fs from 'fs';
import * as path from 'path';

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ('the customer support ticket summary answer question context document policy refund invoice account ' +
  'request response product feature error report user assistant system concise friendly detailed format json list ' +
  'bullet points language translate classify extract entities sentiment priority').split(' ');

function sentence(r: () => number, n: number): string {
  const w: string[] = [];
  for (let i = 0; i < n; i++) w.push(WORDS[Math.floor(r() * WORDS.length)]);
  w[0] = w[0][0].toUpperCase() + w[0].slice(1);
  return w.join(' ') + '.';
}

function prompt(r: () => number): string {
  const k = 2 + Math.floor(r() * 6);
  return Array.from({ length: k }, () => sentence(r, 6 + Math.floor(r() * 12))).join(' ');
}

const PY_CALLS = [
  (p: string, i: number) => `    r${i} = client.chat.completions.create(\n        model="gpt-4o-mini",\n        messages=[\n            {"role": "system", "content": "${p}"},\n            {"role": "user", "content": f"Question: {q}"},\n        ],\n    )`,
  (p: string, i: number) => `    r${i} = claude.messages.create(model="claude-3-5-haiku-latest", max_tokens=512, system="${p}", messages=[{"role": "user", "content": q}])`,
  (p: string, i: number) => `    r${i} = client.responses.create(model="gpt-4.1", instructions=SYSTEM_PROMPT, input=f"${p} {q}", max_output_tokens=300)`,
  (p: string, i: number) => `    r${i} = gemini.models.generate_content(model="gemini-2.0-flash", contents="${p} " + q)`,
  (p: string, i: number) => `    r${i} = llm.invoke([("system", "${p}"), ("human", q)])`,
  (_p: string, i: number) => `    r${i} = client.embeddings.create(model="text-embedding-3-small", input=[q])`,
];

const TS_CALLS = [
  (p: string, i: number) => `  const r${i} = await openai.chat.completions.create({\n    model: 'gpt-4o',\n    messages: [\n      { role: 'system', content: '${p}' },\n      { role: 'user', content: \`Question: \${q}\` },\n    ],\n  });`,
  (p: string, i: number) => `  const r${i} = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 1024, system: SYSTEM, messages: [{ role: 'user', content: '${p} ' + q }] });`,
  (p: string, i: number) => `  const r${i} = await generateText({ model: openaiProvider('gpt-4o-mini'), system: '${p}', prompt: q });`,
  (p: string, i: number) => `  const r${i} = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: \`${p} \${q}\`, config: { maxOutputTokens: 256 } });`,
];

function pyFiller(r: () => number, i: number): string {
  const kind = Math.floor(r() * 6);
  switch (kind) {
    case 0: return `def helper_${i}(items, limit=10):\n    out = []\n    for item in items:\n        if item.get("score", 0) > limit:\n            out.append({"id": item["id"], "name": item.get("name", "")})\n    return out\n`;
    case 1: return `class Repo${i}:\n    def __init__(self, db):\n        self.db = db\n\n    def create(self, **fields):\n        return self.db.insert("table_${i}", fields)\n\n    def get(self, key):\n        return self.db.find_one({"key": key})\n`;
    case 2: return `CONFIG_${i} = {\n    "retries": ${Math.floor(r() * 5)},\n    "timeout": ${Math.floor(r() * 60)},\n    "label": "${sentence(r, 4)}",\n}\n`;
    case 3: return `def transform_${i}(rows):\n    return [dict(row, total=row["a"] + row["b"]) for row in rows if row]\n`;
    case 4: return `async def fetch_${i}(session, url):\n    async with session.get(url) as resp:\n        data = await resp.json()\n        logger.info("fetched %s: %d items", url, len(data))\n        return data\n`;
    default: return `# ${sentence(r, 10)}\nvalue_${i} = compute(${Math.floor(r() * 100)}, mode="${WORDS[i % WORDS.length]}")\n`;
  }
}

function tsFiller(r: () => number, i: number): string {
  const kind = Math.floor(r() * 5);
  switch (kind) {
    case 0: return `export function helper${i}(items: { id: string; score: number }[], limit = 10) {\n  return items.filter((x) => x.score > limit).map((x) => ({ id: x.id, label: \`item-\${x.id}\` }));\n}\n`;
    case 1: return `export class Repo${i} {\n  constructor(private readonly db: Db) {}\n  async create(fields: Record<string, unknown>) {\n    return this.db.insert('table_${i}', fields);\n  }\n  get(key: string) {\n    return this.db.findOne({ key });\n  }\n}\n`;
    case 2: return `const config${i} = { retries: ${Math.floor(r() * 5)}, timeout: ${Math.floor(r() * 60)}, label: '${sentence(r, 4)}' };\n`;
    case 3: return `// ${sentence(r, 10)}\nexport const value${i} = compute(${Math.floor(r() * 100)}, { mode: '${WORDS[i % WORDS.length]}' });\n`;
    default: return `export async function fetch${i}(url: string) {\n  const res = await fetch(url, { headers: { accept: 'application/json' } });\n  if (!res.ok) throw new Error(\`status \${res.status}\`);\n  return res.json();\n}\n`;
  }
}

export function pythonFile(r: () => number, lines: number): string {
  const out = [
    'import os', 'import logging', 'from openai import OpenAI', 'import anthropic', 'from google import genai',
    'from langchain_openai import ChatOpenAI', '', 'logger = logging.getLogger(__name__)', 'client = OpenAI()',
    'claude = anthropic.Anthropic()', 'gemini = genai.Client()', 'llm = ChatOpenAI(model="gpt-4o", temperature=0)',
    `SYSTEM_PROMPT = """${prompt(r)}\n${prompt(r)}"""`, '',
  ];
  let i = 0;
  while (out.join('\n').split('\n').length < lines) {
    if (r() < 0.05) {
      out.push(`def llm_task_${i}(q):`);
      out.push(PY_CALLS[Math.floor(r() * PY_CALLS.length)](prompt(r), i));
      out.push(`    return r${i}`, '');
    } else out.push(pyFiller(r, i));
    i++;
  }
  return out.join('\n') + '\n';
}

export function tsFile(r: () => number, lines: number): string {
  const out = [
    "import OpenAI from 'openai';", "import Anthropic from '@anthropic-ai/sdk';", "import { generateText } from 'ai';",
    "import { openai as openaiProvider } from '@ai-sdk/openai';", "import { GoogleGenAI } from '@google/genai';",
    "import type { Db } from './db';", '', 'const openai = new OpenAI();', 'const anthropic = new Anthropic();',
    'const ai = new GoogleGenAI({});', `const SYSTEM = \`${prompt(r)}\n${prompt(r)}\`;`, '',
  ];
  let i = 0;
  while (out.join('\n').split('\n').length < lines) {
    if (r() < 0.05) {
      out.push(`export async function llmTask${i}(q: string) {`);
      out.push(TS_CALLS[Math.floor(r() * TS_CALLS.length)](prompt(r), i));
      out.push(`  return r${i};`, '}', '');
    } else out.push(tsFiller(r, i));
    i++;
  }
  return out.join('\n') + '\n';
}

/** Writes `count` files under `dir` (replacing it); returns their paths and total bytes. */
export function generateWorkspace(dir: string, count: number, seed = 42): { files: string[]; bytes: number } {
  fs.rmSync(dir, { recursive: true, force: true });
  const r = rng(seed);
  const files: string[] = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const lines = 80 + Math.floor(r() * 320);
    const kind = i % 4;
    const text = kind < 2 ? pythonFile(r, lines) : tsFile(r, lines);
    const ext = kind < 2 ? '.py' : kind === 2 ? '.ts' : '.js';
    const file = path.join(dir, `pkg${i % 40}`, `module_${i}${ext}`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // JS files: strip the TypeScript-only syntax.
    const body = ext === '.js' ? text.replace(/^import type .*$/m, '').replace(/: \{ id: string; score: number \}\[\]/g, '')
      .replace(/: (string|Record<string, unknown>|Db)/g, '').replace(/private readonly db/g, 'db') : text;
    fs.writeFileSync(file, body);
    files.push(file);
    bytes += Buffer.byteLength(body);
  }
  return { files, bytes };
}
