"""Links to the PDFs on the home page and every chapter, with their type and true size.

The PDFs are made from the built HTML, so their sizes are only known afterwards: this step
rewrites the built pages (after the PDFs), and the PDFs ignore the block it adds.
"""
from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path

from babel.numbers import format_decimal

from edition.print.pages import built_pages
from edition.print.settings import PrintSettings

BLOCK = re.compile(r'\n?<div class="edition-note edition-downloads"[^>]*>.*?</div>\n?', re.S)


def size_text(size: int, strings: dict[str, str]) -> str:
    """PDF, 1,2 MB (nl) / PDF, 1.2 MB (en); below a megabyte in whole kilobytes (SI units)."""
    if size >= 1_000_000:
        amount = format_decimal(size / 1_000_000, "#,##0.0", locale=strings["locale"]) + " MB"
    else:
        amount = format_decimal(max(1, round(size / 1000)), "#,##0", locale=strings["locale"]) + " kB"
    return strings["pdf_type_size"].format(size=amount)


def downloads_block(lang: str, strings: dict[str, str], page_url: str, files: dict[str, Path],
                    names: dict[str, str]) -> str:
    items = []
    for kind, file in files.items():
        href = posixpath.relpath(names[kind], page_url or ".")
        items.append(f'<li><a href="{html.escape(href)}" type="application/pdf" hreflang="{lang}">'
                     f'{html.escape(strings[f"pdf_{kind}"])} '
                     f'<span class="edition-downloads__size">({html.escape(size_text(file.stat().st_size, strings))})</span>'
                     f'</a></li>')
    # edition-note: our addition, not the authors' text (left out wherever the text is read; for
    # the search, data-pagefind-ignore, as web/search_markup.py marks the additions before it).
    return (f'\n<div class="edition-note edition-downloads" data-pagefind-ignore><p class="edition-downloads__title">'
            f'{html.escape(strings["pdf_downloads"])}</p>\n<ul>\n' + "\n".join(items) + "\n</ul></div>\n")


def add_download_links(project, edition: Path, lang: str, settings: PrintSettings) -> int:
    """Put the block at the end of the article of every page of the nav; returns the count."""
    names = settings.files()
    files = {kind: edition / name for kind, name in names.items()}
    pages = built_pages(edition, project.nav())
    for page in pages:
        text = BLOCK.sub("", page.html)
        end = text.rfind("</article>")
        block = downloads_block(lang, project.strings(lang), page.url, files, names)
        page.file.write_text(text[:end] + block + text[end:], encoding="utf-8")
    return len(pages)
