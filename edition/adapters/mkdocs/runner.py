"""Run MkDocs for one language edition (in its own process: MkDocs keeps state per build)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def edition_environment(project, lang: str, out: Path, site_url: str, drift: str = "error") -> dict[str, str]:
    """The settings that differ per language edition (read by mkdocs.yml's !ENV tags)."""
    # NO_MKDOCS_2_WARNING: mkdocs 1.6.1 is pinned on purpose (see README).
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DTD_LANG": lang, "DTD_DOCS_DIR": str(project.content(lang)),
            "DTD_SITE_DIR": str(out / lang), "DTD_SITE_URL": f"{site_url}{lang}/", "DTD_DRIFT": drift}


def build_edition(project, lang: str, out: Path, site_url: str, strict: bool = True,
                  drift: str = "error") -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(project.config_file)]
    if strict:
        command.append("--strict")
    return subprocess.run(command, env=edition_environment(project, lang, out, site_url, drift),
                          cwd=project.root, capture_output=True, text=True)
