"""What is made from one language's built pages for readers to take away, then the links to it.

The PDFs (edition/print/) and the EPUB (edition/epub/) read the built pages as they came from
the HTML build; only then does every page get its links to them, with their true size.

Each download is a job of its own for a pool of processes (WeasyPrint holds the GIL, and a
language's PDFs take about four times its HTML): the jobs of both languages share the machine's
cores, instead of each language making its PDFs one after another.
"""
from __future__ import annotations

import time
from concurrent.futures import Executor, Future
from pathlib import Path

from edition.epub.book import build_epub
from edition.errors import ContentError
from edition.print.build import PDFS, build_pdf
from edition.print.download_links import add_download_links
from edition.print.render import PrintError

# The longest first, so that a pool ends on short jobs (per language, on 2 cores: edition and
# cards about 3.5 s each, the handout 3, the EPUB 0.2).
DOWNLOADS = ("edition", "cards", "handout", "epub")
assert set(DOWNLOADS) == {*PDFS, "epub"}


class DownloadError(Exception):
    """A PDF or the EPUB was not made: the content error or WeasyPrint's problem, as text (it
    crosses from a worker process)."""


def build_download(project, site: Path, lang: str, kind: str, cache: Path | None = None) -> dict[str, float]:
    """One download of a language; returns the seconds it took ({"nl/epub": 0.2})."""
    try:
        if kind == "epub":
            start = time.perf_counter()
            build_epub(project, site, lang, project.print_settings())
            return {f"{lang}/epub": time.perf_counter() - start}
        return {f"{lang}/{kind}": build_pdf(project, site, lang, kind, cache)}
    except (ContentError, PrintError) as error:
        raise DownloadError(str(error)) from None


def submit_downloads(pool: Executor, project, site: Path, languages: tuple[str, ...], cache: Path | None = None
                     ) -> dict[str, list[Future]]:
    """The languages' jobs, the longest kind of every language first: after a one-paragraph edit
    both edition PDFs are made anew, at once, while the others mostly come from the cache."""
    jobs: dict[str, list[Future]] = {lang: [] for lang in languages}
    for kind in DOWNLOADS:
        for lang in languages:
            jobs[lang].append(pool.submit(build_download, project, site, lang, kind, cache))
    return jobs


def finish_downloads(project, site: Path, lang: str, jobs: list[Future]) -> dict[str, float]:
    """Waits for a language's jobs, then links its pages to what they made; returns their seconds."""
    seconds: dict[str, float] = {}
    for job in jobs:
        seconds.update(job.result())
    add_download_links(project, site / lang, lang, project.print_settings())
    return seconds

