"""The discussion handout (the agenda with the discussion guide and the text of the paragraphs
each tension draws on), its one-tension versions, and the links to the PDFs on the site.

Read from the session's built PDFs: their text (pdftotext), their characters with their sizes,
ruled lines and pages as images (pypdfium2), their QR codes decoded (zxing-cpp)."""
from __future__ import annotations

import re

import pikepdf
import pytest
import zxingcpp
from bs4 import BeautifulSoup

from conftest import article, page_file
from edition.print.pages import built_pages
from edition.project import LANGUAGES, default_project
from edition.reader.discussion_guide import PAGE as GUIDE_PAGE
from edition.reader.short_addresses import paragraph_url, short_path
from pdf_support import (KINDS, SETTINGS, char_runs, figure_alts, letters, page_image, pages_text, pdf, pdf_ua_problems,
                         run, ruled_lines, sizes_of, stated_size_problems, words)

PROJECT = default_project()
GUIDES = {lang: PROJECT.guide(lang) for lang in LANGUAGES}
NUMBER = re.compile(r"\b\d+\.\d+\b")
A4_HEIGHT = 841.89  # pt
QUESTIONS_PT, READ_ALOUD_PT = 10.5, 10


def tension_pdf(site, lang: str, tension) -> object:
    return site / lang / SETTINGS.tension_file(tension.id)


@pytest.fixture(scope="module")
def texts(site) -> dict:
    """(lang, "handout" or a tension id) -> the text of each page."""
    found = {(lang, "handout"): pages_text(pdf(site, lang, "handout")) for lang in LANGUAGES}
    for lang in LANGUAGES:
        for tension in GUIDES[lang].tensions:
            found[lang, tension.id] = pages_text(tension_pdf(site, lang, tension))
    return found


@pytest.fixture(scope="module")
def chars(site) -> dict:
    """(lang, tension id) -> per page its characters with their sizes."""
    return {(lang, t.id): char_runs(tension_pdf(site, lang, t)) for lang in LANGUAGES for t in GUIDES[lang].tensions}


def canonical(site, lang: str, src: str) -> str:
    page = BeautifulSoup(page_file(site, lang, src).read_text(encoding="utf-8"), "lxml")
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


