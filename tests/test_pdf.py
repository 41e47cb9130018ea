"""The PDFs of both languages (the complete edition, and what every PDF must be).

Read from the session's built site with poppler (pdfinfo, pdffonts, pdftotext) and pikepdf,
against the built web pages they are made from.
"""
from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pytest
from bs4 import BeautifulSoup

from conftest import article
from edition.project import LANGUAGES
from pdf_support import KINDS, SETTINGS, chapters, figure_alts, outline, pages_text, pdf, run, words
from edition.project import default_project

PROJECT = default_project()


@pytest.fixture(scope="module")
def texts(site) -> dict[tuple[str, str], list[str]]:
    return {(lang, kind): pages_text(pdf(site, lang, kind)) for lang in LANGUAGES for kind in KINDS}


def test_four_pdfs_with_the_same_names_in_both_languages(site):
    missing = [str(pdf(site, lang, kind).relative_to(site)) for lang in LANGUAGES for kind in KINDS
               if not pdf(site, lang, kind).is_file()]
    assert not missing, f"not built: {missing} (edition/print/build.py)"


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_pdfinfo_reports_tagged_a4_title_and_language(site, lang, kind):
    path = pdf(site, lang, kind)
    info = dict(line.split(":", 1) for line in run("pdfinfo", str(path)).splitlines() if ":" in line)
    info = {key.strip(): value.strip() for key, value in info.items()}
    assert info["Tagged"] == "yes", f"{path.name}: not a tagged PDF"
    assert "(A4)" in info["Page size"], f"{path.name}: page size {info['Page size']}"
    assert info.get("Title"), f"{path.name}: no title"
    assert info.get("Author") and info.get("Subject"), f"{path.name}: author or subject missing"
    home = BeautifulSoup((site / lang / "index.html").read_text(encoding="utf-8"), "lxml")
    assert " ".join(home.h1.get_text().split()) in info["Title"], f"{path.name}: title {info['Title']!r}"
    with pikepdf.open(path) as document:  # pdfinfo does not print /Lang
        assert str(document.Root.Lang) == lang, f"{path.name}: document language {document.Root.Lang}"
        assert document.Root.ViewerPreferences.DisplayDocTitle, f"{path.name}: viewers show the file name"


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_font_is_embedded(site, lang, kind):
    rows = run("pdffonts", str(pdf(site, lang, kind))).splitlines()[2:]
    assert rows, "pdffonts lists no font: is the text real text?"
    # Columns: name type encoding emb sub uni object-id; "emb" is the 4th field from the right.
    not_embedded = [row.split()[0] for row in rows if row.split()[-5] != "yes"]
    assert not not_embedded, f"fonts not embedded: {not_embedded}"
    assert any("Charis" in row for row in rows), "the text face Charis SIL is not used (scripts/setup)"


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_xmp_metadata_identifies_pdf_ua_1(site, lang, kind):
    with pikepdf.open(pdf(site, lang, kind)) as document, document.open_metadata() as xmp:
        assert xmp.get("pdfuaid:part") == "1", "no PDF/UA-1 identification in the XMP metadata"
        assert xmp.get("dc:title") and xmp.get("dc:creator") and xmp.get("dc:description")
        assert document.Root.MarkInfo.Marked


@pytest.mark.parametrize("lang", LANGUAGES)
def test_figure_has_alt_text(site, lang):
    with pikepdf.open(pdf(site, lang, "edition")) as document:
        figures = figure_alts(document)
    web = [img["alt"] for page in chapters(site, lang) for img in BeautifulSoup(page.article(), "lxml").find_all("img")]
    assert web and sorted(figures) == sorted(web), f"figures in the PDF {figures}, on the web {web}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_outline_lists_every_chapter(site, lang):
    titles = [title for _, title, _ in outline(pdf(site, lang, "edition"))]
    missing = []
    for page in chapters(site, lang):
        for heading in article(page.file).find_all(re.compile("^h[1-3]$")):
            if " ".join(heading.get_text().split()) not in titles:
                missing.append(f"{page.src}: {heading.get_text()}")
    assert not missing, f"headings without a bookmark: {missing}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_heading_and_footnote_is_extractable(site, lang, texts):
    whole = words(" ".join(texts[lang, "edition"]))
    missing = []
    for page in chapters(site, lang):
        body = article(page.file)
        for element in body.find_all(re.compile("^h[1-6]$")) + body.select("div.footnote li"):
            for back in element.select(".footnote-backref"):
                back.decompose()
            if words(element.get_text()) not in whole:
                missing.append(f"{page.src}: {element.get_text()[:60]!r}")
    assert not missing, f"not found in the PDF's text: {missing}"


