"""Nightly job: tags every new ticket. Runs ~200k calls a month (see .promptcost.json)."""
from openai import OpenAI

client = OpenAI()
TAGGER_MODEL = "gpt-4o"


def tag_all(tickets):
    tags = []
    for ticket in tickets:
        r = client.chat.completions.create(
            model=TAGGER_MODEL,
            messages=[
                {"role": "system", "content": "Return up to three comma-separated tags for the ticket."},
                {"role": "user", "content": ticket},
            ],
        )
        tags.append(r.choices[0].message.content)
    return tags


def embed_all(tickets):
    return [client.embeddings.create(model="text-embedding-3-small", input=t) for t in tickets]
