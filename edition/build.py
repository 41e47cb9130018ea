"""Build the whole site: one MkDocs build per language, then the root page."""
from __future__ import annotations

import html
import os
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from pathlib import Path

from edition.adapters.mkdocs.runner import build_edition, preload
from edition.caches import cache_beside, default_cache, prune_caches
from edition.downloads import DownloadQueue
from edition.errors import ContentError
from edition.hosting.files import write_hosting_files
from edition.hosting.precompress import precompress
from edition.offline.pack import build_offline_pack
from edition.parallel.fill import fill_parallel_pages
from edition.print.download_links import add_offline_links
from edition.project import Project, default_project
from edition.web.search_index import SearchIndexError, build_index

DEFAULT_SITE_URL = "https://durftedromen.delft.nl/"


class BuildError(Exception):
    def __init__(self, message: str, built: tuple[str, ...] = ()):
        super().__init__(message)
        self.built = built  # the languages that did build (the others stopped it)


def root_page(languages: list[dict], forward: bool = True) -> str:
    """/ sends readers to the Dutch edition and offers both languages, without JavaScript. The
    offline copy's (forward=False) only offers them: it is the file a reader opens first."""
    first = languages[0]
    forwarding = (f'  <meta http-equiv="refresh" content="0; url={first["lang"]}/">\n'
                  f'  <link rel="canonical" href="{first["lang"]}/">\n') if forward else ""
    links = "\n".join(
        f'    <li><a href="{html.escape(alt["lang"])}/" hreflang="{alt["lang"]}" lang="{alt["lang"]}">'
        f'{html.escape(alt["name"])}</a></li>' for alt in languages)
    return f"""<!doctype html>
<html lang="{first['lang']}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Durf te Dromen, over empowerment</title>
{forwarding}  <style>body{{font:1.125rem/1.6 system-ui,sans-serif;margin:3rem auto;max-width:34rem;padding:0 1rem;color:#1a1a1a}}a{{color:#00528c}}</style>
</head>
<body>
  <main>
  <h1>Durf te Dromen, over empowerment</h1>
  <ul>
{links}
  </ul>
  </main>
</body>
</html>
"""


def build_language(project: Project, lang: str, out: Path, site_url: str, strict: bool,
                   cache: Path | None, drift: str = "error") -> dict:
    """One language's HTML and its search index (its downloads follow: edition/downloads.py)."""
    start = time.perf_counter()
    result = build_edition(project, lang, out, site_url, strict, drift)
    report = {"seconds": time.perf_counter() - start, "log": result.stderr}
    if result.returncode != 0:
        raise BuildError(f"the {lang} edition did not build:\n{_errors(result.stderr)}")
    # The search index is made from the built pages, before the PDFs add their links to them
    # (which the index leaves out anyway: search_markup.py).
    search_start = time.perf_counter()
    try:
        report["search"] = build_index(project, out / lang, lang, cache_beside(cache, "search"))
    except (ContentError, SearchIndexError) as error:
        raise BuildError(f"the {lang} search index was not made:\n{error}") from error
    report["search"]["seconds"] = time.perf_counter() - search_start
    # The .gz copies of this language's files, here while the other language still builds: the
    # last step of build_site compresses only the files changed after (hosting/precompress.py),
    # such as the pages that get their download links once the downloads are made.
    report["compressed"] = precompress(out / lang, cache=cache_beside(cache, "gzip"))["done"]
    return report


def fill_parallel_share(project: Project, out: Path, chapters: list) -> int:
    """One process's share of the side-by-side views (a ContentError cannot cross processes)."""
    try:
        return fill_parallel_pages(project, out, chapters)
    except ContentError as error:
        raise BuildError(f"the side-by-side views were not made:\n{error}") from None


def workers(languages) -> int:
    """Processes for the pool: a language's HTML each at first, then the downloads' jobs."""
    return max(len(languages), min(os.cpu_count() or 1, 8))


