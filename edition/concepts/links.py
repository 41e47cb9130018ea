"""Concept links in the text: ordinary Markdown links to begrippen/<id>.md.

The build checks them (an unknown id stops it, with file and line), marks them in the HTML
for the definition popover (concepts.js), and records every numbered paragraph that links to
a concept: the "where the essay discusses this" lists are made from those records.
"""
from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

from edition.concepts.model import Concept
from edition.text.paragraphs import copy_of
from edition.errors import ContentError, line_of
from edition.markup import any_of, element
from edition.text import marked_text

FOLDER = "begrippen"
MARKDOWN_LINK = re.compile(r"\]\(\s*<?((?:\.{1,2}/)*" + FOLDER + r"/([^)#\s>]+?)\.md)(?:#[^)\s>]*)?>?\s*\)")
BLOCK_ID = re.compile(r"^p-(\d+)-(\d+)$")
DEFINITION_ID = "concept-definition-{}"
EXCERPT_WORDS = (14, 16)  # words kept before and after the linked words
# Left out of excerpts: paragraph numbers, footnote calls, notes, and the Dutch original
# beside a translated quotation.
# a.paranum, sup[id^='fnref'], .edition-note, .original
NOT_EXCERPTED = any_of(element("a", "paranum"), element("sup", id_prefix="fnref"), element(cls="edition-note"),
                       element(cls="original"))


@dataclass(frozen=True)
class Mention:
    """A numbered paragraph that links to a concept."""
    concept: str
    number: str  # "3.4"
    anchor: str  # "p-3-4"
    before: str  # excerpt: the words before the link, the link's words, the words after (with
    # the marks of edition/text/marked_text.py where words are marked as another language)
    words: str
    after: str

    @property
    def order(self) -> tuple[int, int]:
        chapter, k = self.number.split(".")
        return int(chapter), int(k)


def check_markdown(source: str, page: str, known: set[str]) -> list[str]:
    """The ids the page's Markdown source links to; a link to an unknown concept stops the build."""
    found = []
    for match in MARKDOWN_LINK.finditer(source):
        target = match.group(2)
        if target not in known:
            raise ContentError(page, f"link to unknown concept '{target}' ({match.group(1)}): there is no "
                                     f"docs/data/concepts/{target}.yml", line_of(source, match.group(0)))
        found.append(target)
    return found


def concept_of(href: str, page_url: str, concepts: dict[str, Concept]) -> str | None:
    """The concept id a link leads to, seen from the page at page_url ("verkenning/inleiding/")."""
    if not href or re.match(r"^[a-z][a-z0-9+.-]*:|^//|^#", href):
        return None
    path = href.split("#", 1)[0].removesuffix("index.html")
    resolved = posixpath.normpath(posixpath.join("/" + page_url, path))
    match = re.fullmatch(rf"/{FOLDER}/([a-z0-9-]+)", resolved)
    return match.group(1) if match and match.group(1) in concepts else None


def _excerpt(element: Tag, link_number: int) -> tuple[str, str, str]:
    """The paragraph's words around its link_number-th concept link (reading order)."""
    copy = copy_of(element)
    for extra in copy.find_all(NOT_EXCERPTED):
        extra.decompose()
    marked_text.mark_languages(copy)  # a Dutch word kept in the English stays marked as Dutch
    link = copy.find_all("a", class_="concept-link")[link_number]
    link.insert_before("\x00")
    link.insert_after("\x01")
    text = " ".join(copy.get_text().split())
    before, rest = text.split("\x00", 1)
    words, after = rest.split("\x01", 1)
    keep_before, keep_after = EXCERPT_WORDS
    shown_before = " ".join(before.split()[-keep_before:])
    shown_after = " ".join(after.split()[:keep_after])
    # The spaces next to the link stay as they were ("bewustzijn," has none).
    if before.endswith(" "):
        shown_before += " "
    if after.startswith(" "):
        shown_after = " " + shown_after
    if len(before.split()) > keep_before:
        shown_before = "… " + shown_before
    if len(after.split()) > keep_after:
        shown_after += " …"
    left_out = " ".join(before.split()[:-keep_before])
    shown_before, words, shown_after = marked_text.balanced([shown_before, words.strip(), shown_after], left_out)
    return shown_before, words, shown_after


