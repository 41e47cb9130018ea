"""The projector view (edition/projector/): the agenda for the dialogue and each concept as
slides, in both languages. The decks hold exactly the slides the data gives; in Chromium at
1920×1080 they pass axe in light and dark, their text is 32 px or more and fits its slide, the
keys of a keyboard and a clicker and, without JavaScript, the links step through them, and
printed each slide is one 16:9 page.

They are not Material's pages: the every-page gates leave them out (browser_support.py) and this
module audits them; the Nu HTML Checker and the privacy check read them (every_html_file)."""
from __future__ import annotations

import json
import re
import subprocess
from functools import lru_cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from browser_support import run_axe
from conftest import page_file
from edition.build import DEFAULT_SITE_URL
from edition.concepts.model import plain
from edition.concepts.pages import other_language
from edition.project import LANGUAGES, default_project
from edition.projector.decks import AGENDA_DECK, FOLDER
from edition.projector.render import shown_address
from edition.reader.discussion_guide import AGENDA
from edition.reader.short_addresses import concept_url, paragraph_url, short_url

PROJECT = default_project()
VIEWPORT = {"width": 1920, "height": 1080}
SMALLEST_TEXT = 32  # px at 1920×1080
# Points of a 16in × 9in page.
PRINTED_PAGE = (1152, 648)
KIND = re.compile(r"\bslide-(opening|tension|paragraph|questions|concept)\b")


@lru_cache(maxsize=None)
def _soup(file: Path) -> BeautifulSoup:
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def deck_file(site: Path, lang: str, name: str) -> Path:
    return site / lang / FOLDER / name / "index.html"


def slides(site: Path, lang: str, name: str) -> list:
    return _soup(deck_file(site, lang, name)).select("main.deck > section.slide")


def kind(slide) -> str:
    return KIND.search(" ".join(slide["class"])).group(1)


def words(element) -> str:
    """Text without white space: the slides and paragraphs.json space inline markup differently."""
    return re.sub(r"\s+", "", element if isinstance(element, str) else element.get_text())


def address(slide) -> str:
    return slide.select_one(".slide-address").get_text(strip=True)


def paragraph_number(slide) -> str:
    return re.search(r"\d+\.\d+", slide.h2.get_text()).group(0)


def texts(paragraphs, lang) -> dict[str, str]:
    return {block["number"]: block["text"] for page in paragraphs[lang].values() for block in page["blocks"]}


def edition_url(lang: str) -> str:
    return f"{DEFAULT_SITE_URL}{lang}/"


def agenda_numbers(site: Path, lang: str, tension: str) -> list[str]:
    """The numbers of the paragraphs under a tension's heading on the built agenda page."""
    heading = _soup(page_file(site, lang, AGENDA)).find(id=tension)
    numbers = []
    for sibling in heading.find_next_siblings(True):
        if sibling.name in ("h1", "h2", "h3"):
            break
        numbers += [re.sub(r"^p-(\d+)-(\d+)$", r"\1.\2", e["id"]) for e in
                    [sibling, *sibling.find_all(id=True)] if re.match(r"^p-\d+-\d+$", e.get("id", ""))]
    return numbers


# The decks' content, read from the built pages and compared with the data.

