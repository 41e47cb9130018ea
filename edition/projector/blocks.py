"""The numbered paragraphs as slides show them: read from the rendered pages, so a slide holds
the text the reader's page holds (the numbering, the corrections and the translation included).

On a slide a paragraph is its words only: no number link, no footnote calls, no Dutch original
beside an English quotation (the slide names the number itself, and the room reads one
language), and no links (nothing on a projected slide is clicked); the words that a concept
deck is about are emphasised.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

BLOCK_ID = re.compile(r"^p-(\d+)-(\d+)$")
LEFT_OUT = "a.paranum, sup, .original, .edition-note"
KEPT = {"em", "strong", "span", "p", "i", "b", "q", "abbr", "cite", "br"}
KEPT_ATTRIBUTES = {"lang"}


@dataclass(frozen=True)
class Block:
    number: str  # "4.7"
    anchor: str  # "p-4-7"
    src: str  # the page it is on: "verkenning/kracht-en-macht.md"
    kind: str  # "p", "li" or "blockquote"
    inner: str  # the rendered element's inner HTML, as on the page
    concepts: tuple[str, ...]  # the concepts it links to

    @property
    def order(self) -> tuple[int, int]:
        chapter, k = self.number.split(".")
        return int(chapter), int(k)


def page_blocks(src: str, content: str) -> list[Block]:
    """The numbered blocks of one rendered page, in their order."""
    soup = BeautifulSoup(content, "html.parser")
    return [_block(src, element) for element in soup.find_all(id=BLOCK_ID)]


def _block(src: str, element: Tag) -> Block:
    chapter, k = BLOCK_ID.match(element["id"]).groups()
    concepts = tuple(dict.fromkeys(link["data-concept"] for link in element.select("a.concept-link[data-concept]")))
    return Block(f"{chapter}.{k}", element["id"], src, element.name, element.decode_contents(), concepts)


def sections(content: str, ids: list[str]) -> dict[str, list[str]]:
    """Per heading id, the anchors of the numbered blocks under that heading up to the next
    heading of the same or a higher level (the agenda's text of each tension)."""
    soup = BeautifulSoup(content, "html.parser")
    found = {}
    for heading_id in ids:
        heading = soup.find(id=heading_id)
        if heading is None or not re.fullmatch(r"h[1-6]", heading.name):
            continue
        level, anchors = int(heading.name[1]), []
        for sibling in heading.find_next_siblings(True):
            if re.fullmatch(r"h[1-6]", sibling.name) and int(sibling.name[1]) <= level:
                break
            anchors += [sibling["id"]] if BLOCK_ID.match(sibling.get("id", "")) else \
                [inner["id"] for inner in sibling.find_all(id=BLOCK_ID)]
        found[heading_id] = anchors
    return found


def slide_html(block: Block, concept: str | None = None) -> str:
    """The block's words for a slide (see the module's docstring); `concept`: its words emphasised."""
    soup = BeautifulSoup(block.inner, "html.parser")
    for element in soup.select(LEFT_OUT):
        element.decompose()
    if concept:
        for link in soup.select(f'a.concept-link[data-concept="{concept}"]'):
            link.name, link.attrs = "strong", {"class": ["slide-term"]}
    for element in soup.find_all(True):
        if element.name == "a":
            # A link in another language keeps its language on a span.
            element.name = "span"
        if element.name not in KEPT:
            element.unwrap()
            continue
        element.attrs = {key: value for key, value in element.attrs.items()
                         if key in KEPT_ATTRIBUTES or (key == "class" and "slide-term" in value)}
        if element.name == "span" and not element.attrs:
            element.unwrap()
    text = str(soup).strip()
    if block.kind == "blockquote":
        return f"<blockquote>{text}</blockquote>"
    return f"<p>{text}</p>"


def text_length(html_text: str) -> int:
    """The number of characters a reader sees (for the type size of the slide)."""
    return len(" ".join(BeautifulSoup(html_text, "html.parser").get_text(" ").split()))
