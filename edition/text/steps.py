"""The text model's page steps: footnote numbers, citations, paragraph numbers, translation drift
and the corrections table."""
from __future__ import annotations

import json
from pathlib import Path

from edition.errors import ContentError
from edition.pipeline.step import Step
from edition.site import fill_marker
from edition.text import corrections, drift, footnotes, paragraphs, sources
from edition.text.source_blocks import source_fingerprints

SOURCES_PAGE = "bronnen.md"
CORRECTIONS_PAGE = "over-deze-uitgave.md"
PARAGRAPHS_FILE = "paragraphs.json"


class FootnoteNumbers(Step):
    """Footnotes show the printed numbers (1-19) and every call has its note."""

    def content(self, page, html):
        if "[^" not in page.source:  # no footnote: nothing to check or renumber
            return html
        return footnotes.checked_and_numbered(page.source, html, page.path, self.edition.strings["footnote_back"])


class Citations(Step):
    """Citations [@id] link to the sources page, which lists every work from the data."""

    def content(self, page, html):
        ed = self.edition
        if SOURCES_PAGE not in ed.files:
            raise ContentError(ed.path(SOURCES_PAGE), "the sources page is missing")
        works = ed.project.sources()
        html, _ = sources.link_citations(html, page.source, page.path, ed.href(SOURCES_PAGE, page), ed.strings, works)
        if page.src == SOURCES_PAGE:
            html = fill_marker(html, sources.BIBLIOGRAPHY_MARKER,
                               lambda: sources.bibliography_html(works, ed.lang, ed.strings),
                               page.path, "where the list of sources goes")
            # So that links to bronnen.md#<id> pass the link check.
            page.anchors.update(works)
        return html


class ParagraphNumbers(Step):
    """Paragraph numbers N.k with #p-N-k anchors, and paragraphs.json listing every block."""

    def __init__(self, edition):
        super().__init__(edition)
        self.pages: dict[str, dict] = {}

    def content(self, page, html):
        chapter = self.edition.project.chapter_of(page.src)
        if chapter is None:
            return html
        html, blocks = paragraphs.number_blocks(html, chapter.prefix, self.edition.strings["paragraph"])
        page.anchors.update(block.anchor for block in blocks)
        self.pages[page.src] = {
            "prefix": chapter.prefix, "url": page.url, "title": page.title,
            "blocks": [{"number": b.number, "anchor": b.anchor, "kind": b.kind, "text": b.text,
                        "fingerprint": b.fingerprint} for b in blocks]}
        return html

    def written(self):
        # Read by the English edition (translation drift), the PDFs and the tests.
        ordered = dict(sorted(self.pages.items(), key=lambda item: item[1]["prefix"]))
        Path(self.edition.site_dir, PARAGRAPHS_FILE).write_text(
            json.dumps(ordered, ensure_ascii=False, indent=1), encoding="utf-8")


class TranslationDrift(Step):
    """A translation warns (an error under --strict) where the source text has changed."""

    def __init__(self, edition):
        super().__init__(edition)
        self.current = self.recorded = None
        if edition.is_source_language:
            return
        # From the source Markdown, not the source build: both languages build at the same time.
        self.current = source_fingerprints(edition.project)
        self.recorded = drift.load_record(edition.project.data, edition.lang)

    def content(self, page, html):
        if self.current is None:
            return html
        outdated = drift.outdated_blocks(page.src, self.current, self.recorded)
        if outdated:
            self.edition.translation_warning(
                f"{page.path}: the Dutch text of paragraph(s) {', '.join(outdated)} changed since it was "
                f"translated: update the translation, then run scripts/translation_status.py --accept {page.src}")
            html = drift.mark_outdated(html, outdated, self.edition.strings["translation_outdated"])
        return html


class CorrectionsTable(Step):
    """The table of editorial corrections on the page about this edition, from the data."""

    def late(self, page):
        if page.src != CORRECTIONS_PAGE:
            return
        ed = self.edition
        titles = {src: view.title for src, view in ed.pages.items()}
        links = {src: ed.href(src, page) for src in ed.pages}
        headers = {key: ed.strings[f"corrections_{key}"] for key in ("where", "page", "original", "corrected", "why")}
        page.content = fill_marker(
            page.content, corrections.CORRECTIONS_MARKER,
            lambda: corrections.corrections_table(ed.project.corrections(), headers, titles, links, ed.lang,
                                                  ed.project.source_language, ed.strings["corrections_footnote"]),
            page.path, "where the table of corrections goes")
