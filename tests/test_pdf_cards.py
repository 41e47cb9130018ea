"""The concept cards for a training: A6 cards four to an A4 sheet, every concept and one set per
kind, per language; and their links on the glossary page.

Each card is read from its quarter of the sheet (pypdfium2: its text, and its characters with
their sizes), its QR code decoded from the page rendered at 150 dpi (pdftoppm, grey: PNG
encoding would take most of the time; zxing-cpp)."""
from __future__ import annotations

import ctypes
import json
import math
import re
import subprocess
from dataclasses import dataclass

import pikepdf
import pytest
import zxingcpp
from PIL import Image

from conftest import article, page_file
from edition.errors import ContentError
from edition.print.cards import DEFINITION_PT, CardSet, load_sources, write_card_sets
from edition.project import LANGUAGES, Project, default_project
from edition.reader.short_addresses import concept_url
from pdf_support import SETTINGS, figure_alts, letters, pdf_ua_problems, sizes_of, stated_size_problems, words

PROJECT = default_project()
CONCEPTS = PROJECT.concepts()
KINDS = PROJECT.kinds()
TERM_PT = 18  # the least size of a term read from across a table
PAINTING = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Do", "sh", "Tj", "TJ", "'", '"', "BI"}


@dataclass
class Card:
    page: int
    quarter: int  # 0 1 / 2 3
    text: str
    term: str  # its characters of TERM_PT or more
    chars: list  # (char, size, bottom, top), for sizes_of


def read_cards(path) -> list[Card]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw
    cards = []
    document = pdfium.PdfDocument(str(path))
    try:
        for number, page in enumerate(document):
            width, height = page.get_size()
            text = page.get_textpage()
            quarters = {q: [] for q in range(4)}
            for index in range(text.count_chars()):
                left, bottom, right, top = text.get_charbox(index)
                matrix = raw.FS_MATRIX()
                raw.FPDFText_GetMatrix(text.raw, index, ctypes.byref(matrix))
                size = raw.FPDFText_GetFontSize(text.raw, index) * abs(matrix.a * matrix.d - matrix.b * matrix.c) ** .5
                quarter = (2 if (bottom + top) / 2 < height / 2 else 0) + (1 if (left + right) / 2 > width / 2 else 0)
                quarters[quarter].append((chr(raw.FPDFText_GetUnicode(text.raw, index)), size, bottom, top))
            for quarter, chars in quarters.items():
                if not chars:
                    continue
                x, y = (quarter % 2) * width / 2, (0 if quarter >= 2 else height / 2)
                # pdfium gives a hyphen at a line's end as \x02.
                bounded = text.get_text_bounded(x, y, x + width / 2, y + height / 2).replace("\x02", "-")
                cards.append(Card(number, quarter, bounded,
                                  "".join(c for c, size, *_ in chars if size >= TERM_PT - .05), chars))
    finally:
        document.close()
    return cards


def of_concept(cards: list[Card], lang: str) -> dict[str, list[Card]]:
    """Concept id -> the cards whose term (the large type) is its term."""
    found = {cid: [] for cid in CONCEPTS}
    for card in cards:
        for cid, concept in CONCEPTS.items():
            if letters(card.term) == letters(concept.title(lang)):
                found[cid].append(card)
    return found


def sets(lang: str) -> dict[str, list[str]]:
    """File name -> the concepts it should hold (all; per kind that has concepts)."""
    found = {SETTINGS.cards_file: list(CONCEPTS)}
    for kind in KINDS.values():
        own = [cid for cid, c in CONCEPTS.items() if c.kind == kind.id]
        if own:
            found[SETTINGS.cards_kind_file(kind.id)] = own
    return found


@pytest.fixture(scope="module")
def cards(site) -> dict[tuple[str, str], list[Card]]:
    return {(lang, name): read_cards(site / lang / name) for lang in LANGUAGES for name in sets(lang)}


