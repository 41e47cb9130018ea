"""One web page's article as a chapter of a printed document (HTML in, HTML out).

Pages combined into one document need unique ids (Python-Markdown restarts its footnote ids
on every page, and two pages may share a heading id) and their links between pages turned
into links inside the document. Footnotes become elements with `float: footnote`, placed
where they are called, so that WeasyPrint sets each at the bottom of its page.
"""
from __future__ import annotations

import posixpath
import re
from urllib.parse import quote, urlsplit

from bs4 import BeautifulSoup, NavigableString

from edition.print.pages import BuiltPage
from edition.site import page_url
from edition.text.steps import SOURCES_PAGE

# Paragraph anchors (#p-3-4) are unique in the whole edition and keep their web form, so that
# a PDF viewer can open durf-te-dromen.pdf#p-3-4 as the web opens dialoog/#p-3-4.
PARAGRAPH_ID = re.compile(r"^p-\d+-\d+$")
# What the web adds around the authors' text: permalinks, the reader tools under a chapter's
# title (reading time, summary, citation panel: .edition-reader), their data, the PDF links,
# and what is operated rather than read: the glossary's A–Z bar, instructions for a screen.
WEB_ONLY = ("a.headerlink, .md-source-file, .md-content__button, .edition-reader, script, .edition-downloads, "
            "nav.glossary-letters, .edition-screen-only")
# The list of sources: a link to one of its entries is a citation, which names its source
# already, not a cross-reference that needs a page number.
SOURCES_URL = page_url(SOURCES_PAGE)


def document_id(page_key: str, element_id: str) -> str:
    return element_id if PARAGRAPH_ID.match(element_id) else f"{page_key}--{element_id}"


def heading_depth(src: str) -> int:
    """How many levels a page's headings move down in the document: the sections of the
    essay (verkenning/x.md) sit under the essay's title page (verkenning/index.md)."""
    depth = src.count("/")
    return depth - 1 if src.endswith("/index.md") else depth


