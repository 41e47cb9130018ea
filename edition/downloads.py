"""What is made from one language's built pages for readers to take away, then the links to it.

The PDFs (edition/print/) and the EPUB (edition/epub/) read the built pages as they came from
the HTML build; only then does every page get its links to them, with their true size.

Each download is a job of its own for a pool of processes (WeasyPrint holds the GIL, and a
language's PDFs take about four times its HTML): the jobs of both languages share the machine's
cores, instead of each language making its PDFs one after another. A job waits in the queue
until a process is free, and the longest kind waiting goes first (of any language), so that the
pool ends on short jobs.
"""
from __future__ import annotations

import time
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from pathlib import Path

from edition.epub.book import build_epub
from edition.errors import ContentError
from edition.print.build import PDFS, build_pdf
from edition.print.download_links import add_download_links
from edition.print.render import PrintError

# The longest first (per language on 2 cores: the edition and the cards about 3.5 s each, the
# handout 3, the EPUB 0.2).
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


class DownloadQueue:
    """The downloads of the languages added, run in the pool's processes when given room
    (`fill`), the longest kind first; a language's pages get their links when its last job is
    done (`collect`). `seconds`: per language what each took; `errors`: per language the first."""

    def __init__(self, pool: Executor, project, site: Path, cache: Path | None = None):
        self.pool, self.project, self.site, self.cache = pool, project, site, cache
        self.waiting: list[tuple[str, str]] = []
        self.running: dict[Future, tuple[str, str]] = {}
        self.seconds: dict[str, dict[str, float]] = {}
        self.errors: dict[str, str] = {}
        self.took: dict[str, float] = {}  # from added to linked
        self._added: dict[str, float] = {}

    def add(self, lang: str) -> None:
        self.waiting += [(lang, kind) for kind in DOWNLOADS]
        self.seconds[lang], self._added[lang] = {}, time.perf_counter()

    def fill(self, room: int) -> None:
        self.waiting.sort(key=lambda job: DOWNLOADS.index(job[1]))  # stable: languages in the order added
        while self.waiting and room > 0:
            lang, kind = self.waiting.pop(0)
            self.running[self.pool.submit(build_download, self.project, self.site, lang, kind, self.cache)] = lang, kind
            room -= 1

    def collect(self, job: Future) -> None:
        lang, _ = self.running.pop(job)
        try:
            self.seconds[lang].update(job.result())
        except DownloadError as error:
            self.errors.setdefault(lang, f"the PDFs and the EPUB did not build:\n{error}")
            self.waiting = [job for job in self.waiting if job[0] != lang]
        if lang in self.errors or any(job[0] == lang for job in [*self.waiting, *self.running.values()]):
            return
        add_download_links(self.project, self.site / lang, lang, self.project.print_settings())
        self.took[lang] = time.perf_counter() - self._added[lang]

    def run(self, room: int) -> None:
        """Everything added, `room` jobs at a time; raises the first language's error."""
        self.fill(room)
        while self.running:
            finished, _ = wait(self.running, return_when=FIRST_COMPLETED)
            for job in finished:
                self.collect(job)
            self.fill(room - len(self.running))
        if self.errors:
            raise DownloadError("\n".join(self.errors.values()))
