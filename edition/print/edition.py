"""The complete edition as one PDF per language, made from the built web pages.

Reading order is the nav order: cover (with the reading note on its back), contents, then
every page of the nav after the home page, each starting on a new page. The stylesheet
(print-edition.css) sets the page: running heads, page numbers, paragraph numbers in the
margin and footnotes at the foot of the page that calls them.
"""
from __future__ import annotations

import html
from pathlib import Path

from bs4 import BeautifulSoup

from edition.errors import ContentError
from edition.print.compose import Chapter
from edition.print.pages import BuiltPage, built_pages
from edition.print.render import write_pdf
from edition.site import markdown_title
from edition.print.settings import PrintSettings, long_date, month_year

HOME = "index.md"


def page_title(page: BuiltPage) -> str:
    heading = BeautifulSoup(page.article(), "html.parser").find("h1")
    if heading is None:
        raise ContentError(page.file, "the page has no <h1> title")
    return " ".join(heading.get_text(" ").split())


def head(lang: str, title: str, author: str, subject: str, day: str) -> str:
    """The metadata WeasyPrint writes to the PDF (title, author, subject, language, dates)."""
    e = html.escape
    return (f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<title>{e(title)}</title>\n<meta name="author" content="{e(author)}">\n'
            f'<meta name="description" content="{e(subject)}">\n'
            f'<meta name="dcterms.created" content="{day}">\n'
            f'<meta name="dcterms.modified" content="{day}">\n</head>\n')


def cover(project, lang: str, title: str, settings: PrintSettings, web: str, original: str) -> str:
    strings = project.strings(lang)
    main, _, sub = title.partition(", ")
    translated = ""
    if strings["print_translated_from"] and original:
        translated = "<p class=\"cover-original\">" + html.escape(strings["print_translated_from"]).format(
            title=f'<i lang="{project.source_language}">{html.escape(original)}</i>') + "</p>"
    return f"""<section class="cover">
<div class="cover-head">
<h1 class="cover-title" id="cover" data-title="{html.escape(title)}">{html.escape(main)}<br><span class="cover-subtitle">{html.escape(sub)}</span></h1>
{translated}
</div>
<div class="cover-foot">
<p class="cover-publisher">{html.escape(strings['print_publisher'])}</p>
<p class="cover-date">{month_year(settings.published, strings['locale'])}</p>
<p class="cover-edition">{html.escape(strings['print_edition_of']).format(
        date=long_date(settings.edition_date, strings['locale']), url=f'<a href="{web}">{html.escape(web)}</a>')}</p>
</div>
</section>"""


def reading_note(home: Chapter, section_id: str) -> str:
    """The home page's section on paragraph numbers, for the back of the cover."""
    soup = BeautifulSoup(home.html(), "html.parser")
    heading = soup.find(id=f"{home.page.key}--{section_id}")
    if heading is None:
        raise ContentError("docs/data/print.yml", f"reading_note: the home page has no heading "
                                                  f"#{section_id}")
    parts = [heading]
    for sibling in heading.find_next_siblings():
        if sibling.name and sibling.name[0] == "h":
            break
        parts.append(sibling)
    heading.name = "h2"
    return '<section class="colophon">\n' + "\n".join(map(str, parts)) + "\n</section>"


def contents(strings: dict[str, str], entries: list[tuple[int, str, str]]) -> str:
    """The table of contents: page numbers filled in by WeasyPrint (target-counter)."""
    tree: list[tuple[str, str, list]] = []
    for level, key, title in entries:
        if level == 2 and tree:
            tree[-1][2].append((key, title, []))
        else:
            tree.append((key, title, []))

    def item(key: str, title: str, children: list) -> str:
        sub = "".join(item(*child) for child in children)
        sub = f'\n<ol class="toc-sections">{sub}</ol>' if sub else ""
        return f'<li><a href="#{key}">{html.escape(title)}</a>{sub}</li>\n'
    heading = html.escape(strings["print_contents"])
    # A section, not a nav: WeasyPrint tags <nav> as NonStruct, <section> as Sect.
    return (f'<section class="toc" aria-labelledby="contents"><h1 id="contents">{heading}</h1>\n'
            f'<ol>\n{"".join(item(*entry) for entry in tree)}</ol></section>')


def edition_html(project, edition: Path, lang: str, settings: PrintSettings) -> str:
    pages = built_pages(edition, project.nav())
    home, chapters = pages[0], [page for page in pages[1:] if page.src not in settings.web_only]
    if home.src != HOME:
        raise ContentError("mkdocs.yml", "the nav must start with the home page (index.md)")
    for src in sorted(set(settings.web_only) - {page.src for page in pages}):
        raise ContentError("docs/data/publication.yml", f"web_only: {src} is not a page of the nav")
    web = home.canonical()
    title = page_title(home)
    strings = project.strings(lang)
    included = {page.url: page.key for page in chapters}
    titles = {page.src: page_title(page) for page in chapters}
    original = ""
    if lang != project.source_language:  # from the source, not its build: languages build at once
        original = markdown_title(project.content(project.source_language) / HOME)
    body, entries = [], []
    for page in chapters:
        folder_index = page.src.rsplit("/", 1)[0] + "/index.md" if "/" in page.src else None
        nested = folder_index is not None and folder_index != page.src
        part = titles.get(folder_index, title) if folder_index else title
        entries.append((2 if nested else 1, page.key, titles[page.src]))
        body.append(Chapter(page, included, web, strings["print_page_word"]).html(
            **{"data-part": part, "data-title": titles[page.src]}))
    note = reading_note(Chapter(home, included, web, strings["print_page_word"]), settings.reading_note)
    return (head(lang, title, home.meta("author"), home.meta("description"), settings.edition_date.isoformat())
            + '<body class="print-edition">\n'
            + cover(project, lang, title, settings, web, original) + "\n" + note + "\n" + contents(strings, entries) + "\n"
            + "\n".join(body) + "\n</body>\n</html>\n")


def build_edition_pdf(project, site: Path, lang: str, settings: PrintSettings,
                      cache: Path | None = None) -> Path:
    edition = site / lang
    target = edition / settings.edition_file
    write_pdf(edition_html(project, edition, lang, settings), [project.theme / "assets" / "stylesheets" / "print-edition.css"],
              target, base=edition, roots=[edition], cache=cache)
    return target
