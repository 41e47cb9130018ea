"""Paragraph numbers: every paragraph-level block of a numbered page gets "N.k" and #p-N-k.

N is the page's chapter prefix (its position among the numbered pages of the nav), k counts
the page's blocks in order: each top-level paragraph, each item of a top-level list and each
top-level quotation. Numbers are derived from the structure, so they only change when blocks
are added or removed before them.
"""
from __future__ import annotations

import copy
import hashlib
import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString, Tag

from edition.markup import any_of, element

UNNUMBERED_CLASSES = {"signature", "admonition", "footnote", "edition-note"}


@dataclass(frozen=True)
class Block:
    number: str  # "4.7"
    anchor: str  # "p-4-7"
    kind: str  # "p", "li" or "blockquote"
    text: str  # the block's text, footnote calls and the number left out

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.text)


def fingerprint(text: str) -> str:
    """A short hash of a block's words, blind to whitespace and typography changes."""
    words = re.sub(r"\W+", " ", text.casefold()).strip()
    return hashlib.sha256(words.encode("utf-8")).hexdigest()[:12]


def anchor_for(number: str) -> str:
    return "p-" + number.replace(".", "-")


def _numbered_elements(soup: BeautifulSoup):
    for node in soup.contents:
        if not isinstance(node, Tag) or UNNUMBERED_CLASSES & set(node.get("class", [])):
            continue
        if node.name == "p" and node.get_text(strip=True):
            yield node
        elif node.name in ("ul", "ol"):
            yield from node.find_all("li", recursive=False)
        elif node.name == "blockquote":
            yield node


# sup[id^='fnref'], a.paranum, .edition-note
NOT_TEXT = any_of(element("sup", id_prefix="fnref"), element("a", "paranum"), element(cls="edition-note"))


def block_text(element: Tag) -> str:
    copy = copy_of(element)
    for extra in copy.find_all(NOT_TEXT):
        extra.decompose()
    return " ".join(copy.get_text(" ").split())


def copy_of(element: Tag) -> Tag:
    """A detached copy of an element to take apart (cheaper than serialising and parsing it)."""
    return copy.copy(element)


def number_blocks(html: str, prefix: int, label: str = "") -> tuple[str, list[Block]]:
    """Give each block of a page's HTML its number; returns the new HTML and the blocks."""
    soup = BeautifulSoup(html, "html.parser")
    blocks = []
    for k, element in enumerate(_numbered_elements(soup), start=1):
        number = f"{prefix}.{k}"
        anchor = anchor_for(number)
        element["id"] = anchor
        link = soup.new_tag("a", attrs={"class": "paranum", "href": f"#{anchor}"})
        if label:
            link["aria-label"] = f"{label} {number}"
        link.append(NavigableString(number))
        target = element
        # Inside a quotation or a list item whose text is a paragraph, the number goes in
        # front of its first paragraph so that it lines up with the first line.
        first = element.find(["p"], recursive=False)
        if first is not None and element.name != "p":
            target = first
        target.insert(0, link)
        blocks.append(Block(number, anchor, element.name, block_text(element)))
    return str(soup), blocks
