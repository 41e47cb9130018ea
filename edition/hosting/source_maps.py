"""Source maps that belong to their file, and no others.

Material ships a .map beside each of its bundles. Ours differ from Material's: the build patches
the bundle and gives it a new name (edition/web/steps.py), and the map, made for the original,
no longer describes it; its stylesheets come with maps that nothing names. Such maps would be
served and cached for a year, for nothing (the bundle's is 1 MB) or, worse, misleading whoever
debugs the site. A map stays only if its file names it (sourceMappingURL) and it is named after
that file; a file that names any other map loses that comment.
"""
from __future__ import annotations

import re
from pathlib import Path

# The last line of a minified script or stylesheet: //# sourceMappingURL=x.map or /*# ... */
COMMENT = re.compile(r"\n?(?://# sourceMappingURL=(\S+)|/\*# sourceMappingURL=(\S+) \*/)\s*\Z")


def remove_stale_maps(site: Path) -> list[str]:
    """Drop every map that its file does not name, and every comment naming a map that is not
    the file's own; return the maps removed (relative paths)."""
    kept = set()
    for path in sorted(site.rglob("*")):
        if path.suffix not in (".js", ".css") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        match = COMMENT.search(text)
        if not match:
            continue
        named = match.group(1) or match.group(2)
        own = path.with_name(path.name + ".map")
        if named == own.name and own.is_file():
            kept.add(own)
        else:
            path.write_text(text[:match.start()] + "\n", encoding="utf-8")
    removed = [p for p in sorted(site.rglob("*.map")) if p not in kept]
    for path in removed:
        path.unlink()
    return [p.relative_to(site).as_posix() for p in removed]
