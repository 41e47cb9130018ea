"""The chapters: the pages with paragraph numbers, in reading order, with their number prefix.

The same rule as the paragraph numbers (hooks/paragraph_numbers.py): the pages of the nav whose
source-language front matter says `numbered: true`, counted 0, 1, 2, ... in nav order. Read
from the sources and mkdocs.yml, so that a hook can use it before any page is rendered, and
the print and test code without a build.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils.meta import get_data

from .paths import DOCS, SOURCE_LANGUAGE
from .print_pages import nav_sources, page_url

TITLE = re.compile(r"^#\s+(.+?)\s*(?:\{[^}]*\})?\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Chapter:
    src: str  # "verkenning/kracht-en-macht.md"
    prefix: int  # 4: its paragraphs are 4.1, 4.2, ...

    @property
    def key(self) -> str:
        """The file name of its data: verkenning/kracht-en-macht.md -> verkenning-kracht-en-macht."""
        return self.src[:-3].replace("/", "-")

    @property
    def url(self) -> str:
        return page_url(self.src)


def chapters(docs: Path = DOCS) -> list[Chapter]:
    source = docs / SOURCE_LANGUAGE
    numbered = [src for src in nav_sources() if (source / src).exists()
                and get_data((source / src).read_text(encoding="utf-8"))[1].get("numbered")]
    return [Chapter(src, prefix) for prefix, src in enumerate(numbered)]


def chapter_of(src: str, docs: Path = DOCS) -> Chapter | None:
    return next((chapter for chapter in chapters(docs) if chapter.src == src), None)


def markdown_title(path: Path) -> str:
    """The text of a page's `# Title { #id }` line, from its Markdown source."""
    match = TITLE.search(get_data(path.read_text(encoding="utf-8"))[0])
    return match.group(1).strip() if match else path.stem