def footnotes(site: Path, lang: str) -> dict[str, tuple[str, str]]:
    """label -> (the words before its call, the note's text), from the web pages."""
    found = {}
    for page in chapters(site, lang):
        body = article(page.file)
        for call in body.select("sup[id^='fnref']"):
            label = call.get_text(strip=True)
            block = call.find_parent(["p", "li"])
            for number in block.select("a.paranum"):
                number.decompose()
            before = text_before(block, call)
            note = body.find(id=f"fn:{label}")
            for back in note.select(".footnote-backref"):
                back.decompose()
            found[label] = (words(before).split(), words(note.get_text()))
    return found


def text_before(block, call) -> str:
    parts = []
    for piece in block.descendants:
        if piece is call:
            break
        if isinstance(piece, str):
            parts.append(piece)
    return "".join(parts)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_all_19_footnotes_are_on_the_page_of_their_call(site, lang, texts):
    notes = footnotes(site, lang)
    assert sorted(notes, key=int) == [str(n) for n in range(1, 20)], f"footnote labels {sorted(notes)}"
    pages = [words(text) for text in texts[lang, "edition"]]
    misplaced = []
    for label, (before, note) in notes.items():
        note_pages = [n for n, text in enumerate(pages, 1) if f" {label}{note}" in text]
        # The call follows the last words before it; a page break (or a word hyphenated across
        # pages) may fall among them, so shorter needles are tried too.
        needles = [" ".join(before[-3:]), before[-1], before[-1][-4:], before[-1][-3:]]
        call_pages = next(([n for n, text in enumerate(pages, 1) if f"{needle} {label} " in text]
                           for needle in needles if any(f"{needle} {label} " in text for text in pages)), [])
        if len(note_pages) != 1 or note_pages[0] not in call_pages:
            misplaced.append(f"footnote {label}: note on page(s) {note_pages}, call on {call_pages}")
    assert not misplaced, "; ".join(misplaced)


def toc_entries(text: str) -> list[tuple[str, int]]:
    """(title, page) of each entry of the table of contents: 'Title . . . . 12' (a long title
    may take two lines)."""
    entries, pending = [], ""
    for line in text.splitlines():
        match = re.match(r"^(.*?)\s*(?:\.\s*)+(\d+)\s*$", line.strip())
        if match:
            entries.append((" ".join(f"{pending} {match.group(1)}".split()), int(match.group(2))))
            pending = ""
        elif entries or pending or line.strip():
            pending = f"{pending} {line.strip()}" if entries else ""
    return entries


@pytest.mark.parametrize("lang", LANGUAGES)
def test_contents_page_numbers_are_where_the_chapters_start(site, lang, texts):
    pages = texts[lang, "edition"]
    contents = next(n for n, text in enumerate(pages) if toc_entries(text))
    entries = toc_entries(pages[contents])
    starts = {title: page for _, title, page in outline(pdf(site, lang, "edition"))}
    titles = [" ".join(article(page.file).h1.get_text().split()) for page in chapters(site, lang)]
    assert [title for title, _ in entries] == titles, "the contents list other titles than the chapters"
    wrong = []
    for title, number in entries:
        heading_on_page = words(title) in words(pages[number - 1])
        if starts.get(title) != number or not heading_on_page:
            wrong.append(f"{title!r}: contents say {number}, starts on {starts.get(title)}")
    assert not wrong, wrong


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_paragraph_number_of_the_web_is_in_the_pdf_in_order(site, lang, paragraphs, texts):
    web = [block["number"] for page in paragraphs[lang].values() for block in page["blocks"]]
    printed = iter(re.findall(r"(?<![\d.])\d+\.\d+(?![\d.])", "\n".join(texts[lang, "edition"])))
    missing = [number for number in web if number not in printed]  # a subsequence, in order
    assert not missing, f"paragraph numbers not in the PDF (in order): {missing[:10]}"
    with pikepdf.open(pdf(site, lang, "edition")) as document:
        names = set(pikepdf.NameTree(document.Root.Names.Dests).keys()) if "/Names" in document.Root else set()
    unreachable = [n for n in web if "p-" + n.replace(".", "-") not in names]
    assert not unreachable, f"no named destination (durf-te-dromen.pdf#p-N-k) for {unreachable[:10]}"


