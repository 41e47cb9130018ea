"""Short web addresses for paper: /nl/g/1/ leads to the first tension of the discussion guide.

The discussion handout prints one per tension, beside a QR code of the same address, so that a
reader can type it from paper: https://durftedromen.delft.nl/nl/g/1/ rather than the guide's
address with its anchor. Each is a small page that forwards at once (a refresh, no script: it
works on any static host and needs nothing in the Content-Security-Policy), with a link for a
browser that does not forward. The numbers are the tensions' order in the agenda, which is the
2010 text's and does not change.
"""
from __future__ import annotations

import html
from pathlib import Path

FOLDER = "g"


def short_path(number: int) -> str:
    """The address of tension `number` (1, 2, …) below its edition: "g/1/"."""
    return f"{FOLDER}/{number}/"


def short_url(edition_url: str, number: int) -> str:
    """https://host/nl/ -> https://host/nl/g/1/"""
    return edition_url + short_path(number)


def paragraph_url(edition_url: str, number: str) -> str:
    """The short address of a numbered paragraph, as printed and spoken: https://host/nl/4.7"""
    return edition_url + number


def concept_url(edition_url: str, slug: str) -> str:
    """The short address of a concept (its page's stable name): https://host/nl/eigen-kracht"""
    return edition_url + slug


def forward_page(lang: str, title: str, target: str, canonical: str) -> str:
    """A page that forwards to `target` (relative to the short address)."""
    e = html.escape
    return f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)}</title>
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={e(target)}">
<link rel="canonical" href="{e(canonical)}">
</head>
<body>
<main><p><a href="{e(target)}">{e(title)}</a></p></main>
</body>
</html>
"""


def write_forwards(site_dir: Path, lang: str, edition_url: str, page_url: str,
                   sections: list[tuple[str, str]]) -> list[Path]:
    """One forwarding page per section (anchor, title) of the page at page_url ("gespreksleidraad/"),
    numbered from 1; returns the files written."""
    written = []
    for number, (anchor, title) in enumerate(sections, start=1):
        file = site_dir / short_path(number) / "index.html"
        file.parent.mkdir(parents=True, exist_ok=True)
        target = f"../../{page_url}#{anchor}"
        file.write_text(forward_page(lang, title, target, edition_url + page_url), encoding="utf-8")
        written.append(file)
    return written
