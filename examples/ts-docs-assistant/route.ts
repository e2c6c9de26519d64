// A Next.js route handler that answers questions about product docs.
import { streamText, generateObject } from 'ai';
import { openai } from '@ai-sdk/openai';
import { anthropic } from '@ai-sdk/anthropic';
import { z } from 'zod';

const SYSTEM = `You are the documentation assistant for Acme Cloud.
Answer only from the provided context. If the answer is not in the context, say you don't know.`;

export async function POST(req: Request) {
  const { question, context } = await req.json();
  const result = streamText({
    model: openai('gpt-4o'),
    system: SYSTEM,
    prompt: `Context:\n${context}\n\nQuestion: ${question}`,
  });
  return result.toTextStreamResponse();
}

export async function extractFaq(page: string) {
  const { object } = await generateObject({
    model: anthropic('claude-3-5-haiku-latest'),
    maxOutputTokens: 800,
    schema: z.object({ questions: z.array(z.string()) }),
    prompt: `List the questions this page answers:\n${page}`,
  });
  return object;
}
