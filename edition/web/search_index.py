"""The search index of one edition: Pagefind's, made from the built pages into <lang>/pagefind/.

Called by build.py after each language's HTML build. Each built page is cut into its records
(search_records.py: one per numbered paragraph, footnote, source, and heading), and each record
goes to Pagefind as a small page of its own, so that Pagefind ranks paragraphs, not pages, and a
result's data is one paragraph (a few hundred bytes) instead of a whole page. Pagefind stems
each record in its <html lang> (Dutch or English) and splits the index into chunks, of which a
query fetches only those it needs.

Beside the index: search.json, each page's address and title (a result names its page by its
number there, so that the metadata Pagefind also searches holds no words of a title) and the
words a query leaves out (docs/data/search.yml), fetched with the first query; and
vocabulary.json, the edition's own words by frequency, from which the search suggests the
closest words when a query finds nothing (a typo); the browser fetches it only then.

Of the files Pagefind writes, only those the search uses are kept: its script, the WebAssembly
of this language, the metadata, index and fragments. Its ready-made interfaces, its highlighter
and its worker script are removed (the search runs without a worker: search.js).
"""
from __future__ import annotations

import collections
import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from pagefind_bin import get_executable

from edition.data import read_yaml
from edition.web import search_cache
from edition.web.search_records import Record, page_records

FOLDER = "pagefind"
VOCABULARY = "vocabulary.json"
DATA = "search.json"
KEEP = re.compile(r"^(pagefind\.js|pagefind-entry\.json|pagefind\.[a-z]+_[0-9a-f]+\.pf_meta|wasm\.(?!unknown)[a-z]+\.pagefind"
                  r"|index|fragment|filter)$")
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
NOINDEX = re.compile(r'<meta name="robots" content="noindex"')
# Words shorter than this are not suggested (a typo in them is guesswork).
SHORTEST_SUGGESTION = 3


class SearchIndexError(Exception):
    pass


def load_stop_words(project, lang: str) -> list[str]:
    """docs/data/search.yml: the words a query leaves out, in this language (lower case)."""
    table = read_yaml(project.data / "search.yml", project.shown).require("stop_words", "the words a query leaves out")
    words = table.require(lang, f"the stop words in language '{lang}'")
    if not isinstance(words.value, list) or not all(isinstance(w, str) and w == w.casefold() for w in words.value):
        raise words.error(f"the stop words of '{lang}' must be a list of words in lower case")
    return list(words.value)


def edition_records(site_dir: Path) -> tuple[list[dict], list[tuple[int, Record]]]:
    """The pages (address and title) of the edition and their records, each with its page's
    number in that list; pages in path order."""
    pages, records = [], []
    for path in sorted(site_dir.rglob("index.html")):
        relative = path.parent.relative_to(site_dir).as_posix()
        if relative.split("/", 1)[0] in (FOLDER, "assets"):
            continue
        url = "" if relative == "." else f"{relative}/"
        page_html = path.read_text(encoding="utf-8")
        if NOINDEX.search(page_html):  # the side-by-side views: their text is the chapters' again
            continue
        title, found = page_records(page_html, url)
        if found:
            records += [(len(pages), record) for record in found]
            pages.append({"url": url, "title": title})
    return pages, records


def vocabulary(records: list[Record]) -> list[str]:
    """The edition's words, lower case, most frequent first (ties alphabetically)."""
    counts = collections.Counter(word.casefold() for record in records for word in WORD.findall(record.text)
                                 if len(word) >= SHORTEST_SUGGESTION)
    return [word for word, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def _write_index(record_pages: list[str], lang: str, out: Path) -> None:
    """Each record as a page of its own in a scratch folder, indexed by Pagefind's command line
    (its binary, from the pagefind[bin] package). The file names only keep the records
    apart: a result's address is its page (in search.json) and its anchor (search_records.py)."""
    with tempfile.TemporaryDirectory(prefix="dtd-search-") as scratch:
        for number, page_html in enumerate(record_pages):
            (Path(scratch) / f"{number:05d}.html").write_text(page_html, encoding="utf-8")
        # The binary itself, not `python -m pagefind`: that starts a Python only to exec it.
        result = subprocess.run([str(get_executable()), "--site", scratch, "--output-path", str(out),
                                 "--force-language", lang, "--silent"], capture_output=True, text=True)
    if result.returncode:
        raise SearchIndexError(f"Pagefind did not index the {lang} edition:\n{result.stdout}{result.stderr}")


def build_index(project, site_dir: Path, lang: str, cache: Path | None = None) -> dict:
    """Write site_dir/pagefind/: the index, search.json and vocabulary.json; return their sizes.
    `cache`: a folder of the indexes made before (search_cache.py); None indexes anew."""
    pages, records = edition_records(site_dir)
    if not records:
        raise SearchIndexError(f"no page of {site_dir} has text to search (data-pagefind-body)")
    out = site_dir / FOLDER
    shutil.rmtree(out, ignore_errors=True)
    record_pages = [record.html(lang, page) for page, record in records]
    entry = search_cache.key(record_pages, lang, KEEP.pattern)
    if not search_cache.lookup(cache, entry, out):
        _write_index(record_pages, lang, out)
        for path in out.iterdir():
            if not KEEP.match(path.name):
                shutil.rmtree(path) if path.is_dir() else path.unlink()
        search_cache.store(cache, entry, out)
    words = vocabulary([record for _, record in records])
    _write_json(out / DATA, {"lang": lang, "pages": pages, "stopWords": project.stop_words(lang)})
    _write_json(out / VOCABULARY, {"lang": lang, "words": words})
    return {"pages": len(pages), "records": len(records), "words": len(words)}


def _write_json(path: Path, data) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
