"""What the adapter's event functions share: content errors as build failures, and the project
and language of the edition being built."""
from __future__ import annotations

import functools
from pathlib import Path

from mkdocs.exceptions import PluginError

from edition.errors import ContentError
from edition.project import Project


def stops_build(event):
    """Report a ContentError as a build error naming the file (and line)."""
    @functools.wraps(event)
    def wrapper(*args, **kwargs):
        try:
            return event(*args, **kwargs)
        except ContentError as error:
            raise PluginError(str(error)) from None
    return wrapper


def project_of(config) -> Project:
    """The project whose docs/<lang> MkDocs builds: docs/ is the docs_dir's parent."""
    return Project(root=Path(config.config_file_path).resolve().parent,
                   docs=Path(config["docs_dir"]).resolve().parent)


def language(config) -> str:
    return config["theme"]["language"]
