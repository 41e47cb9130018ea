"""What is made from one language's built pages for readers to take away, then the links to it.

The PDFs (edition/print/) and the EPUB (edition/epub/) read the built pages as they came from
the HTML build; only then does every page get its links to them, with their true size.
"""
from __future__ import annotations

import time
from pathlib import Path

from edition.epub.book import build_epub
from edition.print.build import build_pdfs
from edition.print.download_links import add_download_links


def build_downloads(project, site: Path, lang: str, cache: Path | None = None) -> dict[str, float]:
    """Writes site/<lang>/pdf/*.pdf and the EPUB; returns the seconds each took ("nl/epub": 0.3, ...)."""
    settings = project.print_settings()
    seconds = build_pdfs(project, site, lang, cache)
    start = time.perf_counter()
    build_epub(project, site, lang, settings)
    seconds[f"{lang}/epub"] = time.perf_counter() - start
    add_download_links(project, site / lang, lang, settings)
    return seconds
