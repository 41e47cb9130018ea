"""After both builds: the rows of every parallel page, from the two built chapter pages.

Each edition's build wrote its parallel pages with a marker line (pages.py); here, once both
editions exist, each chapter's two built pages are read (model.py), checked to be aligned
(align.py: a gap fails the build with the translation's file and the paragraph) and written
side by side into the parallel page of each edition (render.py), the page's language first.
"""
from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from edition.concepts.links import with_definitions
from edition.parallel import align, pages
from edition.parallel.model import ChapterText, chapter_text, definitions_of
from edition.parallel.render import Column, definitions_html, languages_html, notes_html, row_html
from edition.print.pages import built_page
from edition.site import fill_marker
from edition.text.alignment import structure


def chapter_texts(project, site: Path, chapter) -> dict[str, ChapterText]:
    """A chapter's text in every language, checked to be aligned with the source language's."""
    texts, skeletons = {}, {}
    for lang in project.languages:
        page = built_page(site / lang, chapter.src)
        article = BeautifulSoup(page.article(), "html.parser")  # one parse: the skeleton, then the units
        skeletons[lang] = structure(article)
        texts[lang] = chapter_text(article, definitions_of(page.html), lang,
                                   project.shown(project.content(lang) / chapter.src), chapter.url)
    source = project.source_language
    for other in project.other_languages(source):
        align.check(texts[source], texts[other], skeletons[source], skeletons[other])
    return texts


def page_html(project, chapter, lang: str, texts: dict[str, ChapterText], shell: str, where: str) -> str:
    """The built parallel page of a chapter in lang's edition with its rows filled in."""
    strings = project.strings(lang)
    labels = {other: strings[f"parallel_lang_{other}"] for other in project.languages}
    languages = pages.order(project, lang)
    columns = [Column(texts[other], lang, pages.url_of(chapter), other == lang) for other in languages]
    body = [languages_html(columns, labels)]
    body += [row_html(columns, units, labels, strings["paragraph"]) for units in align.rows([texts[o] for o in languages])]
    body.append(notes_html(columns, labels, strings["parallel_notes"]))
    filled = fill_marker(shell, pages.ROWS_MARKER, lambda: '<div class="parallel">\n' + "\n".join(body) + "\n</div>",
                         where, "where the rows of the side-by-side view go")
    return with_definitions(filled, definitions_html(columns))


def fill_parallel_pages(project, site: Path, chapters: list | None = None) -> int:
    """Fill the parallel page of every chapter (or of these) in every edition; returns how many."""
    count = 0
    for chapter in project.chapters() if chapters is None else chapters:
        texts = chapter_texts(project, site, chapter)
        for lang in project.languages:
            page = built_page(site / lang, pages.page_of(chapter.src))
            page.file.write_text(page_html(project, chapter, lang, texts, page.html, str(page.file)), encoding="utf-8")
            count += 1
    return count
