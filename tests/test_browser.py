"""Every page in a real browser: loading, language switch, footnotes, permalinks, without
JavaScript, and with text at 200%. (The search: test_search.py.)"""
import re
from urllib.parse import urlsplit

import pytest

from browser_support import VIEWPORTS, content_pages, counterpart, every_page, page_html_file
from edition.project import LANGUAGES

pytestmark = pytest.mark.gate("browser")
OTHER = {lang: next(other for other in LANGUAGES if other != lang) for lang in LANGUAGES}


def test_every_page_loads_without_console_errors_or_failed_requests(page_visits):
    problems = [f"{v.path}: HTTP {v.status}" for v in page_visits["visits"] if v.status not in (200, None)]
    problems += [f"{v.path}: console: {e}" for v in page_visits["visits"] for e in v.console_errors]
    problems += [f"{v.path}: failed request: {r}" for v in page_visits["visits"] for r in v.failed_requests]
    assert not problems, "\n".join(problems)


def first_paragraph_anchor(site, path: str) -> str:
    found = re.search(r'<[a-z0-9]+ id="(p-[0-9-]+)"', page_html_file(site, path).read_text(encoding="utf-8"))
    return found.group(1) if found else ""


def test_language_switch_keeps_the_page_and_the_paragraph(site, site_url, browser):
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    wrong = []
    for lang, paths in content_pages(site).items():
        for path in paths:
            anchor = first_paragraph_anchor(site, path)  # as a reader arrives by a link to 3.4
            page.goto(f"{site_url}/{path}" + (f"#{anchor}" if anchor else ""))
            page.locator(".md-select").first.hover()
            page.locator(f"a.md-select__link[hreflang='{OTHER[lang]}']").click()
            page.wait_for_load_state()
            url = urlsplit(page.url)
            expected = "/" + counterpart(path, OTHER[lang])
            if url.path != expected or url.fragment != anchor:
                wrong.append(f"{path}#{anchor} -> {url.path}#{url.fragment} (expected {expected}#{anchor})")
    context.close()
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


NAV_LINKS = "nav.md-nav--primary a.md-nav__link[href]"
# The first level of the menu, but for the current page (a phone shows its contents instead).
TOP_LEVEL = ("nav.md-nav--primary > ul > li > a.md-nav__link:not(.md-nav__link--active), "
             "nav.md-nav--primary > ul > li > .md-nav__container > a.md-nav__link:not(.md-nav__link--active)")


READABLE = """() => { const h1 = document.querySelector('article h1');
  return document.querySelector('article').innerText.length > 80 && !!h1 && h1.checkVisibility(); }"""
MENU = """([links, top]) => ({links: [...document.querySelectorAll(links)].map(a => a.href),
  top: document.querySelectorAll(top).length,
  hidden: [...document.querySelectorAll(top)].filter(a => !a.checkVisibility({visibilityProperty: true})).map(a => a.innerText)})"""


def test_without_javascript_every_page_is_readable_navigable_and_switchable(site, site_url, browser):
    problems = []
    pages = content_pages(site)
    for name, viewport in VIEWPORTS.items():
        context = browser.new_context(viewport=viewport, java_script_enabled=False)
        page = context.new_page()
        for path in every_page(site):
            lang = path.split("/", 1)[0]
            page.goto(f"{site_url}/{path}")
            if not page.evaluate(READABLE):
                problems.append(f"{path} ({name}): no readable text")
            # Navigable: the menu links every page of the language; its first level is visible
            # (on a phone after pressing the menu button, a CSS toggle).
            if name == "mobile":
                page.locator("label.md-header__button[for='__drawer']").click()
            menu = page.evaluate(MENU, [NAV_LINKS, TOP_LEVEL])
            # The contents page is not in the menu: the header links to it instead of the search.
            contents = page.locator("a.edition-search-fallback")
            if not contents.is_visible() or page.locator("input.md-search__input").is_visible():
                problems.append(f"{path} ({name}): no link to the contents page where the search box was")
            linked = {urlsplit(href).path.lstrip("/") for href in menu["links"] + [contents.evaluate("a => a.href")]}
            unlinked = sorted(set(pages[lang]) - linked)
            if unlinked or menu["hidden"] or not menu["top"]:
                problems.append(f"{path} ({name}): menu misses {unlinked}, hidden: {menu['hidden']}")
            if name == "desktop":  # the language menu opens on hover or focus (CSS)
                page.locator(".md-select").first.hover()
                page.locator(f"a.md-select__link[hreflang='{OTHER[lang]}']").click()
                # The 404 page is no page of the edition: its switch leads to the other home page.
                expected = f"/{OTHER[lang]}/" if path.endswith("404.html") else "/" + counterpart(path, OTHER[lang])
                if urlsplit(page.url).path != expected:
                    problems.append(f"{path}: the language switch led to {page.url}, not {expected}")
        context.close()
    assert not problems, "without JavaScript:\n" + "\n".join(problems)


# Text at 200%: a browser's text size setting (default font 32 px), and page zoom at 200% and
# 400% (a 1280 px screen shows 640 and 320 CSS px). None may make the text scroll sideways.
ZOOMS = {"text 200% on a phone": (VIEWPORTS["mobile"], 32), "text 200% on a computer": (VIEWPORTS["desktop"], 32),
         "zoom 200%": ({"width": 640, "height": 400}, 16), "zoom 400%": ({"width": 320, "height": 400}, 16)}
NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; }"
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth, out = [];
  if (document.scrollingElement.scrollWidth > width + 1) out.push(`page ${document.scrollingElement.scrollWidth}px wide`);
  const text = '.md-header, .md-content :is(p, li, h1, h2, h3, dt, dd, blockquote, figcaption), .md-footer';
  const menu = '.md-nav--primary .md-nav__link';  // the menu, when it is open
  for (const el of document.querySelectorAll(document.getElementById('__drawer').checked ? menu : text)) {
    if (el.closest('.md-typeset__scrollwrap, .md-typeset__table, table') || !el.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    const box = el.getBoundingClientRect();
    if (box.right > width + 1 || box.left < -1 || el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
      out.push(`${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 40)}" ${Math.round(box.left)}..${Math.round(box.right)}`);
  }
  return out.slice(0, 3);
}"""


def test_text_at_200_percent_needs_no_horizontal_scrolling(site, site_url, browser):
    problems = []
    for name, (viewport, font_size) in ZOOMS.items():
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        context.new_cdp_session(page).send("Page.setFontSizes", {"fontSizes": {"standard": font_size, "fixed": font_size}})
        for path in every_page(site):
            page.goto(f"{site_url}/{path}")
            page.add_style_tag(content=NO_MOTION)
            problems += [f"{path} ({name}): {p}" for p in page.evaluate(OVERFLOW)]
            drawer = page.locator("label.md-header__button[for='__drawer']")
            if drawer.is_visible():
                drawer.click()
                problems += [f"{path} ({name}, menu open): {p}" for p in page.evaluate(OVERFLOW)]
        context.close()
    assert not problems, "text that needs horizontal scrolling:\n" + "\n".join(problems)
