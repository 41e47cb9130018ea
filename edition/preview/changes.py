"""What the live preview watches, and which languages a change makes it rebuild."""
from __future__ import annotations

from pathlib import Path

# Python code of the build is watched too: a step changed while editing shows at once.
WATCHED_SUFFIXES = {".md", ".yml", ".yaml", ".txt", ".json", ".html", ".css", ".js", ".svg", ".py"}


def snapshot(project) -> dict[Path, float]:
    """The modification time of every watched file: the content, the data, the theme, the code."""
    roots = [project.docs, project.theme, project.root / "edition"]
    found = {project.config_file: project.config_file.stat().st_mtime}
    for root in roots:
        for path in root.rglob("*"):
            if path.suffix in WATCHED_SUFFIXES and path.is_file() and "__pycache__" not in path.parts:
                found[path] = path.stat().st_mtime
    return found


def changed(before: dict[Path, float], after: dict[Path, float]) -> list[Path]:
    return sorted(path for path in set(before) | set(after) if before.get(path) != after.get(path))
