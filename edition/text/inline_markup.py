"""The little markup that texts kept in data files may use (summaries, the reasons of the
corrections): emphasis, and the language of a word kept from another language.

    *word*                  emphasis
    *gemeente*{ lang=nl }   emphasis, in Dutch
    [begint]{ lang=nl }     in Dutch, not emphasised

Everything else is text: it is escaped, never read as HTML.
"""
from __future__ import annotations

import html
import re

LANG = r"(?:\{\s*lang=([A-Za-z-]+)\s*\})"
EMPHASIS = re.compile(r"\*([^*\n]+)\*" + LANG + "?")
SPAN = re.compile(r"\[([^\]\n]+)\]" + LANG)


def to_html(text: str) -> str:
    escaped = html.escape(text)
    escaped = SPAN.sub(lambda m: f'<span lang="{m.group(2)}">{m.group(1)}</span>', escaped)
    return EMPHASIS.sub(lambda m: f'<em lang="{m.group(2)}">{m.group(1)}</em>' if m.group(2)
                        else f"<em>{m.group(1)}</em>", escaped)


def plain(text: str) -> str:
    """The text without its markup (for a page description, a readability formula)."""
    return EMPHASIS.sub(r"\1", SPAN.sub(r"\1", text))
