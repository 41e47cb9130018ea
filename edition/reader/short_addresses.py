"""Short web addresses that a trainer can write on a whiteboard and a reader can type from paper.

  /nl/4.7            paragraph 4.7, in its chapter (the fragment kept): /nl/verkenning/…/#p-4-7
  /nl/eigen-kracht   the concept's page: /nl/begrippen/eigen-kracht/ (the concept's id, which is its
                     page's stable name, said aloud as it is written)
  /nl/g/1/           the first tension of the discussion guide, as the handout prints it

The same forms in every language (/en/4.7 is the English paragraph 4.7). Each is a small page
that forwards at once (a refresh, no script: it works on any static host, offline from a
folder, and needs nothing in the Content-Security-Policy), with a link for a browser that does
not forward; where the server is ours, nginx answers the same addresses with a redirect made
from these pages (edition/hosting/redirects.py). An address that is none of these is the
language's 404 page, which says where the paragraph numbers are listed.
"""
from __future__ import annotations

import html
from pathlib import Path

from edition.errors import ContentError

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


def write_forward(site_dir: Path, lang: str, edition_url: str, address: str, target: str, title: str) -> Path:
    """The page at <address>/index.html ("4.7", "g/1") forwarding to `target`, a path below the
    edition ("verkenning/kracht-en-macht/#p-4-7")."""
    file = site_dir / address / "index.html"
    file.parent.mkdir(parents=True, exist_ok=True)
    up = "../" * (address.strip("/").count("/") + 1)
    file.write_text(forward_page(lang, title, up + target, edition_url + target), encoding="utf-8")
    return file


def write_forwards(site_dir: Path, lang: str, edition_url: str, page_url: str,
                   sections: list[tuple[str, str]]) -> list[Path]:
    """One forwarding page per section (anchor, title) of the page at page_url ("gespreksleidraad/"),
    numbered from 1; returns the files written."""
    return [write_forward(site_dir, lang, edition_url, short_path(number).rstrip("/"), f"{page_url}#{anchor}", title)
            for number, (anchor, title) in enumerate(sections, start=1)]


def write_paragraph_forwards(site_dir: Path, lang: str, edition_url: str, chapters: dict[str, dict]) -> list[Path]:
    """One per numbered block of paragraphs.json's chapters ({src: {url, title, blocks}})."""
    return [write_forward(site_dir, lang, edition_url, block["number"], f"{chapter['url']}#{block['anchor']}",
                          f"{block['number']} – {chapter['title']}")
            for chapter in chapters.values() for block in chapter["blocks"]]


def write_concept_forwards(site_dir: Path, lang: str, edition_url: str, concepts, page_urls: dict[str, str],
                           titles: dict[str, str], later: set[str] = frozenset()) -> list[Path]:
    """One per concept (page_urls: id -> its page's URL, "begrippen/eigen-kracht/"). A concept
    whose id is already a name in the edition (a page, a folder, or one of `later`: the folders
    written after the pages) cannot have it as its address: that stops the build at the concept's
    file rather than hiding one behind the other."""
    written = []
    for concept in concepts:
        taken = site_dir / concept.id
        if concept.id in later or concept.id == FOLDER or (taken.exists() and not _is_forward(taken)):
            raise ContentError(concept.source, f"concept '{concept.id}': its short address /{lang}/{concept.id} "
                                               f"is already the address of /{lang}/{concept.id}/ in the edition: "
                                               f"give the concept another id (the file's name)")
        written.append(write_forward(site_dir, lang, edition_url, concept.id, page_urls[concept.id],
                                     titles[concept.id]))
    return written


def _is_forward(folder: Path) -> bool:
    # A build into a folder that holds an earlier build finds its own forwarding pages there.
    page = folder / "index.html"
    return page.is_file() and '<meta http-equiv="refresh"' in page.read_text(encoding="utf-8")