@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_agenda_deck_holds_per_tension_its_text_paragraphs_and_questions(site, paragraphs, lang):
    guide, strings = PROJECT.guide(lang), PROJECT.strings(lang)
    shown, text_of, url = slides(site, lang, AGENDA_DECK), texts(paragraphs, lang), edition_url(lang)
    expected = ["opening"] + [k for t in guide.tensions for k in ["tension"] + ["paragraph"] * len(t.draws_on) + ["questions"]]
    assert [kind(s) for s in shown] == expected, "the agenda deck's slides are not 1 + per tension 1 + its paragraphs + 1"
    assert [s["id"] for s in shown] == [f"s{n}" for n in range(1, len(shown) + 1)]
    problems, position = [], 1
    opening = [a["href"] for a in shown[0].select(".slide-contents a")]
    for n, tension in enumerate(guide.tensions, start=1):
        first, rest = shown[position], shown[position + 1:position + 2 + len(tension.draws_on)]
        if opening[n - 1] != f"#{first['id']}":
            problems.append(f"the opening slide links {tension.id} to {opening[n - 1]}, not #{first['id']}")
        if first.h2.get_text(strip=True) != tension.title or address(first) != shown_address(short_url(url, n)):
            problems.append(f"{tension.id}: its slide says {first.h2.get_text(strip=True)!r} at {address(first)}")
        numbers = [e.get_text(strip=True) for e in first.select(".slide-number")]
        if numbers != agenda_numbers(site, lang, tension.id):
            problems.append(f"{tension.id}: the tension's slide shows {numbers}, the agenda has "
                            f"{agenda_numbers(site, lang, tension.id)}")
        for number, slide in zip(tension.draws_on, rest):
            if paragraph_number(slide) != number or address(slide) != shown_address(paragraph_url(url, number)):
                problems.append(f"{tension.id}: slide {slide['id']} shows {paragraph_number(slide)} at "
                                f"{address(slide)}, the guide cites {number}")
            elif words(slide.select_one(".slide-text")) != words(text_of[number]):
                problems.append(f"{tension.id}: slide {slide['id']} is not the text of {number}")
        questions = rest[-1]
        if [li.get_text(strip=True) for li in questions.select(".slide-questions li")] != tension.questions:
            problems.append(f"{tension.id}: the questions' slide differs from the guide's questions")
        if questions.select_one(".slide-note").get_text(strip=True) != strings["handout_guide_source"] \
                or address(questions) != shown_address(short_url(url, n)):
            problems.append(f"{tension.id}: the questions' slide lacks the label 'ours' or the tension's address")
        position += 2 + len(tension.draws_on)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_concept_has_a_deck_with_its_definition_and_every_paragraph_that_discusses_it(site, paragraphs, lang):
    strings, other, url = PROJECT.strings(lang), other_language(lang), edition_url(lang)
    table = json.loads((site / lang / "concepts.json").read_text(encoding="utf-8"))
    text_of = texts(paragraphs, lang)
    problems = []
    for concept in PROJECT.concepts().values():
        shown = slides(site, lang, concept.id)
        first, rest = shown[0], shown[1:]
        mentioned = list(dict.fromkeys(m["number"] for m in table[concept.id]["mentions"]))
        term = first.select_one(f'.slide-other-term [lang="{other}"]')
        if kind(first) != "concept" or first.h2.get_text(strip=True) != concept.title(lang) \
                or term is None or term.get_text(strip=True) != concept.term[other]:
            problems.append(f"{concept.id}: the first slide does not show the term in both languages")
        elif words(plain(concept.definition[lang])) not in words(first.select_one(".slide-text")):
            problems.append(f"{concept.id}: the first slide lacks the definition")
        if first.select_one(".slide-note").get_text(strip=True) != strings["concepts_addition"] \
                or address(first) != shown_address(concept_url(url, concept.id)):
            problems.append(f"{concept.id}: the concept's slide lacks the label 'ours' or its address")
        if [paragraph_number(s) for s in rest] != mentioned:
            problems.append(f"{concept.id}: paragraphs {[paragraph_number(s) for s in rest]}, its page lists {mentioned}")
            continue
        for number, slide in zip(mentioned, rest):
            if words(slide.select_one(".slide-text")) != words(text_of[number]) or not slide.select(".slide-term") \
                    or address(slide) != shown_address(paragraph_url(url, number)):
                problems.append(f"{concept.id}: slide {slide['id']} is not paragraph {number} with the "
                                "concept's words marked and its address")
    assert not problems, "\n".join(problems)


def test_both_languages_have_the_same_slides_at_the_same_numbers(site):
    """So that the link to the other language's deck can open the same slide."""
    def plan(lang, name):
        return [(kind(s), paragraph_number(s) if kind(s) == "paragraph" else "") for s in slides(site, lang, name)]
    names = [AGENDA_DECK, *PROJECT.concepts()]
    differ = [name for name in names if len({tuple(plan(lang, name)) for lang in LANGUAGES}) > 1]
    assert not differ, f"decks whose slides differ between the languages: {differ}"


def _ids(file: Path) -> set[str]:
    return {e["id"] for e in _soup(file).find_all(id=True)}


def test_every_link_of_a_deck_leads_to_a_page_and_a_place_that_exist(site):
    broken = []
    for lang in LANGUAGES:
        for file in sorted((site / lang / FOLDER).glob("*/index.html")):
            soup = _soup(file)
            for element in soup.select("a[href], link[href], script[src]"):
                target = element.get("href") or element["src"]
                path, _, fragment = target.partition("#")
                resolved = (file.parent / path).resolve() if path else file
                if resolved.is_dir():
                    resolved = resolved / "index.html"
                if not resolved.is_file() or (fragment and fragment not in _ids(resolved)):
                    broken.append(f"{file.relative_to(site)}: {target}")
    assert not broken, f"{len(broken)} broken link(s) (edition/projector/render.py):\n" + "\n".join(broken[:20])


