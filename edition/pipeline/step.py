"""The stages a step may take part in; a step overrides the ones it needs.

The stages follow a build: generated pages, every page's Markdown, every page's rendered
text, a check once all pages are rendered, the late fills that need every page's title and
text, the finished page, and the files written after all pages.
"""
from __future__ import annotations

from edition.pipeline.page import Edition, PageView


class Step:
    def __init__(self, edition: Edition):
        self.edition = edition

    def generated_pages(self) -> dict[str, tuple[str, bool]]:
        """Pages that exist only in the build: src -> (Markdown, listed in the nav file)."""
        return {}

    def nav_additions(self) -> list[tuple[str, list[str]]]:
        """Generated pages that join the section whose first page is the given src."""
        return []

    def markdown(self, page: PageView, markdown: str) -> str:
        return markdown

    def content(self, page: PageView, html: str) -> str:
        return html

    def all_rendered(self) -> None:
        """Every page's text is rendered: checks across pages."""

    def late(self, page: PageView) -> None:
        """Fill what needs every page's title and text (page.content may change)."""

    def finished(self, page: PageView, output: str) -> str:
        """The whole page as it will be written."""
        return output

    def template(self, name: str, output: str) -> str:
        """A page made from a template alone (the 404 page)."""
        return output

    def written(self) -> None:
        """Every page is written to edition.site_dir: files of our own."""
