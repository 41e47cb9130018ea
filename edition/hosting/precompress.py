"""Pre-compressed copies (file.gz next to file) for servers with gzip_static, such as nginx.

A server then sends the best compression once made, instead of compressing on every request
at a low level. The copies are deterministic (no name and mtime 0 in the gzip header), so the
same build gives the same bytes.
"""
from __future__ import annotations

import gzip
import hashlib
import io
from pathlib import Path

from edition.hosting.csp import COLLECTED  # the build's notes, removed before anything is served
from edition.hosting.csp import POLICY_DIR as SERVER_ONLY  # read by the server, never sent to readers

SUFFIXES = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


def gzip_bytes(data: bytes) -> bytes:
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as out:
        out.write(data)
    return buffer.getvalue()


def precompress(site: Path, done: dict[str, tuple[str, int | None]] | None = None) -> dict:
    """Write file.gz for every text file that gets smaller; return the bytes before and after,
    and under "done" what each file's copy was made from (for a later call's `done`).

    A stale .gz (MkDocs writes sitemap.xml.gz itself) is replaced; one that would not be smaller
    is removed, so a server never sends a compressed copy bigger than the file.

    `done`: per file (its path as a string) the sha256 of the bytes an earlier call compressed
    and the size of its .gz (None: not smaller, no copy). Each language's build compresses its
    own folder while the other language still builds (build.py); the last call, over the whole
    site, then compresses only what changed since (hashing is some 30 times quicker than
    compressing at level 9).
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
            packed = gzip_bytes(data)
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
