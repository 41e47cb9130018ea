"""Links to the PDFs on the home page and every chapter, with their type and true size; and the
links to the discussion handouts under the title of the agenda and of the discussion guide,
and in each tension's section of the guide; and on the home pages, the offline copy (a ZIP of
the whole site, edition/offline/), with its size.

The PDFs are made from the built HTML, so their sizes are only known afterwards: this step
rewrites the built pages (after the PDFs), and the PDFs ignore the blocks it adds.
"""
from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path

import pikepdf
from babel.numbers import format_decimal

from edition.print.pages import built_pages
from edition.print.settings import PrintSettings
from edition.reader.discussion_guide import HANDOUT_SHORT_SLOT, HANDOUT_SLOT, PAGE as GUIDE_PAGE, TENSION_HANDOUT_SLOT
from edition.site import page_url

BLOCK = re.compile(r'\n?<div class="edition-note edition-downloads"[^>]*>.*?</div>\n?', re.S)
END = "<!-- /{} -->"  # the end of a filled slot, so that a second run replaces what the first wrote


def size_text(size: int, strings: dict[str, str], pages: int | None = None, kind: str = "pdf") -> str:
    """PDF, 1,2 MB (nl) / PDF, 1.2 MB (en); below a megabyte in whole kilobytes (SI units);
    with the number of pages if given. `kind`: the file's type in interface.yml (pdf, zip)."""
    if size >= 1_000_000:
        amount = format_decimal(size / 1_000_000, "#,##0.0", locale=strings["locale"]) + " MB"
    else:
        amount = format_decimal(max(1, round(size / 1000)), "#,##0", locale=strings["locale"]) + " kB"
    if pages is None:
        return strings[f"{kind}_type_size"].format(size=amount)
    return strings["pdf_type_size_pages"].format(size=amount, pages=pages)


def pdf_link(href: str, text: str, file: Path, lang: str, strings: dict[str, str], pages: bool = False) -> str:
    count = None
    if pages:
        with pikepdf.open(file) as document:
            count = len(document.pages)
    return (f'<a href="{html.escape(href)}" type="application/pdf" hreflang="{lang}">{html.escape(text)} '
            f'<span class="edition-downloads__size">({html.escape(size_text(file.stat().st_size, strings, count))})</span></a>')


def downloads_block(lang: str, strings: dict[str, str], page_url: str, files: dict[str, Path],
                    names: dict[str, str]) -> str:
    items = [f'<li>{pdf_link(posixpath.relpath(names[kind], page_url or "."), strings[f"pdf_{kind}"], file, lang, strings)}</li>'
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
        return pdf_link(posixpath.relpath(name, url or "."), label, edition / name, lang, strings, pages)
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


def add_download_links(project, edition: Path, lang: str, settings: PrintSettings) -> int:
    """Put the block at the end of the article of every page of the nav, and the handouts'
    links where the build left their slots; returns the number of pages."""
    names = settings.files()
    files = {kind: edition / name for kind, name in names.items()}
    strings, tensions = project.strings(lang), project.guide(lang).tensions
    pages = built_pages(edition, project.nav())
    for page in pages:
        text = handout_links(BLOCK.sub("", page.html), page.url, edition, lang, strings, settings, tensions)
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
        size = size_text(archive.stat().st_size, strings, kind="zip")
        block = (f'\n<div class="edition-note edition-offline" data-pagefind-ignore><p class="edition-downloads__title">'
                 f'{html.escape(strings["offline_title"])}</p>\n<p><a href="{html.escape(href)}" type="application/zip">'
                 f'{html.escape(strings["offline_link"])} <span class="edition-downloads__size">({html.escape(size)})</span>'
                 f'</a></p></div>\n')
        text = OFFLINE_BLOCK.sub("", page.read_text(encoding="utf-8"))
        end = text.rfind("</article>")
        page.write_text(text[:end] + block + text[end:], encoding="utf-8")
