"""Every page in a real browser: loading, language switch, without JavaScript, and with text at
200 % (read from the pass in tests/page_audit.py); footnotes and permalinks. (The search: test_search.py.)"""
from urllib.parse import urlsplit

import pytest

from browser_support import VIEWPORTS, content_pages
from edition.project import LANGUAGES

pytestmark = pytest.mark.gate("browser")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_loads_without_console_errors_or_failed_requests(page_audit, lang):
    visits = page_audit(lang).visits
    problems = [f"{v.path}: HTTP {v.status}" for v in visits if v.status not in (200, None)]
    problems += [f"{v.path}: console: {e}" for v in visits for e in v.console_errors]
    problems += [f"{v.path}: failed request: {r}" for v in visits for r in v.failed_requests]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_language_switch_keeps_the_page_and_the_paragraph(page_audit, lang):
    """Every page opened at its first paragraph (as a reader arrives by a link to 3.4), then switched."""
    wrong = page_audit(lang).switch
    assert not wrong, "the language switch lost the page or the paragraph:\n" + "\n".join(wrong)


def footnote_pages(site) -> dict[str, str]:
    """Per language, the first page (in sitemap order) that has a footnote."""
    found = {}
    for lang, paths in content_pages(site).items():
        found[lang] = next(p for p in paths if 'class="footnote-ref"' in (site / p / "index.html").read_text(encoding="utf-8"))
    return found


VISIBLE_POPOVER = ".md-tooltip2--active:not(.edition-dismissed)"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_footnote_popover_opens_with_mouse_keyboard_and_touch(site, site_url, browser, lang):
    path = footnote_pages(site)[lang]
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    page.goto(f"{site_url}/{path}")
    ref = page.locator("a.footnote-ref").first
    note_text = page.locator(ref.get_attribute("href").replace(":", "\\:")).inner_text().strip()[:30]
    popover = page.locator(VISIBLE_POPOVER)

    ref.hover()
    popover.wait_for(state="visible")
    assert note_text in popover.inner_text(), "the popover does not show the footnote"
    page.mouse.move(0, 0)
    popover.wait_for(state="hidden")

    # Keyboard: Tab from the paragraph's number to the footnote call.
    page.locator("a.paranum").first.focus()
    for _ in range(30):
        if page.evaluate("document.activeElement.classList.contains('footnote-ref')"):
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('footnote-ref')"), "Tab never reached a footnote"
    popover.wait_for(state="visible")
    page.keyboard.press("Escape")
    popover.wait_for(state="hidden")
    assert page.evaluate("document.activeElement.classList.contains('footnote-ref')"), "Esc moved the focus"
    context.close()

    context = browser.new_context(viewport=VIEWPORTS["mobile"], has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(f"{site_url}/{path}")
    page.locator("a.footnote-ref").first.tap()
    page.locator(VISIBLE_POPOVER).wait_for(state="visible")
    assert urlsplit(page.url).fragment == "", "a tap jumped to the notes instead of opening the popover"
    box = page.locator(VISIBLE_POPOVER).bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= VIEWPORTS["mobile"]["height"], "popover off screen"
    context.close()


def test_paragraph_permalinks_scroll_to_their_paragraph(site_url, browser, paragraphs):
    problems = []
    for viewport in VIEWPORTS.values():
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        for lang, pages in paragraphs.items():
            for entry in pages.values():
                block = entry["blocks"][len(entry["blocks"]) // 2]
                where = f"{lang}/{entry['url']}#{block['anchor']}"
                page.goto(f"{site_url}/{lang}/{entry['url']}")
                page.goto(f"{site_url}/{where}")
                page.wait_for_timeout(50)
                header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
                top = page.evaluate(f"document.getElementById('{block['anchor']}').getBoundingClientRect().top")
                if not header - 2 <= top <= viewport["height"] / 2:
                    problems.append(f"{where} ({viewport['width']} px): paragraph at y={top:.0f}, header ends at {header:.0f}")
                number = page.locator(f"#{block['anchor']} a.paranum")
                if number.get_attribute("href") != f"#{block['anchor']}":
                    problems.append(f"{where}: its number does not link to it")
        context.close()
    assert not problems, "permalinks that do not bring their paragraph into view:\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_javascript_every_page_is_readable_navigable_and_switchable(page_audit, lang):
    problems = page_audit(lang).no_js
    assert not problems, "without JavaScript:\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_text_at_200_percent_needs_no_horizontal_scrolling(page_audit, lang):
    """Text at 200 % on a phone and a computer, zoom at 200 % and 400 % (tests/page_audit.py ZOOMS)."""
    problems = page_audit(lang).overflow
    assert not problems, "text that needs horizontal scrolling:\n" + "\n".join(problems)
