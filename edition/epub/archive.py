"""The EPUB's ZIP container, byte-reproducible: `mimetype` first and stored, the other files in
name order, every entry with the same fixed time and permissions, compressed at a fixed level."""
from __future__ import annotations

import datetime
import zipfile
from pathlib import Path

MIMETYPE = b"application/epub+zip"


def _entry(name: str, day: datetime.date, compress: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(day.year, day.month, day.day, 0, 0, 0))
    info.compress_type = compress
    info.create_system = 3  # Unix, whatever machine builds it
    info.external_attr = 0o100644 << 16
    return info


def write_epub(target: Path, files: dict[str, bytes], day: datetime.date) -> None:
    """files: path inside the book -> content (without mimetype); day: the entries' time."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    with zipfile.ZipFile(partial, "w") as book:
        book.writestr(_entry("mimetype", day, zipfile.ZIP_STORED), MIMETYPE)
        for name in sorted(files):
            book.writestr(_entry(name, day, zipfile.ZIP_DEFLATED), files[name], compresslevel=9)
    partial.replace(target)
