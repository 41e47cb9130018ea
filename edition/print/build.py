"""The PDFs of both languages, after the two HTML builds, and the links to them."""
from __future__ import annotations

import time
from pathlib import Path

from edition.print.download_links import add_download_links
from edition.print.edition import build_edition_pdf
from edition.print.handout import build_handout_pdf


def build_pdfs(project, site: Path) -> dict[str, float]:
    """Writes site/<lang>/pdf/*.pdf; returns the seconds each took ("nl/edition": 1.4, ...)."""
    settings = project.print_settings()
    builds = {"edition": lambda lang: build_edition_pdf(project, site, lang, settings),
              "handout": lambda lang: build_handout_pdf(project, site, lang, settings)}
    seconds = {}
    for lang in project.languages:
        for kind, build in builds.items():
            start = time.perf_counter()
            build(lang)
            seconds[f"{lang}/{kind}"] = time.perf_counter() - start
    for lang in project.languages:
        add_download_links(project, site / lang, lang, settings)
    return seconds
