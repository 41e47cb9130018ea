"""What the PDF tests share: the PDFs of the built site, their text, their outline."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pikepdf

from edition.print.pages import built_pages
from edition.project import default_project

PROJECT = default_project()

SETTINGS = PROJECT.print_settings()
KINDS = SETTINGS.files()  # {"edition": "pdf/durf-te-dromen.pdf", "handout": ...}


def pdf(site: Path, lang: str, kind: str) -> Path:
    return site / lang / KINDS[kind]


def run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def pages_text(path: Path) -> list[str]:
    """The text of each page (pdftotext, reading order)."""
    return run("pdftotext", "-enc", "UTF-8", str(path), "-").split("\f")[:-1]


def words(text: str) -> str:
    """Lower-case words between single spaces (and one at each end), hyphens left out: blind to
    line breaks, hyphenation and punctuation, so that web text and PDF text compare."""
    text = re.sub(r"[-\u2010\u2011\u00ad]\s*(?=[^\W\d_])", "", text.casefold())
    return " " + " ".join(re.sub(r"[\W_]+", " ", text).split()) + " "


def chapters(site: Path, lang: str):
    """The built pages the edition prints (the nav after the home page, less web-only pages)."""
    return [page for page in built_pages(site / lang, PROJECT.nav())[1:] if page.src not in SETTINGS.web_only]


def outline(path: Path) -> list[tuple[int, str, int]]:
    """(depth, title, page number) of every bookmark."""
    with pikepdf.open(path) as document, document.open_outline() as tree:
        found = []

        def walk(items, depth):
            for item in items:
                page = document.pages.index(pikepdf.Page(item.destination[0])) + 1
                found.append((depth, " ".join(item.title.split()), page))
                walk(item.children, depth + 1)
        walk(tree.root, 0)
        return found
