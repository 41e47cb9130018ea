"""Links to the PDFs and the EPUB on the home page and every chapter, with their type and true size; the
links to the discussion handouts under the title of the agenda and of the discussion guide,
and in each tension's section of the guide; the concept cards' on the glossary page; and on the
home pages, the offline copy (a ZIP of the whole site, edition/offline/), with its size.

The PDFs and the EPUB are made from the built HTML, so their sizes are only known afterwards:
this step rewrites the built pages (after them), and they ignore the blocks it adds.
"""
from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path

import pikepdf
from babel.numbers import format_decimal

from edition.concepts.pages import CARDS_SLOT
from edition.print.pages import built_pages
from edition.print.settings import PrintSettings
from edition.reader.discussion_guide import HANDOUT_SHORT_SLOT, HANDOUT_SLOT, PAGE as GUIDE_PAGE, TENSION_HANDOUT_SLOT
from edition.site import page_url

BLOCK = re.compile(r'\n?<div class="edition-note edition-downloads"[^>]*>.*?</div>\n?', re.S)
END = "<!-- /{} -->"  # the end of a filled slot, so that a second run replaces what the first wrote


# A file's type by its ending: what the link says it is, and the words for its size.
TYPES = {".pdf": ("application/pdf", "pdf_type_size"), ".epub": ("application/epub+zip", "epub_type_size"),
         ".zip": ("application/zip", "zip_type_size")}


def size_text(size: int, strings: dict[str, str], pages: int | None = None, kind: str = "pdf_type_size") -> str:
    """PDF, 1,2 MB (nl) / PDF, 1.2 MB (en) (or EPUB, 48 kB; ZIP, 3,3 MB: `kind`); below a megabyte in whole
    kilobytes (SI units); with the number of pages if given (one page, or more: the English noun
    differs)."""
    if size >= 1_000_000:
        amount = format_decimal(size / 1_000_000, "#,##0.0", locale=strings["locale"]) + " MB"
    else:
        amount = format_decimal(max(1, round(size / 1000)), "#,##0", locale=strings["locale"]) + " kB"
    if pages is None:
        return strings[kind].format(size=amount)
    return strings["pdf_type_size_page" if pages == 1 else "pdf_type_size_pages"].format(size=amount, pages=pages)


def file_link(href: str, text: str, file: Path, lang: str, strings: dict[str, str], pages: bool = False) -> str:
    count = None
    if pages:
        with pikepdf.open(file) as document:
            count = len(document.pages)
    media_type, kind = TYPES[file.suffix]
    return (f'<a href="{html.escape(href)}" type="{media_type}" hreflang="{lang}">{html.escape(text)} '
            f'<span class="edition-downloads__size">({html.escape(size_text(file.stat().st_size, strings, count, kind))})</span></a>')


def downloads_block(lang: str, strings: dict[str, str], page_url: str, files: dict[str, Path],
                    names: dict[str, str]) -> str:
    label = {kind: f"pdf_{kind}" for kind in files} | {"epub": "epub_edition"}
    items = [f'<li>{file_link(posixpath.relpath(names[kind], page_url or "."), strings[label[kind]], file, lang, strings)}</li>'
             for kind, file in files.items()]
    # edition-note: our addition, not the authors' text (left out wherever the text is read; for
    # the search, data-pagefind-ignore, as web/search_markup.py marks the additions before it).
    return (f'\n<div class="edition-note edition-downloads" data-pagefind-ignore><p class="edition-downloads__title">'
            f'{html.escape(strings["pdf_downloads"])}</p>\n<ul>\n' + "\n".join(items) + "\n</ul></div>\n")


def _fill(text: str, slot: str, content: str) -> str:
    """The slot (an HTML comment the build left) followed by its content, replacing an earlier fill."""
    end = END.format(slot[5:-4])
    pattern = re.compile(re.escape(slot) + r"(?:.*?" + re.escape(end) + ")?", re.S)
    return pattern.sub(lambda _: slot + content + end, text)


