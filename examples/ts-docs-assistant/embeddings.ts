import OpenAI from 'openai';

const client = new OpenAI();

export async function indexPages(pages: string[]) {
  // One request per page: the Batch API would halve this.
  return Promise.all(pages.map((page) => client.embeddings.create({ model: 'text-embedding-3-large', input: page })));
}

export async function rewriteQuery(query: string) {
  const res = await client.responses.create({
    model: 'gpt-5-mini',
    instructions: 'Rewrite the search query to be specific. Return only the query.',
    input: query,
  });
  return res.output_text;
}
