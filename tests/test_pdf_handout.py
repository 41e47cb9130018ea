"""The discussion handout (the agenda with the discussion guide) and the links to the PDFs on the site."""
from __future__ import annotations

import re

import pikepdf
import pytest
from bs4 import BeautifulSoup

from conftest import article, page_file
from edition.reader.discussion_guide import PAGE as GUIDE_PAGE
from edition.project import LANGUAGES
from edition.print.pages import built_pages
from pdf_support import KINDS, pages_text, pdf, words
from edition.project import default_project

PROJECT = default_project()

NUMBER = re.compile(r"\b\d+\.\d+\b")


@pytest.fixture(scope="module")
def texts(site) -> dict[str, list[str]]:
    return {lang: pages_text(pdf(site, lang, "handout")) for lang in LANGUAGES}


def canonical(site, lang: str, src: str) -> str:
    page = BeautifulSoup(page_file(site, lang, src).read_text(encoding="utf-8"), "html.parser")
    return page.select_one('link[rel="canonical"]')["href"]


def own_paragraphs(site, lang: str, tension_id: str, paragraphs) -> list[tuple[str, str]]:
    """(number, text) of the agenda's paragraphs under the tension's ### heading on the web page."""
    heading = article(page_file(site, lang, "dialoog.md")).find(id=tension_id)
    anchors = []
    for sibling in heading.find_next_siblings():
        if re.match(r"^h[1-6]$", sibling.name or ""):
            break
        anchors += [block["id"] for block in [sibling, *sibling.find_all("li", recursive=False)] if block.get("id")]
    return [(block["number"], block["text"]) for block in paragraphs[lang]["dialoog.md"]["blocks"]
            if block["anchor"] in anchors]


def per_tension(text: str, labels: list[str], what: str) -> list[str]:
    """The handout's text cut at each occurrence of the labels, in order: one piece per label."""
    pieces, start = [], 0
    for label in labels:
        index = text.find(label, start)
        if index < 0:
            pytest.fail(f"{what}: {label!r} not found (after character {start}) in the order of the guide")
        pieces.append(index)
        start = index + len(label)
    return [text[a:b] for a, b in zip(pieces, pieces[1:] + [len(text)])]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_handout_has_two_to_four_pages_each_with_the_web_address(site, lang, texts):
    pages = texts[lang]
    assert 2 <= len(pages) <= 4, f"the {lang} handout has {len(pages)} pages (2-4 wanted): tighten print-edition.css"
    address = canonical(site, lang, "dialoog.md")
    missing = [n for n, page in enumerate(pages, 1) if address not in page]
    assert not missing, f"{lang}: pages {missing} lack the agenda's web address {address} (the footer)"
    first = words(pages[0])
    assert words(address) in first and words(canonical(site, lang, GUIDE_PAGE)) in first, \
        f"{lang}: the first page should give the addresses of the agenda and of the discussion guide"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_tension_shows_its_agenda_text_sentence_questions_and_the_guides_paragraphs(site, lang, texts, paragraphs):
    strings, guide = PROJECT.strings(lang), PROJECT.guide(lang)
    text = "\n".join(texts[lang])
    label = f"{strings['guide_draws_on']}:"
    assert text.count(label) == len(guide.tensions), f"{lang}: one '{label}' per tension"
    problems = []
    titles = per_tension(words(text), [words(t.title) for t in guide.tensions], lang)
    for tension, part in zip(guide.tensions, titles):
        own = own_paragraphs(site, lang, tension.id, paragraphs)
        if not own:
            problems.append(f"{tension.id}: no agenda paragraphs found under #{tension.id} on the web page")
        for number, paragraph in own:
            if words(number) not in part or words(paragraph) not in part:
                problems.append(f"{tension.id}: its agenda paragraph {number} is missing")
        if words(tension.sentence) not in part:
            problems.append(f"{tension.id}: the tension in one sentence is missing")
        problems += [f"{tension.id}: question {n} is missing" for n, question in enumerate(tension.questions, 1)
                     if words(question) not in part]
    for tension, part in zip(guide.tensions, per_tension(text, [label] * len(guide.tensions), lang)):
        shown = NUMBER.findall(part[len(label):part.index(strings["handout_notes"])])
        if shown != tension.draws_on:
            problems.append(f"{tension.id}: the handout shows {shown}, the guide's draws_on is {tension.draws_on}")
    assert not problems, f"{lang}:\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_number_links_to_its_paragraph_on_the_web(site, lang, paragraphs):
    with pikepdf.open(pdf(site, lang, "handout")) as document:
        links = {str(annot.A.URI) for page in document.pages for annot in page.get("/Annots", [])
                 if "/A" in annot and "/URI" in annot.A}
    web = canonical(site, lang, "index.md")
    where = {block["number"]: web + page["url"] + "#" + block["anchor"]
             for page in paragraphs[lang].values() for block in page["blocks"]}
    missing = [f"{tension.id}: {n}" for tension in PROJECT.guide(lang).tensions for n in tension.draws_on
               if where.get(n) not in links]
    assert not missing, f"{lang}: numbers without a link to their paragraph: {missing}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_evening_is_given_once_and_the_guide_is_labelled_as_ours(lang, texts):
    strings, guide = PROJECT.strings(lang), PROJECT.guide(lang)
    text = words("\n".join(texts[lang]))
    assert words(strings["guide_evening"]) in text, f"{lang}: the heading of the 90-minute evening is missing"
    wrong = {step.title: text.count(words(step.text)) for step in guide.evening
             if words(step.title) not in text or text.count(words(step.text)) != 1}
    assert not wrong, f"{lang}: each step of the evening once (step: times found): {wrong}"
    assert words(strings["handout_guide"]) in text, f"{lang}: the handout must say the guide is our addition"


SIZE = re.compile(r"\(PDF, (\d+(?:[.,]\d)?) (MB|kB)\)")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_links_to_the_pdfs_state_their_true_size(site, lang):
    strings = PROJECT.strings(lang)
    decimal = {"nl": ",", "en": "."}[lang]
    problems = []
    for page in built_pages(site / lang, PROJECT.nav()):
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
