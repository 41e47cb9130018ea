"""The brochure text as extracted (docs/data/source/): its fragments, for the "no sentence lost" check."""
from __future__ import annotations

import re
from dataclasses import dataclass

SOURCE = "source/durf-te-dromen.txt"  # in docs/data/
FOOTNOTE_START = re.compile(r"^\s*\d{1,2}(?:\s{2,}|\t)\S")
# A fragment ends at a sentence's end, a colon or semicolon, a blank line, a list bullet or a
# column gap: smaller fragments still prove that every word is there, in order.
BOUNDARY = re.compile(r"(?<=[.!?:;])\s+|\n\s*\n|^\s*(?:[-•]|\d+\.)\s+|(?<=\S) {2,}(?=\S)|\s-\s"
                      r"|^\s*\d{1,2}(?: {2,}|\t[\s\t]*)(?=\S)", re.MULTILINE)


@dataclass(frozen=True)
class Fragment:
    line: int
    text: str


def key(text: str) -> str:
    """Letters and digits only, case-folded: blind to whitespace, hyphenation and quotes."""
    return re.sub(r"[\W_]+", "", text.casefold())


def split_running_text_and_notes(lines: list[str]) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """Footnotes sit between paragraphs in the extract; lift them out so sentences rejoin."""
    body, notes = [], []
    in_note = False
    for number, line in enumerate(lines, start=1):
        if FOOTNOTE_START.match(line) and (number == 1 or not lines[number - 2].strip() or in_note):
            in_note = True
            notes.append((number, line))
        elif in_note and line.startswith("  ") and line.strip():
            notes.append((number, line))
        else:
            in_note = False
            body.append((number, line))
    return body, notes


def fragments(project) -> list[Fragment]:
    lines = (project.data / SOURCE).read_text(encoding="utf-8").split("\n")
    body, notes = split_running_text_and_notes(lines)
    found = []
    for part in (body, notes):
        text = "\n".join(line for _, line in part)
        starts = []
        offset = 0
        for number, line in part:
            starts.append((offset, number))
            offset += len(line) + 1
        position = 0
        for piece in BOUNDARY.split(text):
            if piece is None:
                continue
            index = text.find(piece, position)
            position = max(position, index)
            line = max((n for o, n in starts if o <= index), default=1)
            if key(piece):
                found.append(Fragment(line, piece.strip()))
    return found