def mark_links(page_html: str, page_url: str, concepts: dict[str, Concept]) -> tuple[str, list[str], list[Mention]]:
    """Mark the page's concept links for the popover; returns the HTML, the ids linked and,
    per numbered paragraph, the concepts it links to."""
    soup = BeautifulSoup(page_html, "html.parser")
    linked: list[str] = []
    for link in soup.find_all("a", href=True):
        concept = concept_of(link["href"], page_url, concepts)
        if concept is None:
            continue
        link["class"] = link.get("class", []) + ["concept-link"]
        link["data-concept"] = concept
        link["aria-describedby"] = DEFINITION_ID.format(concept)
        link.attrs.pop("title", None)  # the popover replaces a native tooltip
        if concept not in linked:
            linked.append(concept)
    mentions = []
    for element in soup.find_all(id=BLOCK_ID):
        chapter, k = BLOCK_ID.match(element["id"]).groups()
        for index, link in enumerate(element.find_all("a", class_="concept-link")):
            before, words, after = _excerpt(element, index)
            mentions.append(Mention(link["data-concept"], f"{chapter}.{k}", element["id"], before, words, after))
    return str(soup), linked, mentions


def definitions_html(ids: list[str], concepts: dict[str, Concept], lang: str, touch_hint: str,
                     plain) -> str:
    """The definitions of the concepts a page links to, hidden: each link's aria-describedby
    points at one (screen readers read it with the link), and the popover shows its text."""
    items = "".join(
        f'<p id="{DEFINITION_ID.format(cid)}" data-term="{html.escape(concepts[cid].title(lang))}">'
        f'{html.escape(plain(concepts[cid].definition[lang]))}</p>' for cid in ids)
    return (f'<div class="concept-definitions" hidden data-touch-hint="{html.escape(touch_hint)}">'
            f'{items}</div>')


def with_definitions(page_html: str, definitions: str) -> str:
    """Put the hidden definitions right after the article: outside the page's text (and after
    the search index was made, so that they are not indexed as the page's words)."""
    if "</article>" not in page_html:
        return page_html.replace("</body>", definitions + "</body>", 1)
    return page_html.replace("</article>", "</article>" + definitions, 1)


def unlinked(concepts: dict[str, Concept], mentions: list[Mention]) -> list[Concept]:
    linked = {m.concept for m in mentions}
    return [c for c in concepts.values() if c.id not in linked]


def check_every_concept_linked(concepts: dict[str, Concept], mentions: list[Mention], lang: str) -> None:
    missing = unlinked(concepts, mentions)
    if missing:
        first = missing[0]
        names = ", ".join(f"'{c.id}'" for c in missing)
        raise ContentError(first.source, f"concept {names} is linked from no numbered paragraph of "
                                         f"docs/{lang}/: link its first mention in the text, e.g. "
                                         f"[{first.term[lang]}](../{FOLDER}/{first.id}.md)")


def concepts_table(concepts: dict[str, Concept], mentions: list[Mention], pages: dict[str, tuple[str, str]],
                   lang: str) -> dict[str, dict]:
    """concepts.json: per concept its term, kind, definition and the paragraphs linking to it
    (`pages` maps a chapter number to its page's url and title)."""
    ordered = sorted(mentions, key=lambda m: m.order)
    return {cid: {"term": c.term[lang], "kind": c.kind, "definition": c.definition[lang],
                  "mentions": [{"number": m.number, "anchor": m.anchor, "page": pages[m.number.split(".")[0]][0],
                                "words": marked_text.plain(m.words)} for m in ordered if m.concept == cid]}
            for cid, c in concepts.items()}
