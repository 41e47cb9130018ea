"""Which files of overrides/ and of Material belong in the site.

overrides/ is MkDocs' custom_dir, and MkDocs copies every file in it into each edition except
templates and Python. The nginx configuration (overrides/hosting/) is not the theme's: readers
should not get it. Of Material's own files, its search worker and lunr (its search engine and
stemmers, 1 MB) are unused: the search is Pagefind's (web/search_index.py).
"""
from __future__ import annotations

NOT_PUBLISHED_FOLDERS = ("hosting",)
UNUSED_THEME_FOLDERS = ("assets/javascripts/lunr/", "assets/javascripts/workers/")


def is_used(src_uri: str) -> bool:
    """src_uri is the path inside the theme, e.g. assets/javascripts/lunr/min/lunr.nl.min.js."""
    return not src_uri.startswith(UNUSED_THEME_FOLDERS)


def is_published(src_uri: str) -> bool:
    """src_uri is the path inside overrides/, e.g. assets/stylesheets/edition.css."""
    top = src_uri.split("/", 1)[0]
    return top not in NOT_PUBLISHED_FOLDERS
