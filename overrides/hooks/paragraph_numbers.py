"""Paragraph numbers N.k with #p-N-k anchors, and paragraphs.json listing every block."""
import json
from pathlib import Path

from mkdocs.utils.meta import get_data

from edition import paragraphs
from edition.hook_support import docs_root, language
from edition.paths import SOURCE_LANGUAGE
from edition.strings import interface

_prefixes: dict[str, int] = {}
_pages: dict[str, dict] = {}


def on_nav(nav, config, files):
    """Chapter prefixes follow the nav: the numbered pages are 0, 1, 2, ... in reading order.

    Which pages are numbered is read from the source language, so a translation cannot shift
    the numbers.
    """
    _prefixes.clear()
    _pages.clear()
    source = docs_root(config) / SOURCE_LANGUAGE
    numbered = [page for page in nav.pages if (source / page.file.src_uri).exists() and get_data(
        (source / page.file.src_uri).read_text(encoding="utf-8"))[1].get("numbered")]
    _prefixes.update({page.file.src_uri: index for index, page in enumerate(numbered)})
    return nav


def on_page_content(html, page, config, files):
    prefix = _prefixes.get(page.file.src_uri)
    if prefix is None:
        return html
    html, blocks = paragraphs.number_blocks(html, prefix, interface(language(config))["paragraph"])
    # So that Markdown links to page.md#p-3-4 pass MkDocs' anchor validation.
    page.present_anchor_ids.update(block.anchor for block in blocks)
    _pages[page.file.src_uri] = {
        "prefix": prefix, "url": page.url, "title": page.title,
        "blocks": [{"number": b.number, "anchor": b.anchor, "kind": b.kind, "text": b.text,
                    "fingerprint": b.fingerprint} for b in blocks]}
    return html


def on_post_build(config):
    # Read by the English edition (translation drift), the PDFs and the tests.
    ordered = dict(sorted(_pages.items(), key=lambda item: item[1]["prefix"]))
    Path(config["site_dir"], "paragraphs.json").write_text(
        json.dumps(ordered, ensure_ascii=False, indent=1), encoding="utf-8")
