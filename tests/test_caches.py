"""The build's caches stay within their room: the least recently used entries go first, an entry
a build uses is marked, and nothing used in the last hour goes (edition/caches.py)."""
from __future__ import annotations

import json
import os
import time
from unittest.mock import ANY

from edition.caches import FRESH_SECONDS, prune, prune_caches
from edition.hosting.precompress import _packed
from edition.print import cache as pdf_cache
from edition.web import search_cache
from conftest import PROJECT

NOW = time.time()
OLD = NOW - 10 * FRESH_SECONDS


def entry(folder, name: str, size: int, age: float) -> None:
    path = folder / name
    path.write_bytes(b"x" * size)
    os.utime(path, (NOW - age, NOW - age))


def left(folder) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def test_the_least_recently_used_go_first_a_pdf_with_its_manifest(tmp_path):
    entry(tmp_path, "a.pdf", 400, 5 * FRESH_SECONDS)
    entry(tmp_path, "a.json", 100, 5 * FRESH_SECONDS)
    entry(tmp_path, "b.pdf", 400, 4 * FRESH_SECONDS)
    entry(tmp_path, "b.json", 100, 2 * FRESH_SECONDS)  # b used after a: b's last use is its newest file
    entry(tmp_path, "c.pdf", 400, 3 * FRESH_SECONDS)
    assert prune(tmp_path, room=1000, now=NOW) == ["a"]
    assert left(tmp_path) == ["b.json", "b.pdf", "c.pdf"]
    assert prune(tmp_path, room=1000, now=NOW) == []


def test_nothing_used_in_the_last_hour_goes_even_over_the_room(tmp_path):
    entry(tmp_path, "old.gz", 300, 2 * FRESH_SECONDS)
    entry(tmp_path, "recent.gz", 300, FRESH_SECONDS - 60)
    entry(tmp_path, "now.gz", 300, 0)
    assert prune(tmp_path, room=100, now=NOW) == ["old"]
    assert left(tmp_path) == ["now.gz", "recent.gz"]


def test_a_kept_search_index_is_one_entry_with_its_files(tmp_path):
    index = tmp_path / "key1"
    (index / "fragment").mkdir(parents=True)
    (index / "fragment" / "f1").write_bytes(b"x" * 800)
    os.utime(index, (OLD, OLD))
    (tmp_path / "key2").mkdir()  # made now
    assert prune(tmp_path, room=500, now=NOW) == ["key1"]
    assert left(tmp_path) == ["key2"]


def test_each_cache_marks_what_a_build_takes_from_it(tmp_path):
    pdfs, target = tmp_path / "pdf", tmp_path / "site" / "x.pdf"
    pdfs.mkdir()
    entry(pdfs, "k.pdf", 10, 10 * FRESH_SECONDS)
    (pdfs / "k.json").write_text(json.dumps({}), encoding="utf-8")
    os.utime(pdfs / "k.json", (OLD, OLD))
    assert pdf_cache.lookup(pdfs, "k", target, tmp_path) and target.read_bytes() == b"x" * 10
    searches = tmp_path / "search"
    (searches / "k").mkdir(parents=True)
    os.utime(searches / "k", (OLD, OLD))
    assert search_cache.lookup(searches, "k", tmp_path / "out")
    gzips = tmp_path / "gzip"
    _packed(b"text", "d", gzips)
    os.utime(gzips / "d.gz", (OLD, OLD))
    _packed(b"text", "d", gzips)
    for path in (pdfs / "k.pdf", pdfs / "k.json", searches / "k", gzips / "d.gz"):
        assert NOW - path.stat().st_mtime < 60, f"{path.relative_to(tmp_path)} was used but not marked"
    for name in ("pdf", "search", "gzip"):
        entry(tmp_path / name, "stale", 100 * 2**20, 2 * FRESH_SECONDS)
    assert prune_caches(pdfs) == {"pdf": 1, "search": 1, "gzip": 1}
    assert not any((tmp_path / name / "stale").exists() for name in ("pdf", "search", "gzip"))


def test_a_pdf_pruned_while_looked_up_is_a_miss_not_an_error(tmp_path):
    (tmp_path / "k.json").write_text("{}", encoding="utf-8")  # its PDF already gone
    assert not pdf_cache.lookup(tmp_path, "k", tmp_path / "out.pdf", tmp_path)
    assert not search_cache.lookup(tmp_path, "gone", tmp_path / "out")


def test_a_pdf_made_in_one_folder_is_taken_by_a_build_into_another(tmp_path, site):
    """Each test run builds into a folder of its own: what the PDFs are made of may not name it."""
    from edition.print.edition import edition_html
    composed = edition_html(PROJECT, site / "nl", "nl", PROJECT.print_settings())
    assert "file:" not in composed and str(site) not in composed, "the composed edition names the folder built into"
    first, second, cache = tmp_path / "one" / "nl", tmp_path / "two" / "nl", tmp_path / "cache"
    for folder in (first, second):
        (folder / "img").mkdir(parents=True)
        (folder / "img" / "figure.svg").write_text("<svg/>", encoding="utf-8")
    (first / "x.pdf").write_bytes(b"%PDF")
    pdf_cache.store(cache, "k", first / "x.pdf", [first.resolve() / "img" / "figure.svg"], first)
    assert json.loads((cache / "k.json").read_text(encoding="utf-8")) == {"img/figure.svg": ANY}
    assert pdf_cache.lookup(cache, "k", second / "x.pdf", second)
    (second / "img" / "figure.svg").write_text("<svg></svg>", encoding="utf-8")  # this build's copy changed
    assert not pdf_cache.lookup(cache, "k", second / "y.pdf", second)
