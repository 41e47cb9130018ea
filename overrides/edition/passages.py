"""Passages of a built page by their paragraph numbers: the blocks under a heading, as ranges."""
from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from .print_pages import BuiltPage

HEADING = re.compile(r"^h([1-6])$")
NUMBERED = re.compile(r"^p-(\d+)-(\d+)$")


def _blocks(article: BeautifulSoup):
    """(heading level, heading id) or (None, number) for the page's top-level elements."""
    for node in article.contents:
        if not isinstance(node, Tag):
            continue
        heading = HEADING.match(node.name)
        if heading:
            yield int(heading.group(1)), node.get("id", "")
            continue
        for element in [node, *node.find_all("li", recursive=False)]:
            match = NUMBERED.match(element.get("id", ""))
            if match:
                yield None, f"{match.group(1)}.{match.group(2)}"


def heading_ids(page: BuiltPage) -> list[str]:
    return [key for level, key in _blocks(BeautifulSoup(page.article(), "html.parser")) if level]


def numbers_under(page: BuiltPage, heading_id: str | None = None) -> list[str]:
    """The paragraph numbers of a page, or of the part of it under one heading (up to the next
    heading of the same or a higher level). None if the page has no such heading."""
    inside, level_of_heading, numbers = heading_id is None, 0, []
    for level, key in _blocks(BeautifulSoup(page.article(), "html.parser")):
        if level is not None:
            if key == heading_id:
                inside, level_of_heading = True, level
            elif inside and heading_id is not None and level <= level_of_heading:
                break
        elif inside:
            numbers.append(key)
    return numbers if inside else None


def number_ranges(numbers: list[str]) -> list[str]:
    """["7.5", "7.6", "7.7", "8.2"] -> ["7.5–7.7", "8.2"]."""
    runs: list[list[tuple[int, int]]] = []
    for number in numbers:
        chapter, k = (int(part) for part in number.split("."))
        if runs and runs[-1][-1] == (chapter, k - 1):
            runs[-1].append((chapter, k))
        else:
            runs.append([(chapter, k)])
    return [f"{run[0][0]}.{run[0][1]}" + (f"–{run[-1][0]}.{run[-1][1]}" if len(run) > 1 else "")
            for run in runs]
