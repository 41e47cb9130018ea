"""nginx redirects for the short addresses, made from the forwarding pages of a build.

The build writes a small forwarding page for every short address (/nl/3.4, /nl/eigen-kracht,
/nl/g/1/: edition/reader/short_addresses.py). They work on any static host, but cost a reader
a page load and the refresh; where the server is ours, scripts/deploy puts an exact location
per address into the release's nginx lines, so that /nl/3.4 is answered at once with a redirect
to /nl/verkenning/…/#p-3-4 (the fragment kept). Derived from the pages, not from the data: what
nginx answers is what the release's files say. 302, not 301: browsers keep a 301 for good, and a
renumbered paragraph in a later edition must lead to its new place.
"""
from __future__ import annotations

import posixpath
import re
from pathlib import Path

REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')
# What may go into nginx's configuration unquoted-safe: no quotes, spaces, braces or semicolons.
SAFE = re.compile(r"^/[A-Za-z0-9._~/#-]*$")


class RedirectError(Exception):
    pass


def forwards(site: Path, languages: list[str]) -> dict[str, str]:
    """Short address ("/nl/3.4") -> where its page forwards ("/nl/verkenning/…/#p-3-4"), for every
    forwarding page of the languages' folders (the root page, which forwards to /nl/, is nginx's
    own location)."""
    found = {}
    for lang in languages:
        for page in sorted((site / lang).rglob("index.html")):
            with page.open(encoding="utf-8") as file:
                head = file.read(600)  # a forwarding page says so at its top
            match = REFRESH.search(head)
            if match is None:
                continue
            address = "/" + page.parent.relative_to(site).as_posix()
            target, _, fragment = match.group(1).partition("#")
            resolved = posixpath.normpath(posixpath.join(address + "/", target)) + "/"
            found[address] = resolved + (f"#{fragment}" if fragment else "")
    return found


def nginx_locations(found: dict[str, str]) -> str:
    """An exact location per address, with and without its slash."""
    lines = []
    for address, target in sorted(found.items()):
        for value in (address, target):
            if not SAFE.match(value):
                raise RedirectError(f"short address {address}: '{value}' cannot be written into nginx's configuration")
        for form in (address, address + "/"):
            lines.append(f'location = {form} {{ return 302 "{target}"; }}\n')
    return "".join(lines)
