"""Corrections of Material's markup that sits outside any template block, made after each page
is rendered (an override would have to copy all of base.html or a whole partial).

- base.html writes its drawer and search toggles as <input type="checkbox" autocomplete="off">;
  HTML allows autocomplete on text-like inputs only, so the Nu HTML Checker reports an error on
  every page. Material added it so that a browser does not restore a toggle's state on "back";
  without it, at worst the menu is still open after going back.
- base.html loads its bundle and our scripts (extra_javascript) at the end of <body> without
  defer; a browser may then hold the first paint until they have arrived (Lighthouse counts
  the bundle as render-blocking on a phone). They get defer: they still run in the same order,
  after the page is parsed and before DOMContentLoaded, as before.
"""
from __future__ import annotations

import re

CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
CONFIG = '<script id="__config" type="application/json">'
BODY_SCRIPT = re.compile(r'<script src="([^"]+)"></script>')


def valid_html(page_html: str) -> str:
    return CHECKBOX_AUTOCOMPLETE.sub(r"\1", page_html)


def deferred_scripts(page_html: str) -> str:
    """defer on every external script after Material's configuration block (end of <body>)."""
    head, found, tail = page_html.partition(CONFIG)
    if not found:
        return page_html
    return head + found + BODY_SCRIPT.sub(r'<script src="\1" defer></script>', tail)


def corrected(page_html: str) -> str:
    return deferred_scripts(valid_html(page_html))