@pytest.fixture(scope="module")
def web(site) -> dict[str, str]:
    return {lang: article(page_file(site, lang, "index.md")).find_parent("html").select_one(
        'link[rel="canonical"]')["href"] for lang in LANGUAGES}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_set_holds_one_card_per_concept_four_to_a_sheet(site, lang, cards):
    """All concepts in one set, each kind's in its own: each concept's term on exactly one card."""
    problems = []
    for name, expected in sets(lang).items():
        found = cards[lang, name]
        by_concept = of_concept(found, lang)
        with pikepdf.open(site / lang / name) as document:
            pages = len(document.pages)
        if pages != math.ceil(len(expected) / 4) or len(found) != len(expected):
            problems.append(f"{name}: {len(found)} cards on {pages} pages for {len(expected)} concepts")
        problems += [f"{name}: '{cid}' on {len(by_concept[cid])} cards" for cid in expected if len(by_concept[cid]) != 1]
        problems += [f"{name}: '{cid}' is not of this set" for cid in CONCEPTS if cid not in expected and by_concept[cid]]
    assert not problems, f"{lang}:\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_card_shows_the_concepts_data_and_where_the_essay_discusses_it(site, lang, cards, web):
    """The other language's term, the kind, the definition, the paragraph numbers of the concept
    page's list (concepts.json) in the text's order, the short address in print; large type."""
    table = json.loads((site / lang / "concepts.json").read_text(encoding="utf-8"))
    strings = PROJECT.strings(lang)
    other = next(o for o in LANGUAGES if o != lang)
    problems = []
    for cid, found in of_concept(cards[lang, SETTINGS.cards_file], lang).items():
        if len(found) != 1:
            continue  # test_every_set_holds_one_card_per_concept_four_to_a_sheet says so
        (card,) = found
        concept, text = CONCEPTS[cid], words(card.text)
        numbers = list(dict.fromkeys(m["number"] for m in table[cid]["mentions"]))
        wanted = {"other term": concept.term[other], "kind": KINDS[concept.kind].label[lang],
                  "definition": concept.definition[lang], "numbers": f"{strings['concepts_mentions']}: {', '.join(numbers)}",
                  "address": concept_url(web[lang], cid)}
        problems += [f"{cid}: no {what}" for what, value in wanted.items() if words(value) not in text]
        sizes = sizes_of(card.chars, concept.definition[lang])
        if sizes is None or min(sizes) < min(DEFINITION_PT) - .05:
            problems.append(f"{cid}: the definition at {sizes and min(sizes)} pt")
    assert not problems, f"{lang}:\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_qr_code_decodes_to_its_concepts_short_address(site, lang, cards, web, tmp_path):
    path = site / lang / SETTINGS.cards_file
    subprocess.run(["pdftoppm", "-r", "150", "-gray", str(path), str(tmp_path / "page")], check=True)
    images = sorted(tmp_path.glob("page-*.pgm"))
    concept_of = {(card.page, card.quarter): cid for cid, found in of_concept(cards[lang, SETTINGS.cards_file], lang).items()
                  for card in found}
    problems = []
    for number, image_path in enumerate(images):
        image = Image.open(image_path)
        decoded = {}
        for code in zxingcpp.read_barcodes(image):
            x, y = code.position.top_left.x, code.position.top_left.y
            decoded[(2 if y > image.height / 2 else 0) + (1 if x > image.width / 2 else 0)] = code.text
        for quarter in range(4):
            cid = concept_of.get((number, quarter))
            if cid is None:
                continue
            if decoded.get(quarter) != concept_url(web[lang], cid):
                problems.append(f"page {number + 1}, card {quarter + 1} ({cid}): QR code reads {decoded.get(quarter)}")
            # The address resolves: its forwarding page leads to the concept's page.
            forward = site / lang / cid / "index.html"
            if not forward.is_file() or f'url=../begrippen/{cid}/"' not in forward.read_text(encoding="utf-8"):
                problems.append(f"{cid}: /{lang}/{cid} does not forward to begrippen/{cid}/")
            if not (site / lang / "begrippen" / cid / "index.html").is_file():
                problems.append(f"{cid}: no page begrippen/{cid}/ in the built site")
    assert len(images) == math.ceil(len(CONCEPTS) / 4) and not problems, f"{lang}:\n" + "\n".join(problems)


def marked_content(page) -> tuple[list[str], int]:
    """The operators that paint without being tagged content or an artifact, and the number of
    images (XObjects) drawn as artifacts."""
    stack, untagged, artifacts = [], [], 0
    for operands, operator in pikepdf.parse_content_stream(page):
        name = str(operator)
        if name in ("BMC", "BDC"):
            stack.append(str(operands[0]))
        elif name == "EMC":
            stack.pop()
        elif name in PAINTING and not stack:
            untagged.append(name)
        elif name == "Do" and stack[-1] == "/Artifact":
            artifacts += 1
    return untagged, artifacts


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_set_is_tagged_its_qr_codes_described_and_its_cut_marks_artifacts(site, lang, web):
    problems = []
    for name, expected in sets(lang).items():
        path = site / lang / name
        problems += [f"{name}: {p}" for p in pdf_ua_problems(path, lang)]
        with pikepdf.open(path) as document:
            alts = sorted(figure_alts(document))
            if alts != sorted(PROJECT.strings(lang)["handout_qr"].format(url=concept_url(web[lang], cid)) for cid in expected):
                problems.append(f"{name}: the QR codes' alternative texts are {alts[:2]}…")
            for number, page in enumerate(document.pages, 1):
                # The cut marks are the page's background image: drawn as an artifact.
                untagged, artifacts = marked_content(page)
                if untagged or artifacts != 1:
                    problems.append(f"{name}, page {number}: painted outside tags and artifacts: {untagged}; "
                                    f"{artifacts} images as artifacts (1 wanted: the cut marks)")
    assert not problems, f"{lang}:\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_glossary_links_every_set_with_its_true_size(site, lang):
    page = page_file(site, lang, "begrippen/index.md")
    box = article(page).select_one(".edition-cards")
    assert box is not None, f"{lang}: no concept cards on the glossary page"
    links = box.select("a[href$='.pdf']")
    files = [(page.parent / a["href"]).resolve() for a in links]
    assert files == [(site / lang / name).resolve() for name in sets(lang)], f"{lang}: {[a['href'] for a in links]}"
    problems = [p for a, file in zip(links, files) for p in stated_size_problems(a, file, lang)]
    problems += [f"{a.get_text()}: one page, in the singular" for a in links if re.search(r"\b1 pages\b", a.get_text())]
    assert not problems, f"{lang}: {problems}"


