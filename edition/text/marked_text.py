"""Plain text that keeps its language marks, for excerpts: the words of an element marked
lang="nl" stay marked when the text is cut to a few words and written again as HTML."""
from __future__ import annotations

import html
import re

from bs4 import Tag

OPEN, SEP, CLOSE = "\x04", "\x06", "\x05"
MARK = re.compile(f"{OPEN}([\\w-]+){SEP}|{CLOSE}")


def mark_languages(element: Tag) -> None:
    """Put a mark around the text of each element that states its language (changes element)."""
    for marked in element.find_all(lang=True):  # [lang]
        marked.insert(0, f"{OPEN}{marked['lang']}{SEP}")
        marked.append(CLOSE)


def _open_at_end(text: str, lang: str | None = None) -> str | None:
    for mark in MARK.finditer(text):
        lang = mark.group(1)  # None at a close
    return lang


def balanced(parts: list[str], cut: str = "") -> list[str]:
    """Each part with its marks closed at its end and reopened at the next part's start, the
    first reopened where `cut` (the text left out before it) ends inside a marked stretch."""
    lang = _open_at_end(cut)
    result = []
    for part in parts:
        opened = f"{OPEN}{lang}{SEP}" if lang else ""
        lang = _open_at_end(part, lang)
        result.append(opened + part + (CLOSE if lang else ""))
    return result


def to_html(text: str) -> str:
    """Escaped, the marks as <span lang="…">; a close without its open is dropped."""
    out, depth = [], 0
    for piece in re.split(f"({OPEN}[\\w-]+{SEP}|{CLOSE})", text):
        if piece.startswith(OPEN):
            out.append(f'<span lang="{piece[1:-1]}">')
            depth += 1
        elif piece == CLOSE:
            if depth:
                out.append("</span>")
                depth -= 1
        else:
            out.append(html.escape(piece))
    return "".join(out) + "</span>" * depth


def plain(text: str) -> str:
    return MARK.sub("", text)
