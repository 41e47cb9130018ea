"""The built web pages the PDFs are made from: the nav order, each page's article and head.

The PDFs have no second source: they read the HTML that the MkDocs build wrote, so the
paragraph numbers, footnote numbers, citations and corrections are the web edition's own.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from edition.errors import ContentError
from edition.site import ARTICLE_START, page_url


@dataclass(frozen=True)
class BuiltPage:
    src: str  # "verkenning/inleiding.md"
    url: str  # "verkenning/inleiding/" ("" for the home page)
    file: Path  # site/nl/verkenning/inleiding/index.html
    html: str  # the whole page

    @property
    def key(self) -> str:
        """A name for the page inside one document: "verkenning-inleiding" ("home" for /)."""
        return self.url.strip("/").replace("/", "-") or "home"

    def article(self) -> str:
        """The page's text as the web shows it (inside Material's <article>)."""
        start = ARTICLE_START.search(self.html)
        end = self.html.rfind("</article>")
        if start is None or end < start.end():
            raise ContentError(self.file, "no <article class=\"md-content__inner\"> in the built page")
        return self.html[start.end():end]

    def head(self) -> BeautifulSoup:
        return BeautifulSoup(self.html[:self.html.find("<body")], "html.parser")

    def canonical(self) -> str:
        link = self.head().select_one('link[rel="canonical"]')
        if link is None:
            raise ContentError(self.file, "no <link rel=\"canonical\">: is site_url set?")
        return link["href"]

    def meta(self, name: str) -> str:
        tag = self.head().select_one(f'meta[name="{name}"]')
        return tag["content"] if tag is not None else ""


def built_page(edition: Path, src: str) -> BuiltPage:
    url = page_url(src)
    file = edition / url / "index.html"
    if not file.exists():
        raise ContentError(file, f"the built page of {src} is missing: build the site first")
    return BuiltPage(src, url, file, file.read_text(encoding="utf-8"))


def built_pages(edition: Path, nav: tuple[str, ...]) -> list[BuiltPage]:
    return [built_page(edition, src) for src in nav]
