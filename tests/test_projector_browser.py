"""The projector view in Chromium at 1920×1080: axe in light and dark, text of 32 px or more
that fits its slide, the keys of a keyboard and a clicker and, without JavaScript, the links
stepping through the slides, and each slide one 16:9 page in print. One page with JavaScript
for the module, and one without."""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from browser_support import run_axe
from edition.project import LANGUAGES, default_project
from edition.projector.decks import AGENDA_DECK, FOLDER
from test_projector import address, slides, texts

PROJECT = default_project()
VIEWPORT = {"width": 1920, "height": 1080}
SMALLEST_TEXT = 32  # px at 1920×1080
# Points of a 16in × 9in page.
PRINTED_PAGE = (1152, 648)


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


def slide_in_address(page) -> str:
    """The page's own address: Playwright's page.url catches up with a same-document navigation
    a moment later, which raced here once (a CI run saw End show s56 while page.url still said s1)."""
    return page.evaluate("() => location.hash.slice(1)")


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
        went.append((key, slide_in_address(screen), shown_slide(screen), expected))
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
        went.append(f"{slide_in_address(page)}={shown_slide(page)}")
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
