"""One built web page as one XHTML file of the EPUB.

The print edition's reading of a built page (edition/print/compose.py: what the web adds is
dropped, ids made unique in the book, paragraph numbers as labels) with what a book file needs
instead of paper: footnotes as EPUB notes after the text with links back to their calls, links
between pages as links between the book's files, links to a concept's page as links to its
entry in the glossary (which becomes a glossary: dfn terms with ids), images as files of the
book. Every link and every footnote call is recorded with its line in the built page, so that
the book can be checked as a whole (book.py) and a fault named where it is.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Comment, Tag

from edition.concepts.links import FOLDER as CONCEPTS_FOLDER
from edition.concepts.pages import INDEX as GLOSSARY_PAGE
from edition.errors import ContentError
from edition.print.compose import Chapter, document_id
from edition.site import ARTICLE_START

# What only a web page needs: the description of a concept link points at a popover of the page;
# the search's marks.
WEB_ATTRIBUTES = ("aria-describedby", "data-pagefind-ignore", "data-pagefind-meta", "data-pagefind-weight",
                  "data-search-exclude")
GLOSSARY_ENTRY = "concept-{}"


@dataclass(frozen=True)
class Link:
    href: str  # as in the book: "verkenning-inleiding.xhtml#p-1-4"
    original: str  # as on the web page
    line: int  # in the built page


def xml_lang(soup: BeautifulSoup) -> BeautifulSoup:
    """XHTML: xml:lang beside every lang (EPUB reading systems read either)."""
    for tag in soup.find_all(lang=True):
        tag["xml:lang"] = tag["lang"]
    return soup


def file_name(key: str) -> str:
    return f"{key}.xhtml"


class BookChapter(Chapter):
    """Rewrites one built page as the body of one file of the book (`included`: url -> key)."""

    def __init__(self, page, included: dict[str, str], web_root: str, strings: dict[str, str],
                 concepts: set[str], glossary_key: str | None):
        super().__init__(page, included, web_root)
        self.strings = strings
        self.concepts = concepts
        self.glossary_key = glossary_key
        self.links: list[Link] = []
        self.images: set[str] = set()  # site paths ("img/model-cirkels.svg")
        start = ARTICLE_START.search(page.html)
        self._first_line = page.html.count("\n", 0, start.end()) if start else 0

    @property
    def file(self) -> str:
        return file_name(self.page.key)

    def line(self, tag: Tag) -> int:
        """The line of a tag of the article in the built page."""
        return self._first_line + (tag.sourceline or 1)

    def html(self, **attributes: str) -> str:
        if self.page.src == GLOSSARY_PAGE:
            attributes = {"epub:type": "glossary", "role": "doc-glossary", **attributes}
        return super().html(**attributes)

    def rewrite(self, soup: BeautifulSoup) -> None:
        for comment in soup.find_all(string=lambda text: isinstance(text, Comment)):
            comment.extract()
        for tag in soup.find_all(True):
            for name in WEB_ATTRIBUTES:
                del tag[name]
        if self.page.src == GLOSSARY_PAGE:
            self._glossary(soup)
        super().rewrite(soup)
        xml_lang(soup)

    def _glossary(self, soup: BeautifulSoup) -> None:
        """Each term is defined here (dfn, with the id that concept links lead to); its link to
        the concept's web page would lead out of the book to more of the same."""
        for term in soup.select("dl > dt"):
            link = term.find("a", href=True)
            concept = link["href"].strip("/") if link is not None else ""
            if concept not in self.concepts:
                raise ContentError(self.page.file, "a glossary term without a link to its concept's page", self.line(term))
            term["id"] = GLOSSARY_ENTRY.format(concept)
            link.name = "dfn"
            link.attrs = {}

    def _footnotes(self, soup: BeautifulSoup) -> None:
        """Calls as noterefs, notes as footnotes (asides after the text), each note opening with
        its number as a link back to its (first) call: the reading systems show it as a pop-up."""
        notes: dict[str, Tag] = {}
        for item in soup.select("div.footnote > ol > li[id^='fn']"):
            label = item["id"].split(":", 1)[1]
            for back in item.select("a.footnote-backref"):
                back.decompose()
            note = soup.new_tag("aside", attrs={"id": f"fn-{label}", "class": "footnote", "epub:type": "footnote",
                                                "role": "doc-footnote"})
            back = soup.new_tag("a", attrs={"href": f"#fnref-{label}", "class": "footnote-back", "role": "doc-backlink",
                                            "aria-label": self.strings["footnote_back"].format(n=label)})
            back.string = label
            note.extend(list(item.contents))
            first = note.find("p") or note
            first.insert(0, " ")
            first.insert(0, back)
            notes[label] = note
        called: list[str] = []
        for call in soup.select("sup[id^='fnref']"):
            label = call.a["href"].split(":", 1)[1] if call.a else call.get_text()
            if label not in notes:
                raise ContentError(self.page.file, f"footnote call {label} has no note (page {self.page.src})",
                                   self.line(call))
            first = label not in called
            called.append(label)
            noteref = soup.new_tag("a", attrs={"href": f"#fn-{label}", "epub:type": "noteref", "role": "doc-noteref",
                                               "class": "noteref"})
            if first:
                noteref["id"] = f"fnref-{label}"
            noteref.string = call.get_text()
            call.attrs = {}
            call.clear()
            call.append(noteref)
        containers = soup.select("div.footnote")
        if containers:
            containers[0].insert_before(*notes.values())
        for container in containers:
            container.decompose()

    def _links(self, soup: BeautifulSoup) -> None:
        for link in soup.find_all("a", href=True):
            original, link["href"] = link["href"], self.resolve(link["href"])
            if link["href"].startswith(("http:", "https:", "mailto:")):
                link["class"] = link.get("class", []) + ["external"]
            else:
                self.links.append(Link(link["href"], original, self.line(link)))

    def resolve(self, href: str) -> str:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            return href
        fragment = parts.fragment
        if fragment.startswith(("fn:", "fnref:")):
            fragment = fragment.replace(":", "-", 1)
        if not parts.path:
            return "#" + document_id(self.page.key, fragment)
        target = self._target(href)
        key = self.included.get(target)
        if key is None:
            concept = target.removeprefix(CONCEPTS_FOLDER + "/").strip("/")
            if target.startswith(CONCEPTS_FOLDER + "/") and concept in self.concepts and self.glossary_key:
                return f"{file_name(self.glossary_key)}#{document_id(self.glossary_key, GLOSSARY_ENTRY.format(concept))}"
            return self.web_root + target + (f"#{parts.fragment}" if parts.fragment else "")
        return file_name(key) + (f"#{document_id(key, fragment)}" if fragment else "")

    def _images(self, soup: BeautifulSoup) -> None:
        """The book keeps the site's paths of its images (the chapters lie at the book's root)."""
        for image in soup.find_all("img", src=True):
            path = posixpath.normpath(posixpath.join(self.page.url or ".", urlsplit(image["src"]).path))
            image["src"] = path
            self.images.add(path)

    @staticmethod
    def _definition_lists(soup: BeautifulSoup) -> None:
        """A book keeps its definition lists (the glossary is one)."""

    @staticmethod
    def _demote(soup: BeautifulSoup, depth: int) -> None:
        """Each page is a file of its own, with its own h1; the navigation nests them."""
