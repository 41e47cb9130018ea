"""What a page tells search engines and link previews: its description, Open Graph tags, JSON-LD.

The description is the page's own (front matter `description:`), else the opening of its
plain-language summary, else the opening of its first paragraph. The template
(overrides/main.html, block extrahead) writes the tags from the values computed here.
"""
from __future__ import annotations

import json

from bs4 import BeautifulSoup

from edition.markup import any_of, element
from edition.publication import Author, Publication

DESCRIPTION_LIMIT = 200


def shorten(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """At most `limit` characters, cut at a word and marked with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1].rsplit(" ", 1)[0].rstrip(",;:—–-")
    return cut + "…"


# .edition-note, .edition-reader, a.paranum, sup, script
NOT_TEXT = any_of(element(cls="edition-note"), element(cls="edition-reader"), element("a", "paranum"), element("sup"),
                  element("script"))


def first_paragraph(content: str) -> str:
    """The text of the first paragraph of a page's content that is not one of our additions."""
    soup = BeautifulSoup(content, "html.parser")
    for extra in soup.find_all(NOT_TEXT):
        extra.decompose()
    for paragraph in soup.find_all("p"):
        text = " ".join(paragraph.get_text().split())
        if text:
            return text
    return ""


def person_or_organisation(author: Author) -> dict:
    return {"@type": "Person" if author.is_person else "Organization", "name": author.name}


def open_graph(title: str, description: str, url: str, locale: str, other_locales: list[str],
               site_name: str) -> list[tuple[str, str]]:
    tags = [("og:type", "article"), ("og:title", title), ("og:description", description), ("og:url", url),
            ("og:site_name", site_name), ("og:locale", locale)]
    return tags + [("og:locale:alternate", other) for other in other_locales]


def json_ld(*, title: str, description: str, url: str, lang: str, author: Author, pub: Publication,
            book: str, book_url: str, published: str, original: dict | None = None) -> str:
    """schema.org Article as JSON, safe inside <script type="application/ld+json">."""
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": title,
        "description": description,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": lang,
        "author": person_or_organisation(author),
        "publisher": person_or_organisation(pub.publisher),
        "datePublished": published,
        "isPartOf": {"@type": "Book", "name": book, "url": book_url, "inLanguage": lang,
                     "publisher": person_or_organisation(pub.publisher), "datePublished": pub.date},
    }
    if original:
        data["translationOfWork"] = {"@type": "Article", **original}
    text = json.dumps(data, ensure_ascii=False, indent=1)
    # No "</script>" (or "<!--") can occur in the element's text: escape what could start one.
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
