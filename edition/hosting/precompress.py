"""Pre-compressed copies (file.gz next to file) for servers with gzip_static, such as nginx.

A server then sends the best compression once made, instead of compressing on every request
at a low level. The copies are deterministic (no name and mtime 0 in the gzip header), so the
same build gives the same bytes.
"""
from __future__ import annotations

import gzip
import hashlib
import io
import os
from pathlib import Path

from edition.caches import used
from edition.hosting.csp import COLLECTED  # the build's notes, removed before anything is served
from edition.hosting.csp import POLICY_DIR as SERVER_ONLY  # read by the server, never sent to readers

SUFFIXES = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


def gzip_bytes(data: bytes) -> bytes:
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as out:
        out.write(data)
    return buffer.getvalue()


def _packed(data: bytes, digest: str, cache: Path | None) -> bytes:
    """gzip_bytes(data), from the cache when the same bytes were compressed before (the copies
    are deterministic, so the earlier copy is this one)."""
    if cache is None:
        return gzip_bytes(data)
    kept = cache / f"{digest}.gz"
    try:
        packed = kept.read_bytes()
        used(kept)
        return packed
    except FileNotFoundError:  # not made before (or pruned: edition/caches.py)
        pass
    packed = gzip_bytes(data)
    cache.mkdir(parents=True, exist_ok=True)
    # Both languages' builds store their identical files (the theme's) at the same time.
    scratch = kept.with_name(f"{kept.name}.{os.getpid()}")
    scratch.write_bytes(packed)
    os.replace(scratch, kept)
    return packed


def precompress(site: Path, done: dict[str, tuple[str, int | None]] | None = None,
                cache: Path | None = None) -> dict:
    """Write file.gz for every text file that gets smaller; return the bytes before and after,
    and under "done" what each file's copy was made from (for a later call's `done`).

    A stale .gz (MkDocs writes sitemap.xml.gz itself) is replaced; one that would not be smaller
    is removed, so a server never sends a compressed copy bigger than the file.

    `done`: per file (its path as a string) the sha256 of the bytes an earlier call compressed
    and the size of its .gz (None: not smaller, no copy). Each language's build compresses its
    own folder while the other language still builds (build.py); the last call, over the whole
    site, then compresses only what changed since (hashing is some 30 times quicker than
    compressing at level 9).

    `cache`: a folder of the copies made before, by the sha256 of the bytes compressed
    (.cache/gzip/ beside the PDFs' cache: build.py); None makes every copy anew.
    """
    done = done or {}
    totals = {"files": 0, "bytes": 0, "gzip_bytes": 0}
    made: dict[str, tuple[str, int | None]] = {}
    for path in sorted(site.rglob("*")):
        if path.suffix not in SUFFIXES or not path.is_file() or SERVER_ONLY in path.parts or path.name == COLLECTED:
            continue
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        earlier = done.get(str(path))
        if earlier is not None and earlier[0] == digest:
            packed_size = earlier[1]
        else:
            packed = _packed(data, digest, cache)
            target = path.with_name(path.name + ".gz")
            packed_size = len(packed) if len(packed) < len(data) else None
            if packed_size is None:
                target.unlink(missing_ok=True)
            else:
                target.write_bytes(packed)
        made[str(path)] = (digest, packed_size)
        if packed_size is not None:
            totals["files"] += 1
            totals["bytes"] += len(data)
            totals["gzip_bytes"] += packed_size
    return {**totals, "done": made}
