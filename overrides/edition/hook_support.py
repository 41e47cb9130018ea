"""What the MkDocs hooks share: turning content errors into build failures."""
from __future__ import annotations

import functools
from pathlib import Path

from mkdocs.exceptions import PluginError

from .errors import ContentError


def stops_build(event):
    """Report a ContentError as a build error naming the file (and line)."""
    @functools.wraps(event)
    def wrapper(*args, **kwargs):
        try:
            return event(*args, **kwargs)
        except ContentError as error:
            raise PluginError(str(error)) from None
    return wrapper


def docs_root(config) -> Path:
    """docs/ (the folder holding nl/, en/ and data/) of the edition being built."""
    return Path(config["docs_dir"]).resolve().parent


def language(config) -> str:
    return config["theme"]["language"]


def page_path(page, config) -> str:
    """The page's source as a path from the repository (or fixture) root: docs/nl/x.md."""
    return f"docs/{language(config)}/{page.file.src_uri}"


def relative_url(target_url: str, from_url: str) -> str:
    """Link from one page's directory URL to another's ("" is the edition's home)."""
    import posixpath
    if not from_url:
        return target_url or "./"
    return posixpath.relpath(target_url or ".", from_url) + "/"


def fill_marker(text: str, marker: str, render, path: str, what: str) -> str:
    """Replace a page's marker line (e.g. <!-- bibliography -->) with generated content."""
    if marker not in text:
        raise ContentError(path, f"the page needs the line {marker} ({what})")
    return text.replace(marker, render())
