"""The PDFs of one language, from its built pages (edition/downloads.py then adds the links to
them and to the EPUB on its pages)."""
from __future__ import annotations

import time
from pathlib import Path

from edition.print.cards import build_cards_pdf
from edition.print.edition import build_edition_pdf
from edition.print.handout import build_handout_pdf


def build_pdfs(project, site: Path, lang: str, cache: Path | None = None) -> dict[str, float]:
    """Writes site/<lang>/pdf/*.pdf; returns the seconds each took ("nl/edition": 1.4, ...)."""
    settings = project.print_settings()
    seconds = {}
    for kind, build in (("edition", build_edition_pdf), ("handout", build_handout_pdf),
                         ("cards", build_cards_pdf)):
        start = time.perf_counter()
        build(project, site, lang, settings, cache)
        seconds[f"{lang}/{kind}"] = time.perf_counter() - start
    return seconds
