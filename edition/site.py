"""The shape of the publication: its pages in reading order, their addresses, and the chapters.

The chapters are the pages of the nav whose source-language front matter says `numbered: true`,
counted 0, 1, 2, ... in nav order: the prefix of their paragraph numbers. Read from the sources
and mkdocs.yml, so that the web build can use it before any page is rendered, and the print and
test code without a build.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from edition.errors import ContentError

TITLE = re.compile(r"^#\s+(.+?)\s*(?:\{[^}]*\})?\s*$", re.MULTILINE)
FRONT_MATTER = re.compile(r"\A-{3}\s*\n(.*?\n)?(?:-{3}|\.{3})\s*\n", re.DOTALL)
# Where a built page's text begins (Material's article element): additions and print read it.
ARTICLE_START = re.compile(r'<article class="md-content__inner[^"]*"[^>]*>')


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


def nav_sources(config: dict) -> tuple[str, ...]:
    """The pages of mkdocs.yml's nav in reading order (the same for every language)."""

    def walk(items):
        for item in items:
            if isinstance(item, str):
                yield item
            elif isinstance(item, dict):
                for value in item.values():
                    yield from (walk(value) if isinstance(value, list) else [value])
    return tuple(walk(config["nav"]))


def page_url(src: str) -> str:
    """The directory URL of a source file: verkenning/index.md -> verkenning/."""
    stem = src[:-3]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


def split_front_matter(text: str, shown: str = "") -> tuple[str, dict]:
    """A page's Markdown without its YAML front matter, and the front matter."""
    match = FRONT_MATTER.match(text)
    if match is None:
        return text, {}
    try:
        meta = yaml.safe_load(match.group(1) or "") or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ContentError(shown, f"front matter is not valid YAML: {error}", mark.line + 2 if mark else 1) from None
    if not isinstance(meta, dict):
        return text, {}
    return text[match.end():], meta


def numbered_chapters(project) -> list[Chapter]:
    source = project.content(project.source_language)
    numbered = [src for src in project.nav() if (source / src).exists()
                and split_front_matter((source / src).read_text(encoding="utf-8"))[1].get("numbered")]
    return [Chapter(src, prefix) for prefix, src in enumerate(numbered)]


def markdown_title(path: Path) -> str:
    """The text of a page's `# Title { #id }` line, from its Markdown source."""
    # Asked for on every page (the book's title); read again only when the file changes.
    return _title(path, path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=256)
def _title(path: Path, modified: int) -> str:
    match = TITLE.search(split_front_matter(path.read_text(encoding="utf-8"))[0])
    return match.group(1).strip() if match else path.stem


def relative_url(target_url: str, from_url: str) -> str:
    """Link from one page's directory URL to another's ("" is the edition's home)."""
    import posixpath
    if not from_url:
        return target_url or "./"
    return posixpath.relpath(target_url or ".", from_url) + "/"


def fill_marker(text: str, marker: str, render, path: str, what: str) -> str:
    """Replace a page's marker line (e.g. <!-- bibliography -->) with generated content."""
    if marker not in text:
        raise ContentError(path, f"the page needs the line {marker} ({what})")
    return text.replace(marker, render())
