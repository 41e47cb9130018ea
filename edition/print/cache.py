"""PDFs kept by a hash of everything they are made from, so that an unchanged PDF is not made again.

The PDFs are byte-reproducible, so a PDF made before from the same inputs is the PDF: the key
covers the composed HTML, the stylesheets, the fonts, WeasyPrint's version and this package's
print code; each entry also records every file the rendering fetched (images) with its hash,
and is used only while they are unchanged. The cache is a folder of the working copy
(.cache/pdf/, not committed; edition/caches.py keeps it within its room); a build with
cache=None makes every PDF anew.
"""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import weasyprint

from edition.caches import used

PRINT_CODE = Path(__file__).parent


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def key(html: str, stylesheets: list[Path], fonts: list[Path]) -> str:
    parts = [html.encode("utf-8"), weasyprint.__version__.encode()]
    parts += [sheet.read_bytes() for sheet in stylesheets]
    parts += [f"{font.name}:{font.stat().st_size}".encode() for font in fonts]
    parts += [path.read_bytes() for path in sorted(PRINT_CODE.glob("*.py"))]
    return _digest(b"\0".join(parts))


def _name(path: Path, base: Path) -> str:
    """A fetched file as the manifest names it: relative to the folder built into when it is
    there (the built site's images), so that a build of the same sources into another folder
    (each test run's, the benchmark's) checks its own copy and takes the entry."""
    return path.relative_to(base).as_posix() if path.is_relative_to(base) else str(path)


def lookup(cache: Path | None, entry_key: str, target: Path, base: Path) -> bool:
    """Copy the cached PDF to target if there is one whose fetched files are unchanged (those
    named relative to a build's folder: in `base`, this build's)."""
    if cache is None:
        return False
    manifest = cache / f"{entry_key}.json"
    pdf = cache / f"{entry_key}.pdf"
    folder = base.resolve()
    try:
        fetched = json.loads(manifest.read_text(encoding="utf-8"))
        for name, digest in fetched.items():
            path = folder / name  # an absolute name stays itself
            if not path.exists() or _digest(path.read_bytes()) != digest:
                return False
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(pdf, target)
    except FileNotFoundError:  # not kept, or pruned by another build just now (edition/caches.py)
        return False
    used(manifest, pdf)
    return True


def store(cache: Path | None, entry_key: str, target: Path, fetched: list[Path], base: Path) -> None:
    if cache is None:
        return
    cache.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(target, cache / f"{entry_key}.pdf")
    folder = base.resolve()  # the fetcher's paths are resolved too
    manifest = {_name(path, folder): _digest(path.read_bytes()) for path in sorted(set(fetched)) if path.is_file()}
    (cache / f"{entry_key}.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