def test_two_builds_give_byte_identical_cards(site, second_site):
    different = [f"{lang}/{name}" for lang in LANGUAGES for name in sets(lang)
                 if (site / lang / name).read_bytes() != (second_site / lang / name).read_bytes()]
    assert not different, f"not reproducible: {different}"


def test_a_long_definition_is_set_smaller_and_one_too_long_stops_the_build(site, copy, tmp_path):
    """Nothing is cut off a card: a definition too long for 13 pt is set smaller (9 pt at least);
    one too long for an A6 card at 9 pt stops the build at its line."""
    docs, edit = copy
    sentence = CONCEPTS["trots"].definition["nl"]
    for repeat, fits in ((3, True), (12, False)):
        line = edit("concepts/trots.yml", "nl: >-\n", "nl: >-\n    " + " ".join([sentence] * repeat) + "\n")
        project = Project(docs=docs.docs)  # read anew: the data changed
        edition = site / "nl"
        target = tmp_path / f"trots-{repeat}.pdf"
        card_set = CardSet(target, "test", [project.concepts()["trots"]])
        if fits:
            write_card_sets(project, edition, [card_set], load_sources(project, edition, "nl"), SETTINGS)
            (card,) = read_cards(target)
            sizes = sizes_of(card.chars, project.concepts()["trots"].definition["nl"])
            assert sizes and min(DEFINITION_PT) - .05 <= min(sizes) < max(DEFINITION_PT), f"definition at {sizes and set(sizes)}"
        else:
            with pytest.raises(ContentError) as raised:
                write_card_sets(project, edition, [card_set], load_sources(project, edition, "nl"), SETTINGS)
            assert str(raised.value).startswith(f"docs/data/concepts/trots.yml:{line}: concept 'trots': the card (nl) "
                                                f"does not fit on A6"), str(raised.value)
            assert not target.exists()


def test_an_address_too_long_for_the_foot_of_a_card_stops_the_build(site, docs_copy, tmp_path):
    """The foot (QR code, note, short address) has a fixed height too: an id (a file name) so
    long that its address takes a third line stops the build, naming the file."""
    name = "een-begrip-met-een-naam-die-zo-lang-is-dat-zijn-korte-adres-niet-meer-op-twee-regels-past"
    source = docs_copy.data / "concepts" / "trots.yml"
    (source.parent / f"{name}.yml").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    project = Project(docs=docs_copy.docs)
    edition = site / "nl"
    card_set = CardSet(tmp_path / "long.pdf", "test", [project.concepts()[name]])
    with pytest.raises(ContentError) as raised:
        write_card_sets(project, edition, [card_set], load_sources(project, edition, "nl"), SETTINGS)
    assert str(raised.value).startswith(f"docs/data/concepts/{name}.yml: concept '{name}': the foot of its card (nl"), \
        str(raised.value)


def test_a_word_wider_than_the_card_stops_the_build_at_its_line(site, copy, tmp_path):
    docs, edit = copy
    line = edit("concepts/trots.yml", 'nl: "trots"', 'nl: "trotsheidsgevoelensontwikkelingsprogrammacoördinatorenopleiding"')
    project = Project(docs=docs.docs)
    card_set = CardSet(tmp_path / "wide.pdf", "test", [project.concepts()["trots"]])
    with pytest.raises(ContentError) as raised:
        write_card_sets(project, site / "nl", [card_set], load_sources(project, site / "nl", "nl"), SETTINGS)
    assert str(raised.value) == (f"docs/data/concepts/trots.yml:{line}: concept 'trots': a word of its term (nl) is "
                                 "wider than the card (nl)"), str(raised.value)
