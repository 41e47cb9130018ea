"""The definition popover in Chromium: pointer, keyboard (focus shows, Esc closes) and touch
(a first tap shows, a second opens the concept's page), in the page's language."""
import pytest
from edition.project import default_project

PROJECT = default_project()

CONCEPTS = PROJECT.concepts()
PAGE = "verkenning/doel-en-doelgroepen/"
LINK = "#p-3-4 a.concept-link[data-concept={}]"


def _popover(page):
    popover = page.locator(".concept-popover")
    return popover.inner_text() if popover.is_visible() else None


def test_pointing_at_a_concept_shows_its_definition_and_the_pointer_may_move_onto_it(browser, site_url):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{site_url}/nl/{PAGE}")
    link = page.locator(LINK.format("kritisch-bewustzijn"))
    link.hover()
    shown = _popover(page)
    assert shown and CONCEPTS["kritisch-bewustzijn"].definition["nl"] in shown
    box = page.locator(".concept-popover").bounding_box()
    page.mouse.move(box["x"] + 20, box["y"] + box["height"] / 2, steps=5)  # onto the popover
    page.wait_for_timeout(400)
    assert _popover(page), "the popover vanished while the pointer was on it (WCAG 1.4.13)"
    page.mouse.move(5, 5)
    page.wait_for_timeout(500)
    assert _popover(page) is None
    assert page.locator(".concept-popover").get_attribute("aria-hidden") == "true"
    assert not errors, errors
    page.close()


def test_focus_shows_the_definition_and_escape_closes_it(browser, site_url):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(f"{site_url}/en/{PAGE}")
    page.locator(LINK.format("gedrag")).focus()
    assert CONCEPTS["gedrag"].definition["en"] in (_popover(page) or "")
    page.keyboard.press("Escape")
    assert _popover(page) is None
    assert page.evaluate("document.activeElement.dataset.concept") == "gedrag", "Esc must not move focus"
    description = page.evaluate("""() => { const a = document.activeElement;
        return document.getElementById(a.getAttribute('aria-describedby')).textContent; }""")
    assert description == CONCEPTS["gedrag"].definition["en"]
    page.close()


def test_first_tap_shows_the_definition_second_tap_opens_the_concept_page(browser, site_url):
    context = browser.new_context(viewport={"width": 375, "height": 740}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(f"{site_url}/nl/{PAGE}")
    link = page.locator(LINK.format("kritisch-bewustzijn"))
    link.tap()
    page.wait_for_timeout(300)
    shown = _popover(page) or ""
    assert CONCEPTS["kritisch-bewustzijn"].definition["nl"] in shown and PROJECT.strings("nl")["concepts_touch_hint"] in shown
    assert page.url.endswith(PAGE), "the first tap left the page"
    link.tap()
    page.wait_for_url("**/begrippen/kritisch-bewustzijn/")
    context.close()
