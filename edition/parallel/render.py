"""The rows of a parallel page as HTML.

Reading order is the row's number, then the page's own language, then the other: each cell
says its language (a label that screen readers read, shown when the cells are stacked) and
carries it (lang). A row of a numbered block has the block's address (#p-4-7, as in the
chapter); the first column's headings keep theirs (#zelfbeleving). Every other id in a cell
gets the cell's language before it (en-fn:7, nl-concept-definition-eigen-kracht), and the
links and references inside the cell follow, so that both languages' footnotes and concept
definitions live on one page. Relative links are rebased from the chapter's address in its
edition to the parallel page's: a concept link in the English column leads to the English
concept page.
"""
from __future__ import annotations

import copy
import html
import posixpath
import re

from bs4 import Tag

from edition.parallel.model import ChapterText, Unit
from edition.parallel.pages import relative

ID_REFERENCES = ("aria-describedby", "aria-labelledby", "aria-controls", "for")
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|/)", re.I)


class Column:
    """One language's cells on one parallel page: its ids renamed, its links rebased."""

    def __init__(self, text: ChapterText, page_lang: str, page_url: str, first: bool):
        self.text, self.page_lang, self.page_url, self.first = text, page_lang, page_url, first
        self.lang = text.lang
        self.ids: dict[str, str] = {}
        parts = [unit.element for unit in text.units] + [text.footnotes, text.definitions]
        for part in filter(None, parts):
            for element in [part, *part.find_all(id=True)]:
                if element.get("id"):
                    self.ids[element["id"]] = self._new_id(element)

    def _new_id(self, element: Tag) -> str:
        old = element["id"]
        if old.startswith("p-") or (self.first and element.name in ("h2", "h3", "h4", "h5", "h6")):
            return old  # the row's address, or a heading's address as in the chapter
        return f"{self.lang}-{old}"

    def _url(self, value: str) -> str:
        if value.startswith("#"):
            return "#" + self.ids.get(value[1:], value[1:])
        if not value or EXTERNAL.match(value):
            return value
        path, hash_, fragment = value.partition("#")
        target = posixpath.normpath(posixpath.join(f"/{self.lang}/{self.text.url}", path))
        return relative(target + ("/" if path.endswith("/") else ""), f"/{self.page_lang}/{self.page_url}") \
            + hash_ + fragment

    def adopt(self, element: Tag, keep_id: bool = True) -> Tag:
        """A copy of one of the chapter's elements, fit for the parallel page."""
        element = copy.copy(element)
        for number in element.find_all("a", class_="paranum"):
            number.decompose()
        for node in [element, *element.find_all(True)]:
            if node.get("id"):
                node["id"] = self.ids.get(node["id"], node["id"])
            for attribute in ID_REFERENCES:
                if node.get(attribute):
                    node[attribute] = " ".join(self.ids.get(token, token) for token in node[attribute].split())
            for attribute in ("href", "src"):
                if node.get(attribute) is not None:
                    node[attribute] = self._url(node[attribute])
            href = node.get("href", "#") if node.name == "a" else "#"
            if self.lang != self.page_lang and not href.startswith("#") and not EXTERNAL.match(href):
                node["hreflang"] = self.lang  # it leads into the other language's edition
        if not keep_id:
            del element["id"]
        return element


def _cell(column: Column, content: str, label: str) -> str:
    label_lang = f' lang="{column.page_lang}"' if column.lang != column.page_lang else ""
    return (f'<div class="parallel-cell" lang="{column.lang}">'
            f'<span class="parallel-cell__lang"{label_lang}>{html.escape(label)}</span>\n{content}\n</div>')


def _unit_html(column: Column, unit: Unit) -> str:
    if unit.kind != "block":
        return str(column.adopt(unit.element))
    block = column.adopt(unit.element, keep_id=False)
    block["data-paragraph"] = unit.number
    if unit.list_tag:
        start = f' start="{unit.list_start}"' if unit.list_tag == "ol" and unit.list_start != 1 else ""
        return f"<{unit.list_tag}{start}>{block}</{unit.list_tag}>"
    return str(block)


def row_html(columns: list[Column], units: list[Unit], labels: dict[str, str], paragraph_label: str) -> str:
    first = units[0]
    cells = "\n".join(_cell(column, _unit_html(column, unit), labels[column.lang])
                      for column, unit in zip(columns, units))
    if first.kind == "block":
        anchor = first.key
        number = (f'<div class="parallel-row__number"><a class="paranum" href="#{anchor}" '
                  f'aria-label="{html.escape(paragraph_label)} {first.number}">{first.number}</a></div>')
        return f'<div class="parallel-row" id="{anchor}">\n{number}\n{cells}\n</div>'
    return f'<div class="parallel-row parallel-row--{first.kind}">\n{cells}\n</div>'


def notes_html(columns: list[Column], labels: dict[str, str], title: str) -> str:
    """Each language's footnotes, apart, numbered as in its edition."""
    cells = []
    for column in columns:
        if column.text.footnotes is None:
            cells.append(_cell(column, "", labels[column.lang]))
            continue
        notes = column.adopt(column.text.footnotes)
        for rule in notes.find_all("hr", recursive=False):
            rule.decompose()
        cells.append(_cell(column, str(notes), labels[column.lang]))
    if all(column.text.footnotes is None for column in columns):
        return ""
    return (f'<h2 class="parallel-notes-title" id="parallel-notes">{html.escape(title)}</h2>\n'
            f'<div class="parallel-row parallel-row--notes">\n' + "\n".join(cells) + "\n</div>")


def definitions_html(columns: list[Column]) -> str:
    """Both languages' hidden concept definitions (the concept links' aria-describedby)."""
    parts = []
    for column in columns:
        if column.text.definitions is not None:
            definitions = column.adopt(column.text.definitions)
            definitions["lang"] = column.lang
            parts.append(str(definitions))
    return "".join(parts)


def languages_html(columns: list[Column], labels: dict[str, str]) -> str:
    """The columns' names above them on a wide screen (each cell says it again for screen readers)."""
    names = "".join(f'<span class="parallel-languages__name">{html.escape(labels[c.lang])}</span>' for c in columns)
    return f'<div class="parallel-row parallel-languages" aria-hidden="true">{names}</div>'
