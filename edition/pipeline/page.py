"""What the page steps work on, free of any generator: the edition being built and its pages.

The adapter (edition/adapters/) makes one `Edition` per language build and one `PageView` per
page, and keeps them in step with the generator's own objects; the steps see only these.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from edition.project import Project
from edition.site import page_url, relative_url

# Faults of a translation (drift, the termbase) are warnings: the generator's strict mode
# fails on them (MkDocs counts the warnings of the loggers under "mkdocs").
translation_log = logging.getLogger("mkdocs.hooks.translation")


@dataclass
class PageView:
    src: str  # the file in docs/<lang>/: "verkenning/inleiding.md"
    url: str  # its directory URL: "verkenning/inleiding/" ("" for the home page)
    source: str  # the file's Markdown as written, front matter included: line numbers are the file's
    meta: dict  # its front matter (Material reads description, author and ours from it)
    path: str  # as errors name it: "docs/nl/verkenning/inleiding.md"
    title: str | None = None  # known once the page is rendered
    content: str | None = None  # the rendered text, for the steps that run once every page is rendered
    anchors: set[str] = field(default_factory=set)  # ids that links may target besides the headings
    # Our additions under the title and at the end of the text (reader/chapter_header.py).
    header_top: list[str] = field(default_factory=list)
    header_end: list[str] = field(default_factory=list)

    @property
    def is_homepage(self) -> bool:
        return self.url == ""


@dataclass
class Edition:
    """One language's build: the project, its settings and everything the steps learn on the way."""
    project: Project
    lang: str
    site_url: str  # this edition's address: https://host/nl/
    site_dir: Path
    site_name: str
    site_author: str
    pages: dict[str, PageView] = field(default_factory=dict)  # by src, in nav order once known
    files: set[str] = field(default_factory=set)  # every page's src, generated ones too
    # False in the live preview: outdated translations get the notice only, and the termbase's
    # findings are notes in the log.
    drift_is_error: bool = True

    @property
    def strings(self) -> dict[str, str]:
        return self.project.strings(self.lang)

    @property
    def is_source_language(self) -> bool:
        return self.lang == self.project.source_language

    def translation_warning(self, message: str) -> None:
        """A translation departs from its source or from the termbase: a warning (an error under
        --strict), or a note where drift is not an error."""
        (translation_log.warning if self.drift_is_error else translation_log.info)(message)

    def path(self, src: str) -> str:
        return f"docs/{self.lang}/{src}"

    def href(self, target_src: str, page: PageView) -> str:
        """A link from `page` to another page of the edition."""
        target = self.pages.get(target_src)
        return relative_url(target.url if target else page_url(target_src), page.url)

    def view(self, src: str, url: str, source: str, meta: dict) -> PageView:
        """The page's view (made on first use, kept for the later steps)."""
        if src not in self.pages:
            self.pages[src] = PageView(src, url, source, meta, self.path(src))
        return self.pages[src]
