"""The discussion handout, the links to the PDFs on the site, and bad handout data."""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import article
from edition.paths import LANGUAGES
from edition.print_handout import load_references
from edition.print_pages import built_pages
from edition.strings import interface
from pdf_support import KINDS, pages_text, pdf, words


@pytest.fixture(scope="module")
def texts(site) -> dict[str, list[str]]:
    return {lang: pages_text(pdf(site, lang, "handout")) for lang in LANGUAGES}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_handout_has_each_tension_its_passages_and_the_address(site, lang, paragraphs, texts):
    pages = texts[lang]
    assert 2 <= len(pages) <= 4, f"the handout has {len(pages)} pages (2-4 wanted)"
    text = "\n".join(pages)
    table, _ = load_references()
    dialogue = article(site / lang / "dialoog" / "index.html")
    address = BeautifulSoup((site / lang / "dialoog" / "index.html").read_text(encoding="utf-8"),
                            "html.parser").select_one('link[rel="canonical"]')["href"]
    problems = [f"page {n}: no web address" for n, page in enumerate(pages, 1) if address not in page]
    for key, references in table.items():
        heading = dialogue.find(id=key)
        if words(heading.get_text()) not in words(text):
            problems.append(f"tension {key} is missing")
        for reference in references:
            src, _, anchor = reference.partition("#")
            if not anchor:  # a whole page: the range of all its paragraphs
                blocks = paragraphs[lang][src]["blocks"]
                wanted = f"{blocks[0]['number']}–{blocks[-1]['number']}"
                if wanted not in text:
                    problems.append(f"{key}: {reference} should show {wanted}")
    assert not problems, problems


SIZE = re.compile(r"\(PDF, (\d+(?:[.,]\d)?) (MB|kB)\)")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_links_to_the_pdfs_state_their_true_size(site, lang):
    strings = interface(lang)
    decimal = {"nl": ",", "en": "."}[lang]
    problems = []
    for page in built_pages(site / lang):
        links = BeautifulSoup(page.file.read_text(encoding="utf-8"), "html.parser").select(
            ".edition-downloads a[href$='.pdf']")
        if len(links) != len(KINDS):
            problems.append(f"{page.src}: {len(links)} PDF links")
            continue
        for link, kind in zip(links, KINDS):
            target = (page.file.parent / link["href"]).resolve()
            match = SIZE.search(link.get_text())
            if not target.is_file() or match is None or strings[f"pdf_{kind}"] not in link.get_text():
                problems.append(f"{page.src}: {link}")
                continue
            amount, unit = match.groups()
            if "." in amount or "," in amount:
                assert decimal in amount, f"{page.src}: {amount} in the wrong number format for {lang}"
            stated = float(amount.replace(",", ".")) * (1_000_000 if unit == "MB" else 1000)
            rounding = (50_000 if unit == "MB" else 500) + 1
            if abs(target.stat().st_size - stated) > rounding:
                problems.append(f"{page.src}: says {amount} {unit}, the file has {target.stat().st_size} bytes")
    assert not problems, problems


def test_unknown_passage_of_a_tension_stops_the_build_naming_file_and_line(broken_copy):
    docs, build = broken_copy
    data = docs / "data" / "dialogue-references.yml"
    text = data.read_text(encoding="utf-8")
    reference = "voorbeelden.md#het-belang-van-een-veilig-netwerk"
    data.write_text(text.replace(reference, "voorbeelden.md#geen-kop"), encoding="utf-8")
    line = text[:text.index(reference)].count("\n") + 1
    error = build()
    assert f"docs/data/dialogue-references.yml:{line}: 'voorbeelden.md#geen-kop': voorbeelden.md has no heading #geen-kop" in error, error
