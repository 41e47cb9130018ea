"""A chapter's text as its built page shows it, cut into the units the parallel view pairs.

A unit is a heading (by its id, which both languages share), a numbered block (by its number:
a paragraph, a list item or a quotation) or another block of the text (a signature, a figure:
by its place after the unit before it). The footnotes and the hidden concept definitions come
along whole: each language keeps its own.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Tag

from edition.errors import ContentError

HEADINGS = ("h2", "h3", "h4", "h5", "h6")
# Our additions in a chapter (under the title, the PDF links): not the text, not in the view.
NOT_TEXT = ["edition-reader", "edition-downloads"]  # classes
DEFINITIONS = '<div class="concept-definitions"'


@dataclass
class Unit:
    key: str  # "p-4-7", "heading:zelfbeleving", "after:p-8-30:1"
    kind: str  # "block", "heading" or "other"
    element: Tag
    number: str = ""  # "4.7" (blocks)
    # A list item's list: its tag and the item's place in it (an ordered list keeps its count).
    list_tag: str = ""
    list_start: int = 1


@dataclass
class ChapterText:
    lang: str
    path: str  # the page's source as errors name it: docs/en/verkenning/inleiding.md
    url: str  # the chapter's address in its edition: "verkenning/inleiding/"
    units: list[Unit] = field(default_factory=list)
    footnotes: Tag | None = None
    definitions: Tag | None = None

    def keys(self) -> list[str]:
        return [unit.key for unit in self.units]


def _number(anchor: str) -> str:
    return anchor[2:].replace("-", ".")


def definitions_of(page_html: str) -> str:
    """The hidden concept definitions that the build put right after the page's article."""
    start = page_html.find(DEFINITIONS, page_html.rfind("</article>"))
    return page_html[start:page_html.find("</div>", start) + len("</div>")] if start >= 0 else ""


def chapter_text(article: BeautifulSoup, definitions_html: str, lang: str, path: str, url: str) -> ChapterText:
    """The units of a built chapter's article (a parse of its inner HTML: parsing only that is
    quicker), which they take apart."""
    definitions = BeautifulSoup(definitions_html, "html.parser").find("div")
    # find_all, not select(): soupsieve's first selector costs more than this whole walk.
    for addition in article.find_all(class_=NOT_TEXT):
        addition.decompose()
    text = ChapterText(lang, path, url, definitions=definitions)
    previous, extra = "start", 0
    for element in article.find_all(True, recursive=False):
        if element.name == "h1":
            continue
        if element.name == "div" and "footnote" in element.get("class", []):
            text.footnotes = element
            continue
        if element.name in ("ul", "ol") and element.find("li", id=True, recursive=False):
            items = element.find_all("li", recursive=False)
            start = int(element.get("start", 1))
            for place, item in enumerate(items):
                if not item.get("id", "").startswith("p-"):
                    raise ContentError(path, f"a list item after {previous} has no paragraph number")
                text.units.append(Unit(item["id"], "block", item, _number(item["id"]), element.name, start + place))
            previous, extra = items[-1]["id"], 0
        elif element.get("id", "").startswith("p-"):
            text.units.append(Unit(element["id"], "block", element, _number(element["id"])))
            previous, extra = element["id"], 0
        elif element.name in HEADINGS and element.get("id"):
            previous, extra = f"heading:{element['id']}", 0
            text.units.append(Unit(previous, "heading", element))
        else:
            extra += 1
            text.units.append(Unit(f"after:{previous}:{extra}", "other", element))
    return text


def describe(key: str | None, lang_name: str) -> str:
    """A unit's key as a sentence part: "paragraph 4.7", "the heading #zelfbeleving"."""
    if key is None:
        return f"nothing more in {lang_name}"
    if key.startswith("p-"):
        return f"paragraph {_number(key)}"
    if key.startswith("heading:"):
        return f"the heading #{key.split(':', 1)[1]}"
    after, count = key.removeprefix("after:").rsplit(":", 1)
    where = "the start" if after == "start" else describe(after, lang_name)
    return f"unnumbered block {count} after {where}"
