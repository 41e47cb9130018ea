"""A translated page's text as the termbase reads it: its own language only.

Elements marked as another language (the Dutch beside a quotation, a Dutch title, a kept term)
and code (BibTeX, RIS) are left out; what remains is grouped by the place it stands in: a
numbered paragraph ("3.4"), a footnote ("[^4]"), or the rest of the page (""). One pass of the
standard library's HTML parser: every page of a translation is read, so no tree is built.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

from edition.site import ARTICLE_START
from edition.terms.termbase import normal
from edition.text.footnotes import place as footnote_place

NUMBERED = re.compile(r"^p-(\d+)-(\d+)$")
FOOTNOTE = re.compile(r"^fn:(.+)$")
SKIPPED_TAGS = {"code", "pre", "script", "style", "template"}
SKIPPED_CLASSES = {"paranum", "footnote-backref"}  # paragraph numbers, the links back to a call
INLINE = {"a", "abbr", "b", "bdi", "cite", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q", "s", "small",
          "span", "strong", "sub", "sup", "time", "u"}  # no break between words at their tags
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
EMPHASIS = re.compile(r"<em>([^<>]+)</em>")
ADDRESS = re.compile(r"\bhttps?://\S+")  # an address shown as text (in a citation) is no prose


class _Reader(HTMLParser):
    """Collects the text in `lang` per place; `notes` is the place of our notes (.edition-note),
    or None to leave them out."""

    def __init__(self, lang: str, notes: str | None):
        super().__init__(convert_charrefs=True)
        self.lang, self.notes = lang, notes
        self.stack: list[tuple[str, str | None, bool]] = []  # (tag, place, skipped)
        self.found: dict[str, list[str]] = {}

    def _place_of(self, tag: str, attrs: dict) -> str | None:
        identifier = attrs.get("id") or ""
        if NUMBERED.match(identifier):
            return identifier[2:].replace("-", ".")
        footnote = FOOTNOTE.match(identifier)
        if footnote and tag == "li":
            return footnote_place(footnote.group(1))
        if "edition-note" in (attrs.get("class") or "").split():
            return self.notes if self.notes is not None else "\x00"
        return None

    def _break(self, tag: str) -> None:
        if tag not in INLINE:
            self.handle_data(" ")

    def handle_starttag(self, tag, attrs):
        self._break(tag)
        if tag in VOID:
            return
        attrs = dict(attrs)
        place, skipped = self.stack[-1][1:] if self.stack else ("", False)
        classes = set((attrs.get("class") or "").split())
        lang = attrs.get("lang")
        skipped = (skipped or tag in SKIPPED_TAGS or bool(classes & SKIPPED_CLASSES)
                   or (tag == "sup" and (attrs.get("id") or "").startswith("fnref"))
                   or (lang is not None and lang.split("-")[0] != self.lang))
        own = self._place_of(tag, attrs)
        if own is not None and place != "\x00":
            place = own
        self.stack.append((tag, place, skipped))

    def handle_startendtag(self, tag, attrs):
        pass  # <path/>, <br/>: no text

    def handle_endtag(self, tag):
        self._break(tag)
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        place, skipped = self.stack[-1][1:] if self.stack else ("", False)
        if not skipped and place != "\x00":
            self.found.setdefault(place, []).append(data)


def _read(html: str, lang: str, notes: str | None) -> dict[str, str]:
    reader = _Reader(lang, notes)
    reader.feed(html)
    reader.close()
    return {place: " ".join(ADDRESS.sub(" ", "".join(parts)).split()) for place, parts in reader.found.items()}


def places(html: str, lang: str) -> dict[str, str]:
    """The text of each numbered paragraph and footnote of a page's rendered text, in `lang`
    only (our notes on a paragraph, such as "translation may be out of date", left out)."""
    return {place: text for place, text in _read(html, lang, None).items() if place}


def texts(html: str, lang: str) -> list[tuple[str, str]]:
    """All of a page's (or an article's) text in `lang`, as (place, text): the numbered
    paragraphs and footnotes, and the rest ("": our additions, headings, generated pages)."""
    return list(_read(html, lang, "").items())


def article(output: str) -> str:
    """The article of a finished page (title, text, our additions): what readers read."""
    start = ARTICLE_START.search(output)
    if start is None:
        return ""
    end = output.find("</article>", start.end())
    return output[start.start():end if end >= 0 else len(output)]


def mark_kept(output: str, kept: tuple[str, ...], source_language: str) -> str:
    """Emphasis whose whole text is a source-language form of the termbase (*gemeente*) is
    marked as that language: the translator need not type { lang=nl } for it."""
    forms = {normal(form) for form in kept}
    return EMPHASIS.sub(lambda m: f'<em lang="{source_language}">{m.group(1)}</em>'
                        if normal(" ".join(m.group(1).split())) in forms else m.group(0), output)
