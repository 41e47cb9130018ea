"""The termbase's page step: each translation is checked against docs/data/termbase.yml."""
from __future__ import annotations

from edition.pipeline.step import Step
from edition.terms import check, page_text
from edition.text.source_blocks import source_places


class TermCheck(Step):
    """In a translation: each paragraph and footnote uses the approved renderings of the source's
    terms, no page uses an avoided rendering, and the source-language terms it keeps are marked
    as such (emphasis of such a term is marked by the build). Findings are warnings, which fail
    a --strict build, like translation drift; each names the page and the paragraph."""

    def __init__(self, edition):
        super().__init__(edition)
        self.termbase = None
        if edition.is_source_language:
            return
        self.termbase = edition.project.termbase()
        self.source = source_places(edition.project)
        self.kept = self.termbase.dutch_kept(edition.lang)
        self.used: set[tuple[str, str]] = set()
        self.checked: set[str] = set()  # the places of the pages checked (for the unused exceptions)

    def _report(self, page, findings: list[check.Finding]) -> None:
        generated = "" if (self.edition.project.content(self.edition.lang) / page.src).exists() else \
            " (generated from docs/data/)"
        for finding in findings:
            self.edition.translation_warning(f"{page.path}{generated}: {finding.message}")

    def content(self, page, html):
        # After the paragraph and footnote numbers: the places are numbered now.
        if self.termbase is None or page.src not in self.source:
            return html
        source = self.source[page.src]
        self._report(page, check.unrendered(self.termbase, self.edition.lang, source,
                                            page_text.places(html, self.edition.lang), self.used))
        self.checked.update(source)
        return html

    def all_rendered(self):
        if self.termbase is not None:
            for finding in check.unused(self.termbase, self.used, self.checked):
                self.edition.translation_warning(finding.message)

    def finished(self, page, output):
        # Last: the page as readers get it, our additions under the title included.
        if self.termbase is None:
            return output
        ed = self.edition
        output = page_text.mark_kept(output, self.kept, self.termbase.source_language)
        texts = page_text.texts(page_text.article(output), ed.lang)
        described = [("", str(page.meta.get("description") or ""))]
        self._report(page, check.avoided(self.termbase, texts + described)
                     + check.unmarked(self.termbase, ed.lang, texts))
        return output
