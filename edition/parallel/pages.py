"""The parallel view's pages, generated as Markdown in each edition: one per chapter
(parallel/<chapter>.md: /nl/parallel/verkenning/inleiding/) and the page that lists them
(parallel/index.md, in the nav).

A chapter's page holds the titles in both languages, a note on what the page is, links to the
chapter alone in either language, and ROWS_MARKER, where fill.py puts the rows after both
builds. It is left out of search and of the sitemap, and asks search engines not to index it
(robots: noindex, edition/web/robots.py): its text is the two chapter pages' text again.
"""
from __future__ import annotations

import html
import posixpath

import yaml

from edition.site import Chapter, markdown_title

FOLDER = "parallel"
INDEX = f"{FOLDER}/index.md"
ROWS_MARKER = "<!-- parallel-rows -->"
# Links that the reader's place goes along with: the paragraph in view (parallel.js).
KEEP_PLACE = "data-edition-keep-place"
# Two columns of lines: the "side by side" sign on the links to the view (drawn here: no icon font).
ICON = ('<svg class="edition-parallel__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">'
        '<path d="M3 4h8v16H3zm2 2v12h4V6zm8-2h8v16h-8zm2 2v12h4V6z"/></svg>')


def page_of(chapter_src: str) -> str:
    """verkenning/inleiding.md -> parallel/verkenning/inleiding.md"""
    return f"{FOLDER}/{chapter_src}"


def url_of(chapter: Chapter) -> str:
    return f"{FOLDER}/{chapter.url}"


def relative(target: str, page: str) -> str:
    """A relative link from a page's folder to a path of the site ("/en/begrippen/x/")."""
    return posixpath.relpath(target, page) + ("/" if target.endswith("/") else "")


def link(from_lang: str, from_url: str, to_lang: str, to_url: str) -> str:
    """A relative link between two pages of the site, in the same edition or across editions."""
    return relative(f"/{to_lang}/{to_url}", f"/{from_lang}/{from_url}")


def titles(project, chapter: Chapter) -> dict[str, str]:
    """The chapter's title in each language, from its Markdown."""
    return {lang: markdown_title(project.content(lang) / chapter.src) for lang in project.languages}


def order(project, lang: str) -> list[str]:
    """The languages of a view in lang's edition: its own first."""
    return [lang] + project.other_languages(lang)


def _front_matter(values: dict) -> str:
    return "---\n" + yaml.safe_dump(values, allow_unicode=True, sort_keys=False) + "---\n\n"


def chapter_markdown(project, chapter: Chapter, lang: str) -> str:
    strings = project.strings(lang)
    names = titles(project, chapter)
    first, *others = order(project, lang)
    here = url_of(chapter)
    second_titles = "".join(f' <span class="parallel-title__other" lang="{other}">{html.escape(names[other])}</span>'
                            for other in others)
    alone = " · ".join(
        f'<a href="{link(lang, here, other, chapter.url)}" {KEEP_PLACE}'
        + (f' hreflang="{other}"' if other != lang else "") + f'>{html.escape(strings[f"parallel_alone_{other}"])}</a>'
        for other in order(project, lang))
    description = strings["parallel_description"].format(title=names[lang])
    return (_front_matter({"title": f'{names[lang]} · {strings["parallel_short"]}', "description": description,
                           "robots": "noindex", "search": {"exclude": True}, "hide": ["toc"]})
            + f'<h1 class="parallel-title">{html.escape(names[first])}{second_titles}</h1>\n\n'
            + f'<p class="edition-note parallel-lead">{html.escape(strings["parallel_lead"])} {alone}</p>\n\n'
            + f"{ROWS_MARKER}\n\n" + _pager(project, chapter, lang))


def _pager(project, chapter: Chapter, lang: str) -> str:
    """The views of the chapters before and after this one (the views are not in the nav, so
    Material's footer does not link them)."""
    strings = project.strings(lang)
    chapters = project.chapters()
    place = chapters.index(chapter)
    links = [f'<a href="{link(lang, url_of(chapter), lang, url_of(other))}" rel="{rel}">'
             f'{html.escape(strings[key].format(title=titles(project, other)[lang]))}</a>'
             for key, rel, other in (("parallel_previous", "prev", chapters[place - 1] if place else None),
                                     ("parallel_next", "next", chapters[place + 1] if place + 1 < len(chapters) else None))
             if other is not None]
    index = f'<a href="{link(lang, url_of(chapter), lang, FOLDER + "/")}">{html.escape(strings["parallel_index_title"])}</a>'
    return (f'<nav class="edition-note parallel-pager" aria-label="{html.escape(strings["parallel_pager"])}">'
            + " · ".join(links + [index]) + "</nav>\n")


def index_markdown(project, lang: str) -> str:
    strings = project.strings(lang)
    items = []
    for chapter in project.chapters():
        names = titles(project, chapter)
        others = "".join(f' <span class="parallel-index__other" lang="{other}">{html.escape(names[other])}</span>'
                         for other in project.other_languages(lang))
        items.append(f"- [{names[lang]}]({chapter.src}){others}")
    return (_front_matter({"description": strings["parallel_index_intro"]})
            + f'# {strings["parallel_index_title"]} {{ #{FOLDER} }}\n\n'
            + f'{strings["parallel_index_intro"]}\n\n'
            + f'<p class="edition-note">{html.escape(strings["parallel_index_note"])}</p>\n\n'
            + "\n".join(items) + "\n")


def header_link(project, chapter: Chapter, lang: str) -> str:
    """Under a chapter's title: the link to its view (with, for parallel.js, the name of each
    paragraph's own link to its row)."""
    strings = project.strings(lang)
    href = link(lang, chapter.url, lang, url_of(chapter))
    return (f'<p class="edition-parallel"><a class="edition-parallel__link" href="{href}" {KEEP_PLACE} '
            f'data-paragraph-label="{html.escape(strings["parallel_paragraph"])}">{ICON}'
            f'{html.escape(strings["parallel_link"])}</a></p>')
