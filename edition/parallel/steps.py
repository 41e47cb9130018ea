"""The parallel view's page step: its pages in each edition, and the link to the view under
each chapter's title."""
from __future__ import annotations

from edition.parallel import pages
from edition.pipeline.step import Step


class ParallelView(Step):
    def generated_pages(self):
        project, lang = self.edition.project, self.edition.lang
        made = {pages.INDEX: (pages.index_markdown(project, lang), True)}
        for chapter in project.chapters():
            # Not in the nav: the chapters' views are reached from the chapters and the index.
            made[pages.page_of(chapter.src)] = (pages.chapter_markdown(project, chapter, lang), False)
        return made

    def content(self, page, html):
        chapter = self.edition.project.chapter_of(page.src)
        if chapter is not None:
            page.header_top.append(pages.header_link(self.edition.project, chapter, self.edition.lang))
        return html
