"""Pagefind's index kept by a hash of what it indexes, so that an unchanged edition is not indexed again.

Pagefind's output is deterministic (the same records in the same order, language and Pagefind
give the same files), and indexing takes about 0.3 s per language, most of an edition's search
step. The cache is a folder of the working copy (.cache/search/, beside the PDFs' cache: build.py;
not committed), one folder of the kept files per key; a build without a cache indexes anew. An
edited paragraph changes its edition's records, so only the other edition's index comes from here.
"""
from __future__ import annotations

import hashlib
import os
import shutil
from importlib import metadata
from pathlib import Path

from edition.caches import used


def key(record_pages: list[str], lang: str, kept: str) -> str:
    """A hash of the pages Pagefind indexes, their language, Pagefind's version and the files kept."""
    digest = hashlib.sha256()
    for part in (metadata.version("pagefind_bin"), lang, kept, *record_pages):
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()


def lookup(cache: Path | None, entry_key: str, out: Path) -> bool:
    """Copy the index kept under this key to out (which does not exist yet), if there is one."""
    if cache is None or not (cache / entry_key).is_dir():
        return False
    try:
        shutil.copytree(cache / entry_key, out)
    except (FileNotFoundError, shutil.Error):  # pruned by another build while copied (edition/caches.py)
        shutil.rmtree(out, ignore_errors=True)
        return False
    used(cache / entry_key)
    return True


def store(cache: Path | None, entry_key: str, out: Path) -> None:
    if cache is None:
        return
    cache.mkdir(parents=True, exist_ok=True)
    scratch = cache / f"{entry_key}.{os.getpid()}"
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.copytree(out, scratch)
    try:
        scratch.rename(cache / entry_key)  # whole or not at all
    except OSError:  # another build kept the same index first
        shutil.rmtree(scratch, ignore_errors=True)
