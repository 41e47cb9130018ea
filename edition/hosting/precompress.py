"""Pre-compressed copies (file.gz next to file) for servers with gzip_static, such as nginx.

A server then sends the best compression once made, instead of compressing on every request
at a low level. The copies are deterministic (no name and mtime 0 in the gzip header), so the
same build gives the same bytes.
"""
from __future__ import annotations

import gzip
import io
from pathlib import Path

from edition.hosting.csp import POLICY_DIR as SERVER_ONLY  # read by the server, never sent to readers

SUFFIXES = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


def gzip_bytes(data: bytes) -> bytes:
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as out:
        out.write(data)
    return buffer.getvalue()


def precompress(site: Path) -> dict[str, int]:
    """Write file.gz for every text file that gets smaller; return the bytes before and after.

    A stale .gz (MkDocs writes sitemap.xml.gz itself) is replaced; one that would not be smaller
    is removed, so a server never sends a compressed copy bigger than the file.
    """
    totals = {"files": 0, "bytes": 0, "gzip_bytes": 0}
    for path in sorted(site.rglob("*")):
        if path.suffix not in SUFFIXES or not path.is_file() or SERVER_ONLY in path.parts:
            continue
        data = path.read_bytes()
        packed = gzip_bytes(data)
        target = path.with_name(path.name + ".gz")
        if len(packed) >= len(data):
            target.unlink(missing_ok=True)
            continue
        target.write_bytes(packed)
        totals["files"] += 1
        totals["bytes"] += len(data)
        totals["gzip_bytes"] += len(packed)
    return totals