def handout_links(text: str, url: str, edition: Path, lang: str, strings: dict[str, str],
                  settings: PrintSettings, tensions) -> str:
    """The handouts under the title (the complete one, then one per tension), and each
    tension's own under its heading in the guide."""
    def link(name: str, label: str, pages: bool = True) -> str:
        return file_link(posixpath.relpath(name, url or "."), label, edition / name, lang, strings, pages)
    if HANDOUT_SLOT in text:
        ones = "".join(f"<li>{link(settings.tension_file(t.id), t.title)}</li>" for t in tensions)
        box = (f'<div class="edition-handout"><p class="edition-handout__title">{html.escape(strings["handout_links_title"])}</p>'
               f'<ul><li>{link(settings.handout_file, strings["handout_links_all"])}</li>'
               f'<li>{html.escape(strings["handout_links_one"])}<ul class="edition-handout__one">{ones}</ul></li></ul></div>')
        text = _fill(text, HANDOUT_SLOT, box)
    if HANDOUT_SHORT_SLOT in text:
        guide = posixpath.relpath(page_url(GUIDE_PAGE), url or ".") + "/"
        line = html.escape(strings["handout_links_short"]).format(
            handout=link(settings.handout_file, strings["handout_links_whole"]),
            guide=f'<a href="{html.escape(guide)}">{html.escape(strings["handout_links_guide"])}</a>')
        text = _fill(text, HANDOUT_SHORT_SLOT, f'<p class="edition-handout edition-handout--short">{line}</p>')
    for tension in tensions:
        slot = TENSION_HANDOUT_SLOT.format(id=tension.id)
        if slot in text:
            own = f'<p class="edition-handout-this">{link(settings.tension_file(tension.id), strings["handout_links_this"])}</p>'
            text = _fill(text, slot, own)
    return text


def cards_links(text: str, url: str, edition: Path, lang: str, strings: dict[str, str], settings: PrintSettings,
                project) -> str:
    """On the glossary page: the cards of every concept, then a compact list of the sets per kind."""
    if CARDS_SLOT not in text:
        return text
    concepts = project.concepts().values()

    def link(name: str, label: str) -> str:
        return file_link(posixpath.relpath(name, url or "."), label, edition / name, lang, strings, pages=True)
    kinds = "".join(f"<li>{link(settings.cards_kind_file(kind.id), kind.heading[lang])}</li>"
                    for kind in project.kinds().values() if any(c.kind == kind.id for c in concepts))
    e = html.escape
    box = (f'<div class="edition-note edition-cards edition-screen-only" data-pagefind-ignore>'
           f'<p class="edition-cards__title">{e(strings["cards_links_title"])}</p>'
           f'<p>{e(strings["cards_links_intro"])}</p>'
           f'<ul><li>{link(settings.cards_file, strings["cards_links_all"].format(n=len(concepts)))}</li>'
           f'<li>{e(strings["cards_links_kinds"])} <ul class="edition-cards__kinds">{kinds}</ul></li></ul></div>')
    return _fill(text, CARDS_SLOT, box)


def add_download_links(project, edition: Path, lang: str, settings: PrintSettings) -> int:
    """Put the block at the end of the article of every page of the nav, and the handouts'
    links where the build left their slots; returns the number of pages."""
    names = settings.downloads()
    files = {kind: edition / name for kind, name in names.items()}
    strings, tensions = project.strings(lang), project.guide(lang).tensions
    pages = built_pages(edition, project.nav())
    for page in pages:
        text = handout_links(BLOCK.sub("", page.html), page.url, edition, lang, strings, settings, tensions)
        text = cards_links(text, page.url, edition, lang, strings, settings, project)
        end = text.rfind("</article>")
        block = downloads_block(lang, strings, page.url, files, names)
        page.file.write_text(text[:end] + block + text[end:], encoding="utf-8")
    return len(pages)


OFFLINE_BLOCK = re.compile(r'\n?<div class="edition-note edition-offline"[^>]*>.*?</div>\n?', re.S)


def add_offline_links(project, site: Path, archive: Path) -> None:
    """On each home page, after its downloads: the offline copy (it holds both languages, so it
    lies at the site's root), with its type and size. Added after the copy is made: its own
    home pages go without (it does not hold itself)."""
    for lang in project.languages:
        strings = project.strings(lang)
        page = site / lang / "index.html"
        href = posixpath.relpath(archive.relative_to(site).as_posix(), lang)
        size = size_text(archive.stat().st_size, strings, kind="zip_type_size")
        block = (f'\n<div class="edition-note edition-offline" data-pagefind-ignore><p class="edition-downloads__title">'
                 f'{html.escape(strings["offline_title"])}</p>\n<p><a href="{html.escape(href)}" type="application/zip">'
                 f'{html.escape(strings["offline_link"])} <span class="edition-downloads__size">({html.escape(size)})</span>'
                 f'</a></p></div>\n')
        text = OFFLINE_BLOCK.sub("", page.read_text(encoding="utf-8"))
        end = text.rfind("</article>")
        page.write_text(text[:end] + block + text[end:], encoding="utf-8")
