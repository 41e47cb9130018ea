"""A built page cut into the records of the search: one per numbered paragraph, footnote and
source, and one per heading for the text under it that has no number (a concept's page, a
person, a section of an unnumbered page).

Read from the page's article as search_markup.py marked it: ignored parts are left out, and
a record keeps its headings' level (and any data-pagefind-weight), so that Pagefind weighs a
name or a heading as it would on the page.

Pagefind searches a record's metadata too, so the metadata holds no word that is not in the
record's text: the page by its number in search.json, the anchor, the heading, the name.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

import lxml.html

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Elements that end a run of words: text on either side is not one word.
BLOCKS = HEADINGS | {"p", "li", "dd", "dt", "div", "blockquote", "td", "th", "tr", "figcaption",
                     "pre", "ul", "ol", "dl", "table", "figure", "section", "br", "hr"}
FOOTNOTE = re.compile(r"^fn:\d+$")


@dataclass
class Record:
    page: str  # the page's URL relative to the edition: "verkenning/inleiding/"
    anchor: str = ""  # "p-1-2", "fn:7", a heading's id; "" for the top of the page
    section: str = ""  # the heading the record starts with (not the page's title)
    name: str = ""  # a concept's or person's name: their record ranks first for it
    parts: list[list[str]] = field(default_factory=list)  # [tag, weight, text]: a run of words

    @property
    def url(self) -> str:
        return f"{self.page}#{self.anchor}" if self.anchor else self.page

    def add(self, text: str, tag: str = "p", weight: str = "") -> None:
        """Text in document order: inline elements join their neighbours' words."""
        if self.parts and self.parts[-1][:2] == [tag, weight]:
            self.parts[-1][2] += text
        else:
            self.parts.append([tag, weight, text])

    def close_run(self) -> None:
        """A block ends: the next text is not part of the same word."""
        if self.parts:
            self.parts[-1][2] += " "

    @property
    def text(self) -> str:
        return " ".join(" ".join(text.split()) for _, _, text in self.parts if text.strip())

    def html(self, lang: str, page_number: int) -> str:
        """A small page for Pagefind: its meta in <head>, its words in their elements."""
        meta = {"page": str(page_number), "anchor": self.anchor, "section": self.section, "name": self.name}
        head = "".join(f'<meta data-pagefind-meta="{key}[content]" content="{html.escape(value)}">'
                       for key, value in meta.items() if value)
        body = "".join(f"<{tag}{_weight(weight)}>{html.escape(' '.join(text.split()))}</{tag}>"
                       for tag, weight, text in self.parts if text.strip())
        return f'<!doctype html><html lang="{lang}"><head>{head}</head><body>{body}</body></html>'


def _weight(weight: str) -> str:
    return f' data-pagefind-weight="{weight}"' if weight else ""


def _text(element) -> str:
    return " ".join(element.text_content().split())


class _Cutter:
    def __init__(self, page: str):
        self.page = page
        self.records: list[Record] = []
        self.section: Record | None = None

    def start(self, element) -> Record | None:
        """The record an element begins, if it begins one."""
        anchor = element.get("id") or ""
        named = element.get("data-pagefind-weight") is not None
        if element.tag in HEADINGS and anchor:
            top = element.tag == "h1"
            record = Record(self.page, "" if top else anchor, "" if top else _text(element),
                            _text(element) if named else "")
            self.section = record
        elif anchor and element.get("data-pagefind-meta", "").startswith("number:") or FOOTNOTE.match(anchor):
            record = Record(self.page, anchor)
        elif anchor and element.tag == "li" and "bibliography" in (element.getparent().get("class") or ""):
            record = Record(self.page, anchor)
        else:
            return None
        self.records.append(record)
        return record

    def walk(self, element, inside: Record | None, heading: tuple[str, str] | None) -> None:
        if element.get("data-pagefind-ignore") is not None or not isinstance(element.tag, str):
            return
        started = self.start(element)
        if started is not None and started is not self.section:
            inside = started
        if element.tag in HEADINGS:
            heading = (element.tag, element.get("data-pagefind-weight", ""))
        target = lambda: inside or self.section  # noqa: E731 (a heading changes the section)
        block = element.tag in BLOCKS
        if block and target():
            target().close_run()
        self._add(element.text, target(), heading)
        for child in element:
            self.walk(child, inside, heading)
            self._add(child.tail, target(), heading)
        if block and target():
            target().close_run()

    @staticmethod
    def _add(text: str | None, record: Record | None, heading: tuple[str, str] | None) -> None:
        if text and record is not None:
            record.add(text, *(heading or ("p", "")))


def page_records(page_html: str, page: str) -> tuple[str, list[Record]]:
    """The title and records of a built page whose article is marked data-pagefind-body (no
    records otherwise)."""
    match = re.search(r"<article\b[^>]*\bdata-pagefind-body[^>]*>.*?</article>", page_html, re.S)
    if match is None:
        return "", []
    article = lxml.html.fragment_fromstring(match.group(0))
    title = article.find(".//h1")
    cutter = _Cutter(page)
    cutter.walk(article, None, None)
    return (_text(title) if title is not None else ""), [record for record in cutter.records if record.text]