def build_site(out: Path, project: Project | None = None, site_url: str = DEFAULT_SITE_URL,
               strict: bool = True, cache: Path | None | bool = True,
               languages: tuple[str, ...] | None = None, pdfs: bool = True,
               drift: str = "error") -> dict[str, dict]:
    """Build the editions into out/<lang>, at the same time, each followed by its PDFs; then the
    root page and the hosting files. `cache`: True for the working copy's PDF cache, None for
    none (every PDF made anew), or a folder. `languages`: only these (the live preview).
    `pdfs=False`: the web pages only (the fault tests, which stop at the pages). `drift="notice"`:
    an outdated translation gets its notice without failing the build (the live preview).

    Returns per language the seconds taken (HTML, PDFs) and MkDocs' log.
    """
    project = project or default_project()
    cache = default_cache(project) if cache is True else cache
    out.mkdir(parents=True, exist_ok=True)
    languages = languages or project.languages
    start = time.perf_counter()
    # Processes: MkDocs keeps state per build, and WeasyPrint holds the GIL. A
    # language's downloads are queued as soon as its HTML is built, one job each.
    slots = workers(languages)
    preload()  # once here, not in each process the pool forks (adapters/mkdocs/runner.py)
    with ProcessPoolExecutor(max_workers=slots) as pool:
        htmls = {pool.submit(build_language, project, lang, out, site_url, strict, cache, drift): lang for lang in languages}
        downloads = DownloadQueue(pool, project, out, cache)
        built, errors = {}, {}
        while htmls or downloads.running:
            finished, _ = wait([*htmls, *downloads.running], return_when=FIRST_COMPLETED)
            for future in finished:
                if future not in htmls:
                    downloads.collect(future)
                    continue
                lang = htmls.pop(future)
                try:
                    built[lang] = future.result()
                except BuildError as error:
                    errors[lang] = str(error)
                    continue
                if pdfs:
                    downloads.add(lang)
            downloads.fill(slots - len(htmls) - len(downloads.running))
        errors |= downloads.errors
        for lang, seconds in downloads.seconds.items():
            built[lang]["pdf_files"] = seconds
            if lang in downloads.took:
                built[lang]["pdf_seconds"] = downloads.took[lang]
        report = {lang: built[lang] for lang in languages if lang in built and lang not in errors}
        if errors:
            raise BuildError("\n".join(errors[lang] for lang in languages if lang in errors), tuple(report))
        if set(languages) == set(project.languages):
            # The side-by-side views need both editions' chapters: their rows are filled in now,
            # the chapters shared between the pool's processes (each chapter reads both editions).
            parallel_start = time.perf_counter()
            chapters = project.chapters()
            shares = [pool.submit(fill_parallel_share, project, out, chapters[n::len(languages)])
                      for n in range(len(languages))]
            for share in shares:
                share.result()
            report["parallel"] = {"seconds": time.perf_counter() - parallel_start, "log": ""}
    alternates = project.site_config()["extra"]["alternate"]
    (out / "index.html").write_text(root_page(alternates), encoding="utf-8")
    if set(languages) == set(project.languages) and pdfs:
        # The offline copy holds everything made so far; then the home pages get its link and
        # size (the copy's own home pages go without: it does not hold itself).
        try:
            report["offline"] = build_offline_pack(project, out, site_url, root_page(alternates, forward=False),
                                                   cache_beside(cache, "offline"))
            add_offline_links(project, out, out / report["offline"]["file"])
        except ContentError as error:
            raise BuildError(f"the offline copy was not made:\n{error}") from error
        report["offline"]["log"] = ""
    # Last: the CSP hashes and the .gz copies must cover every file written before.
    try:
        compressed = {path: made for lang in languages for path, made in report[lang].pop("compressed").items()}
        write_hosting_files(out, project.site_config(), site_url, project.config_file, compressed,
                            cache_beside(cache, "gzip"))
    except ContentError as error:
        raise BuildError(f"the files for the web server were not written:\n{error}") from error
    pruning = time.perf_counter()
    report["caches"] = {"pruned": prune_caches(cache), "seconds": time.perf_counter() - pruning, "log": ""}
    report["total"] = {"seconds": time.perf_counter() - start, "log": ""}
    return report


def _errors(log: str) -> str:
    """MkDocs' log without its INFO lines: the warnings and errors that stopped the build."""
    return "\n".join(line for line in log.strip().splitlines() if not line.startswith("INFO"))
