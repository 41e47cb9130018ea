"""The search figures of the benchmark (scripts/bench.py), each beside the same figure for the
stock Material build (its own lunr search, as the edition had before Pagefind):

- the first query of a cold visitor: every byte the search costs on the wire (compressed, with
  headers), from the page's load to the results of one query typed into the header's box: for
  ours Pagefind's script, WebAssembly, metadata, index chunks and result fragments, our search
  modules and search.json; for Material its worker, lunr and search_index.json;
- the whole index of each language as stored (compressed), and the time to make both.
"""
from __future__ import annotations

import gzip
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from bench import median_seconds
from bench_web import serve, stock_site  # the gzip server and the stock build the web figures use
from edition.project import LANGUAGES, default_project
from edition.web.search_index import build_index

QUERIES = {"nl": "zelfbeleving", "en": "critical awareness"}
FIRST_QUERY_BUDGET_KB = 150  # the limit for a cold visitor's first query
OURS = ("/pagefind/", "/assets/javascripts/search")  # search.js, search-text.js
STOCK = ("/search/search_index.json", "/assets/javascripts/workers/", "/assets/javascripts/lunr/")
TEXT = (".json", ".js")


def first_query(browser, url: str, query: str, engine: tuple[str, ...], results: str) -> dict:
    """Bytes and requests of the search's files over a cold visit and one query."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    finished = []
    context.on("requestfinished", lambda request: finished.append(request))  # the worker's too
    page.goto(url, wait_until="networkidle")
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially(query, delay=30)
    page.locator(results).first.wait_for(state="visible", timeout=15_000)
    page.wait_for_load_state("networkidle")
    mine = [r for r in finished if any(part in urlsplit(r.url).path for part in engine)]
    total = sum(wire_size(r) for r in mine)
    context.close()
    return {"bytes": total, "requests": len(mine)}


def wire_size(request) -> int:
    """Headers and body as sent. Chromium reports no body size for a worker's own script
    (Material's): that one is counted as the server sends it, gzip level 6."""
    sizes = request.sizes()
    body = sizes["responseBodySize"]
    if not body and request.response() and request.response().status == 200:
        body = len(gzip.compress(request.response().body(), 6, mtime=0))
    return body + sizes["responseHeadersSize"]


def stored_size(folder: Path) -> int:
    """The index as served: a text file's .gz copy where the build wrote one, else the file."""
    total = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.name.endswith(".gz"):
            packed = path.with_name(path.name + ".gz")
            total += packed.stat().st_size if packed.exists() else (
                len(gzip.compress(path.read_bytes(), 9, mtime=0)) if path.suffix in TEXT else path.stat().st_size)
    return total


def search_figures(bench) -> list[dict]:
    from playwright.sync_api import sync_playwright
    site, stock = bench.site(), stock_site(bench)
    ours_server, ours = serve(site)
    stock_server, theirs = serve(stock)
    found = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
        for lang in LANGUAGES:
            mine = first_query(browser, f"{ours}/{lang}/", QUERIES[lang], OURS, "a.edition-search__hit")
            material = first_query(browser, f"{theirs}/{lang}/", QUERIES[lang], STOCK, ".md-search-result__item")
            found.append(dict(name=f"Search, first query of a cold visitor, {lang}: bytes (gzip)",
                              value=round(mine["bytes"] / 1000, 1), unit="kB", budget=FIRST_QUERY_BUDGET_KB,
                              baseline=round(material["bytes"] / 1000, 1),
                              note=f"'{QUERIES[lang]}': {mine['requests']} requests (Material: {material['requests']}, "
                                   "fetched at page load); Pagefind without a worker"))
        browser.close()
    ours_server.shutdown()
    stock_server.shutdown()
    seconds, runs = median_seconds(lambda: [build_index(default_project(), site / lang, lang) for lang in LANGUAGES])
    found.append(dict(name="Search index, both languages: making it", value=seconds, unit="s", runs=runs,
                      note="median of 3; cutting the built pages into records and Pagefind's indexing"))
    for lang in LANGUAGES:
        material = len(gzip.compress((stock / lang / "search" / "search_index.json").read_bytes(), 9, mtime=0))
        found.append(dict(name=f"Search index, {lang}, all files (gzip)", value=round(stored_size(site / lang / "pagefind") / 1000, 1),
                          unit="kB", baseline=round(material / 1000, 1),
                          note="Pagefind: a query fetches only the chunks it needs; Material: one file"))
    return found
