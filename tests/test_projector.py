"""The projector view (edition/projector/): the agenda for the dialogue and each concept as
slides, in both languages. The decks hold exactly the slides the data gives, with their short
addresses; their links lead somewhere; they stay out of the sitemaps and the search. In Chromium:
tests/test_projector_browser.py.

They are not Material's pages: the every-page gates leave them out (browser_support.py); these
two modules audit them, and the Nu HTML Checker and the privacy check read them (every_html_file)."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

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
KIND = re.compile(r"\bslide-(opening|tension|paragraph|questions|concept)\b")


@lru_cache(maxsize=None)
def _soup(file: Path) -> BeautifulSoup:
    return BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")


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


@lru_cache(maxsize=None)
def _ids(file: Path) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', file.read_text(encoding="utf-8")))


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


PROJECTOR_LINK = re.compile(r'<p class="edition-projector">.*?</p>', re.DOTALL)


def test_the_agenda_and_every_concept_page_link_to_their_deck(site):
    missing = []
    for lang in LANGUAGES:
        label = PROJECT.strings(lang)["projector_link"]
        for src, deck in [(AGENDA, AGENDA_DECK)] + [(f"begrippen/{cid}.md", cid) for cid in PROJECT.concepts()]:
            file = page_file(site, lang, src)
            # Only the paragraph with the link is parsed: the whole pages take seconds.
            found = [BeautifulSoup(p, "lxml").a for p in PROJECTOR_LINK.findall(file.read_text(encoding="utf-8"))]
            links = [a for a in found if a.get_text(strip=True) == label]
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
