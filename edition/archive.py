"""Byte-reproducible ZIP files (the EPUBs, the offline copy): entries in the order given, every one
dated the same (the edition's date at noon, not the clock: noon stays the same day in any time
zone an unzip tool shows it in), the same permissions, no extra fields. Files compressed already
(PDF, images, fonts, EPUB) are stored as they are: deflating them again costs build time and saves
next to nothing."""
from __future__ import annotations

import datetime
import zipfile
from pathlib import Path

STORED = {".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff", ".woff2", ".zip", ".epub"}
# rw-r--r--, a regular file: what unzip gives every entry, whoever built the archive.
FILE_MODE = 0o100644 << 16


def write_zip(target: Path, entries: list[tuple[str, bytes]], date: datetime.date,
              stored: tuple[str, ...] = ()) -> None:
    """entries: (name in the archive, contents), written in that order; `stored`: names to store
    uncompressed besides the compressed kinds (an EPUB's mimetype). Written under a temporary name
    and renamed, so that no half-written archive is ever served."""
    stamp = (date.year, date.month, date.day, 12, 0, 0)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    with zipfile.ZipFile(partial, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, stamp)
            info.external_attr = FILE_MODE
            info.create_system = 3  # Unix, so that the mode above is read
            keep = name in stored or Path(name).suffix.lower() in STORED
            info.compress_type = zipfile.ZIP_STORED if keep else zipfile.ZIP_DEFLATED
            archive.writestr(info, data)  # zlib level 6: level 9 took twice as long for 1 % less
    partial.replace(target)
