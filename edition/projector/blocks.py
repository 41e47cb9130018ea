"""The numbered paragraphs as slides show them: read from the rendered pages, so a slide holds
the text the reader's page holds (the numbering, the corrections and the translation included).

On a slide a paragraph is its words, the Dutch original beside an English quotation included
(as on the page and in the handout): no number link and no footnote calls (the slide names the
number itself), and no links (nothing on a projected slide is clicked). The words that a concept
deck is about are marked.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

from edition.markup import any_of, element

BLOCK_ID = re.compile(r"^p-(\d+)-(\d+)$")
# a.paranum, sup:has(a.footnote-ref), .edition-note
LEFT_OUT = any_of(element("a", "paranum"), element("sup", has=element("a", "footnote-ref")), element(cls="edition-note"))
KEPT_CLASSES = {"slide-term", "original"}
KEPT = {"em", "strong", "span", "p", "i", "b", "q", "abbr", "cite", "br", "sub", "sup"}
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
    concepts = tuple(dict.fromkeys(link["data-concept"] for link in
                                   element.find_all("a", class_="concept-link", attrs={"data-concept": True})))
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
    for extra in soup.find_all(LEFT_OUT):
        extra.decompose()
    if concept:
        for link in soup.find_all("a", class_="concept-link", attrs={"data-concept": concept}):
            link.name, link.attrs = "strong", {"class": ["slide-term"]}
    for element in soup.find_all(True):
        if element.name == "a":
            # A link in another language keeps its language on a span.
            element.name = "span"
        if element.name not in KEPT:
            element.unwrap()
            continue
        classes = [name for name in element.get("class", []) if name in KEPT_CLASSES]
        element.attrs = {key: value for key, value in element.attrs.items() if key in KEPT_ATTRIBUTES}
        if classes:
            element["class"] = classes
        if element.name == "span" and not element.attrs:
            element.unwrap()
    text = str(soup).strip()
    if block.kind == "blockquote":
        return f"<blockquote>{text}</blockquote>"
    return f"<p>{text}</p>"


def text_length(html_text: str, per_break: int) -> int:
    """The number of characters a reader sees, and `per_break` for each paragraph or list item
    after the first (for the type size of the slide)."""
    soup = BeautifulSoup(html_text, "html.parser")
    breaks = max(0, len(soup.find_all(["p", "li", "blockquote"], recursive=True)) - 1)
    return len(" ".join(soup.get_text(" ").split())) + per_break * breaks