class Chapter:
    """Rewrites one built page for a document that holds the pages `included` (url -> key)."""

    def __init__(self, page: BuiltPage, included: dict[str, str], web_root: str, page_word: str = ""):
        self.page = page
        self.included = included
        self.web_root = web_root  # https://host/nl/
        self.page_word = page_word  # "blz." / "p.": cross-references get the target's page number

    def html(self, **attributes: str) -> str:
        soup = BeautifulSoup(self.page.article(), "html.parser")
        self.rewrite(soup)
        section = soup.new_tag("section", attrs={"class": "chapter", "id": self.page.key,
                                                  "data-src": self.page.src, **attributes})
        section.extend(list(soup.contents))
        return str(section)

    def rewrite(self, soup: BeautifulSoup) -> None:
        """The steps, in their order (the EPUB's chapter, edition/epub/chapter.py, adds its own)."""
        for element in soup.select(WEB_ONLY):
            element.decompose()
        self._footnotes(soup)
        self._paragraph_numbers(soup)
        self._ids(soup)
        self._links(soup)
        self._images(soup)
        self._definition_lists(soup)
        self._demote(soup, heading_depth(self.page.src))

    def _footnotes(self, soup: BeautifulSoup) -> None:
        """Each note moves to its (first) call, as an inline element floated to the page foot."""
        notes = {}
        for item in soup.select("div.footnote > ol > li[id^='fn']"):
            for back in item.select("a.footnote-backref"):
                back.decompose()
            span = soup.new_tag("span")
            for paragraph in item.find_all("p", recursive=False):
                if span.contents:
                    span.append(" ")
                span.extend(list(paragraph.contents))
            notes[item["id"].split(":", 1)[1]] = span
        for container in soup.select("div.footnote"):
            container.decompose()
        for call in soup.select("sup[id^='fnref']"):
            label = call.a["href"].split(":", 1)[1] if call.a else call.get_text()
            note = notes.pop(label, None)
            if note is None:  # a second call of a note already placed: the number only
                call.replace_with(BeautifulSoup(f'<sup class="footnote-again">{label}</sup>', "html.parser"))
                continue
            note.attrs = {"class": "footnote", "id": f"fn-{label}", "data-label": label}
            # Trailing spaces inside the float would show after the note's text.
            while note.contents and isinstance(note.contents[-1], NavigableString) and not note.contents[-1].strip():
                note.contents[-1].extract()
            call.replace_with(note)
            # A word joiner: the call stays on the line of the word it follows.
            note.insert_before(NavigableString("\u2060"))

    @staticmethod
    def _paragraph_numbers(soup: BeautifulSoup) -> None:
        """On paper the number is a label in the margin, not a link to itself."""
        for number in soup.select("a.paranum"):
            number.attrs = {"class": "paranum"}
            number.name = "span"

    def _ids(self, soup: BeautifulSoup) -> None:
        for element in soup.find_all(id=True):
            element["id"] = document_id(self.page.key, element["id"])

    def _links(self, soup: BeautifulSoup) -> None:
        for link in soup.find_all("a", href=True):
            original, link["href"] = link["href"], self.resolve(link["href"])
            if not link["href"].startswith("#"):
                link["class"] = link.get("class", []) + ["external"]
            elif self.page_word and not self._cites(original):
                # On paper a link is followed by its page: "over deze uitgave (blz. 38)".
                link["class"] = link.get("class", []) + ["xref"]
                link["data-page-word"] = self.page_word

    def _target(self, href: str) -> str:
        """The page a relative link leads to, as a URL of the edition ("bronnen/")."""
        target = posixpath.normpath(posixpath.join(self.page.url or ".", urlsplit(href).path))
        return "" if target == "." else target + "/" * urlsplit(href).path.endswith("/")

    def _cites(self, href: str) -> bool:
        parts = urlsplit(href)
        return bool(parts.fragment) and (self._target(href) if parts.path else self.page.url) == SOURCES_URL

    def resolve(self, href: str) -> str:
        """A link of the web page as a link of the document (or an absolute web address)."""
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            return href
        if parts.fragment.startswith("fn:"):  # a footnote (the corrections table links to one) is a float here
            parts = parts._replace(fragment="fn-" + parts.fragment[3:])
        if not parts.path:
            return "#" + document_id(self.page.key, parts.fragment)
        target = self._target(href)
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        key = self.included.get(target)
        if key is None:  # a page or file that is not in this document: its web address
            return self.web_root + target + fragment
        return "#" + (document_id(key, parts.fragment) if parts.fragment else key)

    def _images(self, soup: BeautifulSoup) -> None:
        """Images are read from the built site (the URL fetcher serves nothing else), by their
        path in the edition, which the document's base is: the composed HTML, and so the PDF
        cache's key, is then the same whichever folder the site is built into."""
        for image in soup.find_all("img", src=True):
            image["src"] = quote(posixpath.normpath(posixpath.join(self.page.url or ".", urlsplit(image["src"]).path)))

    @staticmethod
    def _definition_lists(soup: BeautifulSoup) -> None:
        """A term and its definition as paragraphs: WeasyPrint tags a <dl>'s parts as list items
        without labels, which reads worse than a paragraph per term and per definition."""
        for listing in soup.find_all("dl"):
            for part in listing.find_all(["dt", "dd"], recursive=False):
                part["class"] = part.get("class", []) + [part.name]
                part.name = "div" if part.find(["p", "ul", "ol", "div"]) else "p"
            listing.name = "div"
            listing["class"] = listing.get("class", []) + ["definitions"]

    @staticmethod
    def _demote(soup: BeautifulSoup, depth: int) -> None:
        if not depth:
            return
        for heading in soup.find_all(re.compile(r"^h[1-6]$")):
            heading.name = f"h{min(6, int(heading.name[1]) + depth)}"