def test_two_builds_give_byte_identical_pdfs(site, second_site):
    """Another build, at another time and in another folder, every PDF made anew (no cache)."""
    names = [*KINDS.values(), *(SETTINGS.tension_file(t.id) for t in PROJECT.guide("nl").tensions)]
    different = [f"{lang}/{name}" for lang in LANGUAGES for name in names
                 if (site / lang / name).read_bytes() != (second_site / lang / name).read_bytes()]
    assert not different, f"not reproducible: {different} (a date or path from the build in the PDF?)"


def test_pdf_rendering_fetches_no_network_and_no_file_outside_the_site(tmp_path):
    from weasyprint.urls import FatalURLFetchingError

    from edition.print.render import LocalFiles, PrintError, write_pdf
    (tmp_path / "ok.txt").write_text("ok")
    fetcher = LocalFiles([tmp_path])
    assert fetcher.fetch((tmp_path / "ok.txt").as_uri()).read() == b"ok"
    for address in ("https://example.org/logo.png", Path("/etc/hostname").as_uri()):
        with pytest.raises(PrintError):
            fetcher.fetch(address)
    page = '<html lang="nl"><title>t</title><p>x</p><img src="https://example.org/logo.png" alt="logo"></html>'
    with pytest.raises((PrintError, FatalURLFetchingError)):
        write_pdf(page, [], tmp_path / "out.pdf", base=tmp_path, roots=[tmp_path])
    assert not (tmp_path / "out.pdf").exists()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_edition_has_a_glossary_appendix_with_every_concept(lang, texts):
    text = words(" ".join(texts[(lang, "edition")]))
    missing = [c.id for c in PROJECT.concepts().values()
               if words(c.term[lang]) not in text or words(c.definition[lang])[:60] not in text]
    assert not missing, f"{lang}: concepts missing from the PDF's glossary appendix: {missing}"


def _plain(markdown: str) -> str:
    return re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", markdown)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_glossary_reads_as_print(lang, texts):
    """No instructions for a screen, no A–Z bar of links, each term and its translation apart."""
    strings = PROJECT.strings(lang)
    raw = " ".join(" ".join(texts[(lang, "edition")]).split())
    text = words(raw)
    for key in ("concepts_howto_pointer", "concepts_howto_touch", "concepts_intro_web"):
        assert words(_plain(strings[key]))[:80] not in text, f"{lang}: the PDF prints the web's {key}"
    letters = sorted({c.sort_key(lang)[:1].upper() for c in PROJECT.concepts().values()})
    assert words(" ".join(letters)) not in text, f"{lang}: the PDF prints the A–Z bar"
    other = "en" if lang == "nl" else "nl"
    joined = [c.id for c in PROJECT.concepts().values() if c.term[other].casefold() != c.title(lang).casefold()
              and f"{c.title(lang)} ({c.term[other]})" not in raw]
    assert not joined, f"{lang}: terms without their translation in brackets: {joined}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_cross_references_give_the_page_they_lead_to(site, lang, texts):
    """The back of the cover names the sources and "about this edition" with their pages."""
    strings = PROJECT.strings(lang)
    starts = {title: page for _, title, page in outline(pdf(site, lang, "edition"))}
    heading = article(site / lang / "index.html").find(id=SETTINGS.reading_note)
    links = [a for sibling in heading.find_next_siblings() if sibling.name == "p" for a in sibling.find_all("a")]
    assert links, f"{lang}: no links in the home page's section {SETTINGS.reading_note}"
    back = words(texts[(lang, "edition")][1])
    for link in links:
        target = article(site / lang / link["href"].split("#")[0] / "index.html")
        page = starts[" ".join(target.h1.get_text().split())]
        expected = f"{link.get_text()} ({strings['print_page_word']} {page})"
        assert words(expected) in back, f"{lang}: page 2 lacks {expected!r}"