def test_the_agenda_and_every_concept_page_link_to_their_deck(site):
    missing = []
    for lang in LANGUAGES:
        label = PROJECT.strings(lang)["projector_link"]
        for src, deck in [(AGENDA, AGENDA_DECK)] + [(f"begrippen/{cid}.md", cid) for cid in PROJECT.concepts()]:
            file = page_file(site, lang, src)
            links = [a for a in _soup(file).select("article a") if a.get_text(strip=True) == label]
            if len(links) != 1 or (file.parent / links[0]["href"]).resolve() != deck_file(site, lang, deck).parent:
                missing.append(f"{lang}/{src}: {[a['href'] for a in links]}")
    assert not missing, "pages without their one link to the projector view:\n" + "\n".join(missing)


def test_the_decks_ask_not_to_be_indexed_and_stay_out_of_the_sitemap_and_the_search(site):
    for lang in LANGUAGES:
        assert f"/{FOLDER}/" not in (site / lang / "sitemap.xml").read_text(encoding="utf-8")
        search = json.loads((site / lang / "pagefind" / "search.json").read_text(encoding="utf-8"))
        assert not [p["url"] for p in search["pages"] if p["url"].startswith(f"{FOLDER}/")]
        decks = sorted((site / lang / FOLDER).glob("*/index.html"))
        assert len(decks) == 1 + len(PROJECT.concepts())
        assert all(_soup(f).select_one('meta[name="robots"]')["content"] == "noindex" for f in decks)


# In Chromium: one page at 1920×1080 with JavaScript for the module.

@pytest.fixture(scope="module")
def screen(browser):
    context = browser.new_context(viewport=VIEWPORT)
    yield context.new_page()
    context.close()


def sample_decks(site: Path, paragraphs, lang: str) -> list[str]:
    """The agenda, and the concept decks with the longest paragraphs and with the most slides."""
    length = {number: len(text) for number, text in texts(paragraphs, lang).items()}
    table = json.loads((site / lang / "concepts.json").read_text(encoding="utf-8"))
    longest = sorted(table, key=lambda cid: -max([length[m["number"]] for m in table[cid]["mentions"]] or [0]))
    most = max(table, key=lambda cid: len(table[cid]["mentions"]))
    return list(dict.fromkeys([AGENDA_DECK, *longest[:3], most, "eigen-kracht"]))


