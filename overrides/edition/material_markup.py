"""Corrections of Material's markup that sits outside any template block, made after each page
is rendered (an override would have to copy all of base.html or a whole partial).

- base.html writes its drawer and search toggles as <input type="checkbox" autocomplete="off">;
  HTML allows autocomplete on text-like inputs only, so the Nu HTML Checker reports an error on
  every page. Material added it so that a browser does not restore a toggle's state on "back";
  without it, at worst the menu is still open after going back.
- partials/search.html makes the search overlay a role="dialog" without a name (axe's and
  Lighthouse's aria-dialog-name); it gets the name of the search field.
"""
from __future__ import annotations

import html
import re

CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def valid_html(page_html: str) -> str:
    return CHECKBOX_AUTOCOMPLETE.sub(r"\1", page_html)


def named_search_dialog(page_html: str, name: str) -> str:
    return page_html.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{html.escape(name)}">')


def corrected(page_html: str, search_name: str) -> str:
    return named_search_dialog(valid_html(page_html), search_name)
