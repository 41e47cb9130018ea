"""The PDFs of both languages, after the two HTML builds, and the links to them."""
from __future__ import annotations

import time
from pathlib import Path

from .download_links import add_download_links
from .paths import DATA, LANGUAGES
from .print_edition import build_edition_pdf
from .print_handout import build_handout_pdf
from .print_settings import load_print_settings


def build_pdfs(site: Path, data: Path = DATA) -> dict[str, float]:
    """Writes site/<lang>/pdf/*.pdf; returns the seconds each took ("nl/edition": 1.4, ...)."""
    settings = load_print_settings(data)
    builds = {"edition": lambda lang: build_edition_pdf(site, lang, settings),
              "handout": lambda lang: build_handout_pdf(site, lang, settings, data)}
    seconds = {}
    for lang in LANGUAGES:
        for kind, build in builds.items():
            start = time.perf_counter()
            build(lang)
            seconds[f"{lang}/{kind}"] = time.perf_counter() - start
    for lang in LANGUAGES:
        add_download_links(site / lang, lang, settings)
    return seconds