MEASURE = """() => [...document.querySelectorAll('main.deck > .slide')].map(slide => {
  window.location.hash = slide.id;
  const body = slide.querySelector('.slide-body'), foot = slide.querySelector('.slide-foot');
  const text = [...slide.querySelectorAll('.slide-text, .slide-text *')]
    .filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()));
  return {id: slide.id, shown: getComputedStyle(slide).display !== 'none',
          smallest: Math.min(...text.map(e => parseFloat(getComputedStyle(e).fontSize))),
          over: Math.max(body.scrollHeight - body.clientHeight, body.scrollWidth - body.clientWidth,
                         foot.scrollWidth - foot.clientWidth, slide.getBoundingClientRect().bottom - innerHeight)};
})"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_text_is_32_px_or_more_and_no_slide_overflows_at_1920_by_1080(site, site_url, screen, paragraphs, lang):
    problems, measured = [], 0
    for name in sample_decks(site, paragraphs, lang):
        screen.goto(f"{site_url}/{lang}/{FOLDER}/{name}/")
        for slide in screen.evaluate(MEASURE):
            measured += 1
            if not slide["shown"]:
                problems.append(f"{name}#{slide['id']}: not shown when the address names it")
            if slide["smallest"] < SMALLEST_TEXT:
                problems.append(f"{name}#{slide['id']}: text of {slide['smallest']} px")
            if slide["over"] > 0:
                problems.append(f"{name}#{slide['id']}: overflows by {slide['over']} px")
    assert measured > len(PROJECT.guide(lang).tensions) * 5
    assert not problems, ("slides to fix (the sizes in edition/projector/decks.py SIZES and projector.css):\n"
                          + "\n".join(problems))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_axe_finds_no_violation_on_any_slide_in_light_and_dark(site_url, screen, lang):
    """Every slide of the agenda's deck and of a concept's, shown all at once, in each scheme."""
    problems = []
    for name in (AGENDA_DECK, "eigen-kracht"):
        screen.goto(f"{site_url}/{lang}/{FOLDER}/{name}/")
        for scheme in ("light", "dark"):
            screen.emulate_media(color_scheme=scheme)
            screen.evaluate("""() => { document.querySelector('main.deck').style.display = 'block';
                document.querySelectorAll('.slide').forEach(s => { s.style.display = 'flex'; }); }""")
            problems += [f"{name} ({scheme}): {v['id']}: {v['help']} at {', '.join(v['targets'])}\n    {v['summary'][:300]}"
                         for v in run_axe(screen)]
    screen.emulate_media(color_scheme="light")
    assert not problems, "axe-core (fix overrides/assets/stylesheets/projector.css):\n" + "\n".join(problems)


def shown_slide(page) -> str:
    return page.evaluate("() => [...document.querySelectorAll('.slide')].find(s => getComputedStyle(s).display !== 'none').id")


def test_keys_and_a_clicker_step_through_the_slides_and_the_address_follows(site, site_url, screen):
    last = f"s{len(slides(site, 'nl', AGENDA_DECK))}"
    screen.goto(f"{site_url}/nl/{FOLDER}/{AGENDA_DECK}/")
    steps = [("ArrowRight", "s2"), ("Space", "s3"), ("PageDown", "s4"), ("ArrowLeft", "s3"), ("PageUp", "s2"),
             ("Shift+Space", "s1"), ("End", last), ("ArrowRight", last), ("Home", "s1"), ("PageUp", "s1")]
    went = []
    for key, expected in steps:
        screen.keyboard.press(key)
        went.append((key, screen.url.rsplit("#", 1)[-1], shown_slide(screen), expected))
    wrong = [f"{key}: address #{at}, slide {shown} shown, expected {expected}" for key, at, shown, expected in went
             if not (at == shown == expected)]
    assert not wrong, "assets/javascripts/projector.js:\n" + "\n".join(wrong)
    screen.keyboard.press("End")
    assert screen.locator(".deck-language").get_attribute("href").endswith(f"/en/{FOLDER}/{AGENDA_DECK}/#{last}")
    # The light/dark button overrides the system's choice.
    screen.emulate_media(color_scheme="light")
    button = screen.locator(".deck-scheme")
    button.click()
    background = screen.evaluate("() => getComputedStyle(document.body).backgroundColor")
    assert button.get_attribute("aria-pressed") == "true" and background == "rgb(17, 17, 17)", background


def test_without_javascript_the_links_step_through_the_slides(browser, site_url):
    context = browser.new_context(viewport=VIEWPORT, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/en/{FOLDER}/{AGENDA_DECK}/")
    strings = PROJECT.strings("en")
    went = [shown_slide(page)]
    for label in ("projector_next", "projector_next", "projector_previous"):
        page.locator(".slide:visible .slide-nav a", has_text=strings[label]).click()
        went.append(f"{page.url.rsplit('#', 1)[-1]}={shown_slide(page)}")
    hidden = page.locator(".deck-scheme").is_hidden()
    context.close()
    assert went == ["s1", "s2=s2", "s3=s3", "s2=s2"], went
    assert hidden, "without JavaScript the light/dark button does nothing: it must stay hidden"


@pytest.mark.parametrize("lang,name", [("nl", AGENDA_DECK), ("en", "eigen-kracht")])
def test_printed_each_slide_is_one_16_by_9_page(site, site_url, screen, tmp_path, lang, name):
    screen.goto(f"{site_url}/{lang}/{FOLDER}/{name}/")
    pdf = tmp_path / "deck.pdf"
    screen.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert (round(float(size.group(1))), round(float(size.group(2)))) == PRINTED_PAGE, info
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")[:-1]
    expected = [address(s) for s in slides(site, lang, name)]
    assert len(pages) == len(expected), f"{len(pages)} pages for {len(expected)} slides"
    misplaced = [f"page {n}: no {a}" for n, (page, a) in enumerate(zip(pages, expected), 1) if a not in page]
    assert not misplaced, "\n".join(misplaced)


def test_a_concept_named_like_the_agenda_deck_fails_naming_its_file(docs_copy):
    from edition.errors import ContentError
    from edition.pipeline.page import Edition
    from edition.projector.steps import Projector
    concepts = docs_copy.data / "concepts"
    (concepts / f"{AGENDA_DECK}.yml").write_text((concepts / "trots.yml").read_text(encoding="utf-8"), encoding="utf-8")
    edition = Edition(docs_copy, "nl", f"{DEFAULT_SITE_URL}nl/", docs_copy.root / "site", "Durf te Dromen", "")
    with pytest.raises(ContentError) as raised:
        Projector(edition)
    assert str(raised.value).startswith(f"docs/data/concepts/{AGENDA_DECK}.yml: the concept id '{AGENDA_DECK}'"), raised.value
