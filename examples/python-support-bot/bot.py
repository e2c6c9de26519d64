"""A customer-support bot: classifies tickets, drafts replies and summarises threads."""
import os

import anthropic
from openai import OpenAI

REPLY_MODEL = os.getenv("REPLY_MODEL", "gpt-4o")

SYSTEM_PROMPT = """You are a friendly and very helpful customer support assistant for Acme Cloud.
Please make sure to always be polite. It is important that you answer the customer's question
in order to resolve their issue. Please note that you should never promise refunds.
Always answer in the customer's language: {language}."""

openai_client = OpenAI()
claude = anthropic.Anthropic()


def draft_reply(ticket: str, language: str) -> str:
    response = openai_client.chat.completions.create(
        model=REPLY_MODEL,
        messages=[
            {"role": "system", "content": SYSTEM_PROMPT.format(language=language)},
            {"role": "user", "content": f"Customer ticket:\n{ticket}"},
        ],
    )
    return response.choices[0].message.content


def classify(ticket: str) -> str:
    # A frontier model for a three-way label.
    # prompt-cost: 3000/day
    result = openai_client.chat.completions.create(
        model="gpt-4.1",
        max_completion_tokens=5,
        messages=[
            {"role": "system", "content": "Classify the ticket as billing, bug or question. Reply with one word."},
            {"role": "user", "content": ticket},
        ],
    )
    return result.choices[0].message.content.strip()


def summarise_thread(messages: list[str]) -> str:
    message = claude.messages.create(
        model="claude-sonnet-4-5",
        max_tokens=300,
        system="Summarise the support thread in three bullet points for the next agent.",
        messages=[{"role": "user", "content": "\n\n".join(messages)}],
    )
    return message.content[0].text


def escalation_note(ticket: str) -> str:
    # An Azure-style deployment name: mapped to gpt-4o in .promptcost.json.
    return openai_client.chat.completions.create(
        model="support-gpt4o-prod",
        max_completion_tokens=200,
        messages=[{"role": "user", "content": f"Write an escalation note for: {ticket}"}],
    ).choices[0].message.content
