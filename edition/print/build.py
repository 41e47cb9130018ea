"""The PDFs of one language, from its built pages (edition/downloads.py then adds the links to
them and to the EPUB on its pages)."""
from __future__ import annotations

import time
from pathlib import Path

from edition.print.cards import build_cards_pdf
from edition.print.edition import build_edition_pdf
from edition.print.handout import build_handout_pdf

# Each makes its PDFs (the handout its one-tension extracts, the cards their sets per kind) from
# one layout; none reads another's, so they may run at once, in any order.
PDFS = {"edition": build_edition_pdf, "handout": build_handout_pdf, "cards": build_cards_pdf}


def build_pdf(project, site: Path, lang: str, kind: str, cache: Path | None = None) -> float:
    """Writes one kind of site/<lang>/pdf/*.pdf; returns the seconds it took."""
    start = time.perf_counter()
    PDFS[kind](project, site, lang, project.print_settings(), cache)
    return time.perf_counter() - start


def build_pdfs(project, site: Path, lang: str, cache: Path | None = None) -> dict[str, float]:
    """Writes site/<lang>/pdf/*.pdf, one after another; returns the seconds each took ("nl/edition": 1.4, ...)."""
    return {f"{lang}/{kind}": build_pdf(project, site, lang, kind, cache) for kind in PDFS}
