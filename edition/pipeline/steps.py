"""The page steps in the order they run: the one place where that order is written.

Each stage (see step.py) runs every step that takes part in it, in this order. The order
matters where steps build on each other: footnote numbers before citations and paragraph
numbers (which read the renumbered calls); paragraph numbers before concepts, people and drift
(which read the numbered blocks), concepts before the projector view (which reads their links);
the additions under the title queued before ChapterHeader writes them (the links to the
side-by-side and the projector view before the "Cite" panel); the pages that are not to be
indexed left out of the sitemap before LanguageSwitch adds its alternates and compresses
it; the search's attributes once the page is whole (the additions under the title included);
Material's markup corrected; then the termbase check, on the pages as readers get them (its
content stage reads the numbered paragraphs and footnotes), and last the hashes of the inline
code, on the page as it is written.
"""
from __future__ import annotations

from edition.concepts.steps import Concepts, People
from edition.parallel.steps import ParallelView
from edition.pipeline.page import Edition, PageView
from edition.pipeline.step import Step
from edition.projector.steps import Projector
from edition.reader.steps import (AccessibilityStatement, ChapterHeader, ChapterSummaries, Citing,
                                  DiscussionGuide, PageMetadata, ShortAddresses)
from edition.terms.steps import TermCheck
from edition.text.steps import Citations, CorrectionsTable, FootnoteNumbers, ParagraphNumbers, TranslationDrift
from edition.web.steps import (ContentsPage, InlineCodeHashes, LanguageSwitch, MaterialMarkup, NotIndexed,
                                 SearchMarkup)

ORDER: tuple[type[Step], ...] = (
    NotIndexed,
    LanguageSwitch,
    FootnoteNumbers,
    Citations,
    ParagraphNumbers,
    Concepts,
    People,
    TranslationDrift,
    CorrectionsTable,
    AccessibilityStatement,
    ChapterSummaries,
    DiscussionGuide,
    ShortAddresses,  # its written() reads the paragraphs.json that ParagraphNumbers writes
    ParallelView,
    Projector,
    Citing,
    PageMetadata,
    ContentsPage,
    ChapterHeader,
    SearchMarkup,
    MaterialMarkup,
    TermCheck,  # on the page as readers get it
    InlineCodeHashes,  # last: the page as it is written
)


class Pipeline:
    """One language's build: the steps (made once, with the data they need) and the stages."""

    def __init__(self, edition: Edition):
        self.edition = edition
        self.steps = [step(edition) for step in ORDER]

    def generated_pages(self) -> dict[str, tuple[str, bool]]:
        pages: dict[str, tuple[str, bool]] = {}
        for step in self.steps:
            pages.update(step.generated_pages())
        return pages

    def nav_additions(self) -> list[tuple[str, list[str]]]:
        return [addition for step in self.steps for addition in step.nav_additions()]

    def markdown(self, page: PageView, markdown: str) -> str:
        for step in self.steps:
            markdown = step.markdown(page, markdown)
        return markdown

    def content(self, page: PageView, html: str) -> str:
        for step in self.steps:
            html = step.content(page, html)
        return html

    def all_rendered(self) -> None:
        for step in self.steps:
            step.all_rendered()

    def late(self, page: PageView) -> None:
        for step in self.steps:
            step.late(page)

    def finished(self, page: PageView, output: str) -> str:
        for step in self.steps:
            output = step.finished(page, output)
        return output

    def template(self, name: str, output: str) -> str:
        for step in self.steps:
            output = step.template(name, output)
        return output

    def written(self) -> None:
        for step in self.steps:
            step.written()