def block_texts(paragraphs, lang: str) -> dict[str, str]:
    return {block["number"]: block["text"] for page in paragraphs[lang].values() for block in page["blocks"]}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_front_page_then_each_tension_on_pages_of_its_own(site, lang, texts):
    """The page count chosen: a front page, then per tension its sheet and one or two pages of
    the text it draws on (15 pages in both languages now): each tension stands on its own."""
    pages = texts[lang, "handout"]
    tensions = GUIDES[lang].tensions
    own = [texts[lang, t.id] for t in tensions]
    assert all(2 <= len(pages_of) <= 3 for pages_of in own), \
        f"{lang}: a tension takes {[len(p) for p in own]} pages (a sheet and one or two pages of text wanted)"
    assert len(pages) == 1 + sum(map(len, own)) <= 1 + 3 * len(tensions), f"{lang}: {len(pages)} pages"
    address = canonical(site, lang, "dialoog.md")
    missing = [n for n, page in enumerate(pages, 1) if address not in page]
    assert not missing, f"{lang}: pages {missing} lack the agenda's web address {address} (the footer)"
    first = words(pages[0])
    assert words(address) in first and words(canonical(site, lang, GUIDE_PAGE)) in first, \
        f"{lang}: the first page should give the addresses of the agenda and of the discussion guide"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_tension_pdf_is_its_pages_of_the_handout_numbered_on_their_own(lang, texts):
    """The one-tension version for a group: the very pages of the complete handout, so that
    both say the same; their numbers count from 1 for each tension."""
    pages = texts[lang, "handout"]
    strings = PROJECT.strings(lang)
    start = 1
    for number, tension in enumerate(GUIDES[lang].tensions, start=1):
        own = texts[lang, tension.id]
        assert pages[start:start + len(own)] == own, f"{lang}/{tension.id}: not the handout's pages {start + 1}–"
        for k, page in enumerate(own, start=1):
            assert f"{strings['handout_tension'].format(n=number)} · {k}" in page, f"{lang}/{tension.id}: page {k}'s number"
        assert words(strings["handout_guide_source"]) in words(own[0]), f"{lang}/{tension.id}: the guide is not labelled as ours"
        start += len(own)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_tension_prints_the_text_of_every_paragraph_it_draws_on(lang, paragraphs, texts, chars):
    """The plan says to read them aloud: their whole text is there, each with its number."""
    blocks = block_texts(paragraphs, lang)
    problems = []
    for tension in GUIDES[lang].tensions:
        read_aloud = texts[lang, tension.id][1:]
        # The text at its own size: without the running heads, footers, footnotes and footnote
        # calls that interrupt it at a page's or column's end.
        body = letters("".join(c for page in chars[lang, tension.id][1:] for c, size, *_ in page
                               if size >= READ_ALOUD_PT - .05))
        for number in tension.draws_on:
            if not re.search(rf"(?<![\d.]){re.escape(number)}(?![\d])", " ".join(read_aloud)):
                problems.append(f"{tension.id}: the number {number} is not with the text to read aloud")
            if letters(blocks[number]) not in body:
                problems.append(f"{tension.id}: the text of {number} is not (all) there")
    assert not problems, f"{lang}:\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_sheet_shows_its_agenda_text_sentence_questions_and_the_guides_paragraphs(site, lang, texts, paragraphs):
    strings, guide = PROJECT.strings(lang), GUIDES[lang]
    label = f"{strings['guide_draws_on']}:"
    problems = []
    for tension in guide.tensions:
        sheet = texts[lang, tension.id][0]
        part = words(sheet)
        if words(tension.title) not in part:
            problems.append(f"{tension.id}: no title")
        own = own_paragraphs(site, lang, tension.id, paragraphs)
        if not own:
            problems.append(f"{tension.id}: no agenda paragraphs found under #{tension.id} on the web page")
        problems += [f"{tension.id}: its agenda paragraph {number} is missing" for number, paragraph in own
                     if words(number) not in part or words(paragraph) not in part]
        if words(tension.sentence) not in part:
            problems.append(f"{tension.id}: the tension in one sentence is missing")
        problems += [f"{tension.id}: question {n} is missing" for n, question in enumerate(tension.questions, 1)
                     if words(question) not in part]
        shown = NUMBER.findall(sheet[sheet.index(label) + len(label):sheet.index(strings["handout_text_printed"])])
        if shown != tension.draws_on:
            problems.append(f"{tension.id}: the sheet shows {shown}, the guide's draws_on is {tension.draws_on}")
    assert not problems, f"{lang}:\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_sheet_names_the_page_its_text_starts_on(lang, texts):
    """"Text to read aloud (p. 2)": the page of the tension (numbered on its own) on which the
    heading of its text to read aloud stands. The print code writes the number and checks it
    against the layout (handout.text_pages), instead of WeasyPrint's target-counter()."""
    strings = PROJECT.strings(lang)
    said = re.compile(re.escape(strings["handout_text_printed"]) + r"\s*\(" + re.escape(strings["print_page_word"])
                      + r"\s*(\d+)\)")
    problems = []
    for tension in GUIDES[lang].tensions:
        pages = texts[lang, tension.id]
        found = said.search(pages[0])
        starts = [n for n, page in enumerate(pages, start=1) if words(strings["handout_read_aloud"]) in words(page)]
        if found is None or not starts or int(found.group(1)) != starts[0]:
            problems.append(f"{tension.id}: the sheet says page {found and found.group(1)}, the text starts on "
                            f"page {starts[:1]}")
    assert not problems, f"{lang}: the reference to the text to read aloud:\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_font_sizes_read_from_the_pdf(lang, paragraphs, chars):
    """Questions at 10.5 pt or more, the text to read aloud at 10 pt or more."""
    blocks = block_texts(paragraphs, lang)
    problems = []
    for tension in GUIDES[lang].tensions:
        pages = chars[lang, tension.id]
        for n, question in enumerate(tension.questions, 1):
            sizes = sizes_of(pages[0], question)
            if sizes is None or min(sizes) < QUESTIONS_PT - .05:
                problems.append(f"{tension.id}: question {n} at {sizes and min(sizes):.1f} pt" if sizes else
                                f"{tension.id}: question {n} not found on the sheet")
        for number in tension.draws_on:
            opening = re.split(r"[.!?;:]\s", blocks[number])[0][:80]  # before any footnote call
            sizes = next((found for page in pages[1:] if (found := sizes_of(page, opening))), None)
            if sizes is None or min(sizes) < READ_ALOUD_PT - .05:
                problems.append(f"{tension.id}: {number} at {sizes and min(sizes):.1f} pt" if sizes else
                                f"{tension.id}: {number} not found in the text to read aloud")
    assert not problems, f"{lang}:\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_sheet_has_a_third_of_a_page_of_lines_for_notes(site, lang, chars):
    strings = PROJECT.strings(lang)
    short = {}
    for tension in GUIDES[lang].tensions:
        path = tension_pdf(site, lang, tension)
        page = chars[lang, tension.id][0]
        text = "".join(c for c, *_ in page).casefold()
        label = text.find(strings["handout_notes"].casefold())
        assert label >= 0, f"{lang}/{tension.id}: no '{strings['handout_notes']}' on the sheet"
        below = page[label][2]  # the label's bottom
        lines = [y for _, _, y in ruled_lines(path, 0) if y < below]
        room = below - min(lines) if lines else 0
        if room < A4_HEIGHT / 3:
            short[tension.id] = f"{room / A4_HEIGHT:.2f} of the page"
    assert not short, f"{lang}: less than a third of a page for notes: {short}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_qr_code_decodes_to_the_short_address_printed_beside_it(site, lang, texts):
    web = canonical(site, lang, "index.md")
    guide = article(page_file(site, lang, GUIDE_PAGE))
    problems = []
    for number, tension in enumerate(GUIDES[lang].tensions, start=1):
        path = tension_pdf(site, lang, tension)
        decoded = [code.text for code in zxingcpp.read_barcodes(page_image(path, 0))]
        printed = re.findall(r"https?://\S+", texts[lang, tension.id][0])
        expected = web + short_path(number)
        if decoded != [expected] or expected not in printed:
            problems.append(f"{tension.id}: QR {decoded}, printed {printed}, expected {expected}")
        # The short address forwards to the tension in the discussion guide.
        forward = BeautifulSoup((site / lang / short_path(number) / "index.html").read_text(encoding="utf-8"),
                                "lxml")
        target = forward.find("meta", attrs={"http-equiv": "refresh"})["content"].split("url=", 1)[1]
        if target != f"../../gespreksleidraad/#{tension.id}" or guide.find(id=tension.id) is None:
            problems.append(f"{tension.id}: {short_path(number)} forwards to {target}")
    assert not problems, f"{lang}:\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_tension_pdf_is_tagged_titled_and_its_qr_code_has_alternative_text(site, lang):
    strings = PROJECT.strings(lang)
    for number, tension in enumerate(GUIDES[lang].tensions, start=1):
        path = tension_pdf(site, lang, tension)
        problems = pdf_ua_problems(path, lang)
        assert not problems and tension.title in run("pdfinfo", str(path)), f"{path.name}: {problems}"
        with pikepdf.open(path) as document:
            figures = figure_alts(document)
        address = canonical(site, lang, "index.md") + short_path(number)
        assert figures == [strings["handout_qr"].format(url=address)], f"{path.name}: figures {figures}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_number_links_to_its_paragraph_by_its_short_address(site, lang, paragraphs):
    with pikepdf.open(pdf(site, lang, "handout")) as document:
        links = {str(annot.A.URI) for page in document.pages for annot in page.get("/Annots", [])
                 if "/A" in annot and "/URI" in annot.A}
    web = canonical(site, lang, "index.md")
    known = {block["number"] for page in paragraphs[lang].values() for block in page["blocks"]}
    missing = [f"{tension.id}: {n}" for tension in GUIDES[lang].tensions for n in tension.draws_on
               if n not in known or paragraph_url(web, n) not in links]
    assert not missing, f"{lang}: numbers without a link to their paragraph's short address: {missing}"
    example = paragraph_url(web, GUIDES[lang].tensions[0].draws_on[0])
    assert example in links, f"{lang}: the front page does not say how to reach a paragraph by its number"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_evening_is_given_once_and_the_guide_is_labelled_as_ours(lang, texts):
    strings, guide = PROJECT.strings(lang), GUIDES[lang]
    text = words("\n".join(texts[lang, "handout"]))
    assert words(strings["guide_evening"]) in text, f"{lang}: the heading of the 90-minute evening is missing"
    wrong = {step.title: text.count(words(step.text)) for step in guide.evening
             if words(step.title) not in text or text.count(words(step.text)) != 1}
    assert not wrong, f"{lang}: each step of the evening once (step: times found): {wrong}"
    assert words(strings["handout_guide"]) in text, f"{lang}: the handout must say the guide is our addition"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_links_to_the_pdfs_state_their_true_size(site, lang):
    strings = PROJECT.strings(lang)
    problems = []
    for page in built_pages(site / lang, PROJECT.nav()):
        links = BeautifulSoup(page.file.read_text(encoding="utf-8"), "lxml").select(
            ".edition-downloads a[href$='.pdf']")
        if len(links) != len(KINDS):
            problems.append(f"{page.src}: {len(links)} PDF links")
            continue
        for link, kind in zip(links, KINDS):
            if strings[f"pdf_{kind}"] not in link.get_text():
                problems.append(f"{page.src}: {link}")
            problems += [f"{page.src}: {p}" for p in stated_size_problems(link, (page.file.parent / link["href"]).resolve(), lang)]
    assert not problems, problems


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_handouts_are_at_the_top_of_the_guide_and_on_the_agenda(site, lang):
    """The guide opens with the complete handout and one per tension, and each tension's section
    has its own; the agenda names the complete one under its title."""
    tensions = GUIDES[lang].tensions
    guide_file = page_file(site, lang, GUIDE_PAGE)
    guide = article(guide_file)
    box = guide.select_one(".edition-reader .edition-handout")
    assert box is not None and box.find_previous("h1") is not None and box.find_previous("h2") is None, \
        f"{lang}: no handout box right under the guide's title"
    expected = [SETTINGS.handout_file] + [SETTINGS.tension_file(t.id) for t in tensions]
    links = box.select("a[href$='.pdf']")
    assert [(guide_file.parent / a["href"]).resolve() for a in links] == [(site / lang / name).resolve() for name in expected]
    problems = [p for a in links for p in stated_size_problems(a, (guide_file.parent / a["href"]).resolve(), lang)]
    for tension in tensions:
        own = guide.find(id=tension.id).find_next("p", class_="edition-handout-this")
        if own is None or not own.a["href"].endswith(SETTINGS.tension_file(tension.id).rsplit("/", 1)[1]):
            problems.append(f"{tension.id}: no link to its own PDF in its section of the guide")
    agenda_file = page_file(site, lang, "dialoog.md")
    line = article(agenda_file).select_one(".edition-reader .edition-handout--short")
    assert line is not None and (agenda_file.parent / line.a["href"]).resolve() == (site / lang / SETTINGS.handout_file).resolve()
    assert not problems, f"{lang}:\n" + "\n".join(problems)
