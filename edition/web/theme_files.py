"""Which files of overrides/ belong in the site.

overrides/ is MkDocs' custom_dir, and MkDocs copies every file in it into each edition except
templates and Python. The nginx configuration (overrides/hosting/) is not the theme's: readers
should not get it.
"""
from __future__ import annotations

NOT_PUBLISHED_FOLDERS = ("hosting",)


def is_published(src_uri: str) -> bool:
    """src_uri is the path inside overrides/, e.g. assets/stylesheets/edition.css."""
    top = src_uri.split("/", 1)[0]
    return top not in NOT_PUBLISHED_FOLDERS
