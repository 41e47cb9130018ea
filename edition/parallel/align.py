"""Pair a chapter's two languages unit by unit; a gap in the translation stops the build.

The check is the one the translation is held to everywhere (edition/text/alignment.py: the same
headings, numbered blocks, footnote calls and citations in the same order), and, for the view,
the same unnumbered blocks (a signature, a figure) in the same places. The error names the
translation's file and the first paragraph where the two part.
"""
from __future__ import annotations

from edition.errors import ContentError
from edition.parallel.model import ChapterText, Unit, describe
from edition.text.alignment import divergence_of

SEE = "the side-by-side view pairs the two paragraph by paragraph"


def check(source: ChapterText, translation: ChapterText, source_skeleton: list[tuple],
          translation_skeleton: list[tuple]) -> None:
    """`*_skeleton`: each page's alignment.structure."""
    divergence = divergence_of(source_skeleton, translation_skeleton)
    if divergence:
        raise ContentError(translation.path, f"not aligned with {source.path}: {divergence} ({SEE})")
    ours, theirs = source.keys(), translation.keys()
    for index in range(max(len(ours), len(theirs))):
        a = ours[index] if index < len(ours) else None
        b = theirs[index] if index < len(theirs) else None
        if a != b:
            raise ContentError(translation.path, f"not aligned with {source.path}: the source has "
                                                 f"{describe(a, source.lang)} where the translation has "
                                                 f"{describe(b, translation.lang)} ({SEE})")


def rows(texts: list[ChapterText]) -> list[list[Unit]]:
    """The units of aligned texts side by side, in the order of the texts: one row per unit."""
    return [list(units) for units in zip(*(text.units for text in texts))]
