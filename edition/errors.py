"""Content errors: bad input names the file (and the line where known) and stops the build."""
from __future__ import annotations

from pathlib import Path


class ContentError(Exception):
    def __init__(self, path: str | Path, message: str, line: int | None = None):
        self.path = str(path)
        self.line = line
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


def line_of(text: str, needle: str) -> int | None:
    """1-based line of the first occurrence of needle in text, or None."""
    index = text.find(needle)
    return None if index < 0 else text.count("\n", 0, index) + 1
