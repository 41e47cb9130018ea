"""The build's caches in the working copy (.cache/pdf, .cache/search, .cache/gzip, .cache/offline):
where they are, and how much they keep.

Every edit makes new entries (a changed paragraph: a new edition PDF, a new search index, new
.gz copies), so without a limit the folders only grow: the maintainers' working copy held 258
kept PDFs (27 MB) after some days of work. An entry is marked when a build uses it; after a
build, a folder keeps every entry used in the last hour (another build may be about to copy it)
and then the most recently used ones while it stays within ROOM. The offline copy keeps one
(pack.py).
"""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

ROOM = 64 * 2**20  # bytes a folder may keep: some 30 builds' PDFs, so a branch switched back still hits
FRESH_SECONDS = 3600
PRUNED = ("pdf", "search", "gzip")


def default_cache(project) -> Path:
    return project.root / ".cache" / "pdf"


def cache_beside(cache: Path | None, name: str) -> Path | None:
    """Another cache beside the PDFs' (.cache/gzip, .cache/search), or none when they have none."""
    return None if cache is None else cache.with_name(name)


def used(*paths: Path) -> None:
    """Mark entries as used now (their modification time): the last to go when a folder is pruned."""
    for path in paths:
        try:
            os.utime(path)
        except OSError:  # pruned by another build in the meantime: the next lookup misses
            pass


def _entries(folder: Path) -> dict[str, tuple[float, int, list[Path]]]:
    """Per entry (the name before its first dot: a PDF and its manifest, a .gz and its scratch
    copy go together) its last use, its size in bytes and its files or folders."""
    found: dict[str, tuple[float, int, list[Path]]] = {}
    for path in folder.iterdir():
        try:
            stat = path.stat()
            size = stat.st_size if path.is_file() else sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
        except OSError:
            continue
        name = path.name.split(".", 1)[0]
        last, total, paths = found.get(name, (0.0, 0, []))
        found[name] = (max(last, stat.st_mtime), total + size, [*paths, path])
    return found


def prune(folder: Path | None, room: int = ROOM, now: float | None = None) -> list[str]:
    """Remove the least recently used entries of folder until it keeps at most `room` bytes,
    but none used in the last hour. Returns the names of the entries removed."""
    if folder is None or not folder.is_dir():
        return []
    now = time.time() if now is None else now
    entries = _entries(folder)
    total = sum(size for _, size, _ in entries.values())
    removed = []
    for name, (last, size, paths) in sorted(entries.items(), key=lambda item: item[1][0]):
        if total <= room or now - last < FRESH_SECONDS:
            break
        for path in paths:
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
        total -= size
        removed.append(name)
    return removed


def prune_caches(cache: Path | None) -> dict[str, int]:
    """Prune the PDFs' cache and those beside it; returns how many entries each let go."""
    return {name: len(prune(cache_beside(cache, name))) for name in PRUNED} if cache is not None else {}
