"""The EPUB of each language (edition/epub/): its container, notes, paragraph numbers, glossary,
languages and metadata, and its link on the pages with its size. The validators run in
test_epub_validators.py; that two builds give the same bytes, in test_build.py."""
from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import PROJECT, article, page_file
from edition.print.download_links import size_text
from edition.project import LANGUAGES

SETTINGS = PROJECT.print_settings()


def epub(site: Path, lang: str) -> Path:
    return site / lang / SETTINGS.epub_file


def documents(site: Path, lang: str) -> dict[str, BeautifulSoup]:
    """Every XHTML file of the book by its name ("verkenning-inleiding.xhtml"), parsed as XML."""
    with zipfile.ZipFile(epub(site, lang)) as book:
        return {name.removeprefix("EPUB/"): BeautifulSoup(book.read(name), "xml")
                for name in book.namelist() if name.endswith(".xhtml")}


def target(name: str, href: str) -> tuple[str, str]:
    path, _, fragment = href.partition("#")
    return (posixpath.normpath(path) if path else name), fragment


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_zip_is_an_epub_container(site, lang):
    with zipfile.ZipFile(epub(site, lang)) as book:
        entries = book.infolist()
    first = entries[0]
    assert (first.filename, first.compress_type, first.extra) == ("mimetype", zipfile.ZIP_STORED, b"")
    names = [entry.filename for entry in entries[1:]]
    assert names == sorted(names), "the entries after mimetype are not in name order"
    day = SETTINGS.edition_date
    assert {entry.date_time for entry in entries} == {(day.year, day.month, day.day, 12, 0, 0)}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_noteref_leads_to_its_footnote_and_back(site, lang):
    docs = documents(site, lang)
    wrong, notes = [], 0
    for name, doc in docs.items():
        for call in doc.find_all("a", attrs={"epub:type": "noteref"}):
            file, fragment = target(name, call["href"])
            note = docs[file].find(id=fragment) if file in docs else None
            if note is None or note.name != "aside" or note.get("epub:type") != "footnote" or note.get("role") != "doc-footnote":
                wrong.append(f"{name}: noteref {call['href']} leads to no footnote")
        for note in doc.find_all("aside", attrs={"epub:type": "footnote"}):
            notes += 1
            back = note.find("a", attrs={"role": "doc-backlink"})
            call = doc.find(id=target(name, back["href"])[1]) if back else None
            if call is None or call.get("epub:type") != "noteref":
                wrong.append(f"{name}: footnote {note['id']} has no link back to its call")
    web = sum(len(article(page_file(site, lang, src)).select("div.footnote li")) for src in PROJECT.nav()
              if src not in SETTINGS.web_only and src != "index.md")
    assert not wrong and notes == web, f"{notes} notes in the EPUB, {web} on the web pages; {wrong}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_paragraph_number_is_in_the_epub_with_its_id(site, lang, paragraphs):
    ids = {}
    for doc in documents(site, lang).values():
        ids |= {tag["id"]: tag for tag in doc.find_all(id=True)}
    missing = []
    for page in paragraphs[lang].values():
        for block in page["blocks"]:
            tag = ids.get(block["anchor"])
            number = tag.find(class_="paranum") if tag is not None else None
            if number is None or number.get_text() != block["number"]:
                missing.append(block["number"])
    assert not missing, f"paragraphs without their number and id (#p-N-k) in the EPUB: {missing[:10]}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_concept_links_lead_to_their_term_in_the_glossary(site, lang):
    docs = documents(site, lang)
    glossary = next(doc for doc in docs.values() if doc.find(attrs={"role": "doc-glossary"}))
    terms = {dt["id"] for dt in glossary.find_all("dt") if dt.find("dfn")}
    assert glossary.find(attrs={"epub:type": "glossary"}) is not None
    assert len(terms) == len(PROJECT.concepts()), "not every concept is a defined term (dfn) of the glossary"
    wrong, links = [], 0
    for name, doc in docs.items():
        for link in doc.select("a.concept-link"):
            links += 1
            file, fragment = target(name, link["href"])
            if docs.get(file) is not glossary or fragment not in terms:
                wrong.append(f"{name}: {link.get_text()} -> {link['href']}")
    assert links and not wrong, f"concept links that do not lead to their glossary entry: {wrong[:10]}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_element_with_a_language_says_it_twice(site, lang):
    wrong = []
    for name, doc in documents(site, lang).items():
        if doc.html.get("lang") != lang:
            wrong.append(f"{name}: <html lang> is not {lang}")
        wrong += [f"{name}: <{tag.name} lang={tag['lang']}> without the same xml:lang"
                  for tag in doc.find_all(lang=True) if tag.get("xml:lang") != tag["lang"]]
    assert not wrong, wrong


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_figure_has_its_text_alternative_and_file(site, lang):
    with zipfile.ZipFile(epub(site, lang)) as book:
        names = set(book.namelist())
    images = [(name, img) for name, doc in documents(site, lang).items() for img in doc.find_all("img")]
    assert images, "the figure is missing from the EPUB"
    wrong = [img["src"] for name, img in images if not img.get("alt", "").strip() or f"EPUB/{img['src']}" not in names]
    assert not wrong, f"images without alt text or file: {wrong}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_package_carries_the_accessibility_metadata(site, lang):
    with zipfile.ZipFile(epub(site, lang)) as book:
        package = BeautifulSoup(book.read("EPUB/package.opf"), "xml")
    found = {}
    for meta in package.find_all("meta", property=True):
        found.setdefault(meta["property"], []).append(meta.get_text())
    expected = {"schema:accessMode": ["textual", "visual"], "schema:accessModeSufficient": ["textual"],
                "schema:accessibilityHazard": ["none"], "dcterms:conformsTo": ["EPUB Accessibility 1.1 - WCAG 2.1 Level AA"],
                "schema:accessibilitySummary": [PROJECT.strings(lang)["epub_accessibility_summary"]],
                "dcterms:modified": [f"{SETTINGS.edition_date.isoformat()}T00:00:00Z"]}
    wrong = {key: found.get(key) for key, value in expected.items() if found.get(key) != value}
    assert not wrong and {"structuralNavigation", "tableOfContents", "alternativeText"} <= set(
        found.get("schema:accessibilityFeature", [])), f"accessibility metadata: {wrong or found}"
    assert package.find("language").get_text() == lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_links_the_epub_with_its_true_size(site, lang):
    strings = PROJECT.strings(lang)
    size = size_text(epub(site, lang).stat().st_size, strings, kind="epub_type_size")
    wrong = []
    for src in PROJECT.nav():
        link = article(page_file(site, lang, src)).select_one(".edition-downloads a[type='application/epub+zip']")
        if link is None or f"({size})" not in link.get_text() or not link["href"].endswith(SETTINGS.epub_file):
            wrong.append(src)
    assert not wrong, f"pages without the EPUB's link and size ({size}): {wrong}"
