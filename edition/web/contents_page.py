"""The contents and index page (inhoud/): every page of the nav with its sections, and the way
to the A–Z of concepts and to the people and organisations.

A way in without searching: the header links to it where the search cannot run (without
JavaScript), and the search offers it when a query finds nothing. Generated (not in the nav,
so it adds no step to the reading order) and filled once every page's title and headings are
known.
"""
from __future__ import annotations

import html
import re

from edition.concepts.links import FOLDER as CONCEPTS
from edition.concepts.people import PAGE as PEOPLE

PAGE = "inhoud.md"
MARKER = "<!-- contents -->"
SECTION = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', re.S)
TAG = re.compile(r"<[^>]+>")


def page_markdown(strings: dict[str, str]) -> str:
    glossary, people = f"{CONCEPTS}/index.md", PEOPLE
    intro = strings["contents_intro"].format(concepts=f"[{strings['concepts_title']}]({glossary})",
                                             people=f"[{strings['people_title']}]({people})")
    return f"---\nhide:\n  - toc\n---\n# {strings['contents_title']} {{ #inhoud }}\n\n{intro}\n\n{MARKER}\n"


def _sections(content: str | None) -> list[tuple[str, str]]:
    return [(anchor, " ".join(TAG.sub("", text).split())) for anchor, text in SECTION.findall(content or "")]


def contents_html(nav: list, pages: dict, href) -> str:
    """Nested lists of the nav's pages (its sections as in mkdocs.yml), each with its h2 sections.

    nav: mkdocs.yml's nav; pages: src -> PageView (title, content); href(src): a relative link.
    """
    items = []
    for entry in nav:
        if isinstance(entry, dict):
            for children in entry.values():
                first, *rest = children
                items.append(_item(first, pages, href, contents_html(rest, pages, href)))
        else:
            items.append(_item(entry, pages, href, ""))
    return '<ul class="edition-contents">' + "".join(items) + "</ul>"


def _item(src: str, pages: dict, href, nested: str) -> str:
    page = pages[src]
    link = href(src)
    sections = "".join(f'<li><a href="{html.escape(link)}#{html.escape(anchor)}">{html.escape(text)}</a></li>'
                       for anchor, text in _sections(page.content))
    inner = (f"<ul>{sections}</ul>" if sections else "") + nested
    return f'<li><a href="{html.escape(link)}">{html.escape(page.title or src)}</a>{inner}</li>'
