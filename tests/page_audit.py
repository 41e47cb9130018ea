"""The every-page gates' one pass through a language: each page is loaded once with JavaScript
and once without, and everything the gates check is read from that load.

With JavaScript (Chromium, 1280 px, the reader's light scheme), in order:
  the load as the browser recorded it (status, console, requests, cookies);
  axe-core at 1280 px (every rule in the palette it opened in, the colour rules in the other),
  then at 375 px the same in the reverse order, so each viewport sees both palettes and each
  palette every rule;
  text at 200 % and zoom at 200 % and 400 %, with and without the menu open;
  the language switch, taken from the page opened at its first paragraph.
Without JavaScript: the text, the menu (desktop, and the phone's CSS toggle), the contents link
and the language switch.

Resizing the window and the font size of a loaded page is what a reader's browser does too; a
page loads in about 0.1 s, so a pass costs what the checks cost and not eight loads per page.
The tests (test_browser, test_accessibility, test_privacy) each read their part; conftest keeps
the tests of one language on one worker.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from browser_support import (AXE_SCRIPT, PALETTE_SCHEMES, PALETTES, SEARCH_TERMS, VIEWPORTS, content_pages, counterpart,
                             every_page, page_html_file, run_axe, search)
from edition.project import LANGUAGES

OTHER = {lang: next(other for other in LANGUAGES if other != lang) for lang in LANGUAGES}
PALETTE_TOGGLE = "form[data-md-component=palette] label:not([hidden])"
DRAWER = "label.md-header__button[for='__drawer']"
CLOSE_DRAWER = "() => { const d = document.getElementById('__drawer'); d.checked = false; d.dispatchEvent(new Event('change')); }"
FRAME = "() => new Promise(done => requestAnimationFrame(done))"
# Where the language switch leads: the address its link holds once the page's own click handler
# has run (the browser then follows it), read by a listener after it, which keeps the tab here:
# that page is audited in its own language's pass.
SWITCHED = """() => window.addEventListener('click', (event) => {
  const link = event.target.closest('a.md-select__link');
  if (link) { window.switchedTo = link.href; event.preventDefault(); } }, {once: true})"""
# Clicked in the page (no pointer): what is tested here is what the control shows, not the
# pointer's way to it (the tests of each control do that), and a pointer click costs 0.1 s.
CLICK = "selector => document.querySelector(selector).click()"
NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; }"

# Text at 200 %: a browser's text size setting (default font 32 px), and page zoom at 200 % and
# 400 % (a 1280 px screen shows 640 and 320 CSS px). None may make the text scroll sideways.
ZOOMS = {"text 200% on a phone": (VIEWPORTS["mobile"], 32), "text 200% on a computer": (VIEWPORTS["desktop"], 32),
         "zoom 200%": ({"width": 640, "height": 400}, 16), "zoom 400%": ({"width": 320, "height": 400}, 16)}
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

NAV_LINKS = "nav.md-nav--primary a.md-nav__link[href]"
# The first level of the menu, but for the current page (a phone shows its contents instead).
TOP_LEVEL = ("nav.md-nav--primary > ul > li > a.md-nav__link:not(.md-nav__link--active), "
             "nav.md-nav--primary > ul > li > .md-nav__container > a.md-nav__link:not(.md-nav__link--active)")


@dataclass
class Visit:
    """What the browser saw while loading one page."""
    path: str
    status: int | None = None
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    pending: set = field(default_factory=set, repr=False)  # requests still in flight


@dataclass
class LanguageAudit:
    pages: list[str]
    visits: list[Visit] = field(default_factory=list)
    cookies: list[str] = field(default_factory=list)
    axe: dict[str, list[str]] = field(default_factory=lambda: {name: [] for name in VIEWPORTS})
    axe_checks: dict[str, int] = field(default_factory=lambda: {name: 0 for name in VIEWPORTS})
    overflow: list[str] = field(default_factory=list)
    switch: list[str] = field(default_factory=list)
    no_js: list[str] = field(default_factory=list)


def first_paragraph_anchor(site, path: str) -> str:
    found = re.search(r'<[a-z0-9]+ id="(p-[0-9-]+)"', page_html_file(site, path).read_text(encoding="utf-8"))
    return found.group(1) if found else ""


def twin(path: str, lang: str) -> str:
    """The address the language switch must lead to; the 404 page is no page of the edition:
    its switch leads to the other home page."""
    return f"/{OTHER[lang]}/" if path.endswith("404.html") else "/" + counterpart(path, OTHER[lang])


def audit_language(site, site_url: str, browser, lang: str) -> LanguageAudit:
    audit = LanguageAudit(every_page(site, (lang,)))
    with_js(site, site_url, browser, lang, audit)
    without_js(site, site_url, browser, lang, audit)
    return audit


class Window:
    """One tab whose size and default font size change as a reader's would."""

    def __init__(self, context):
        self.page = context.new_page()
        self.cdp = context.new_cdp_session(self.page)
        self.size, self.font = dict(VIEWPORTS["desktop"]), 16

    def set(self, size: dict, font: int = 16) -> None:
        if font != self.font:  # a new style, computed when the checks read it
            self.cdp.send("Page.setFontSizes", {"fontSizes": {"standard": font, "fixed": font}})
            self.font = font
        if size != self.size:
            self.page.set_viewport_size(size)
            self.size = dict(size)
            self.page.evaluate(FRAME)  # the page's own resize handlers run before the checks


def with_js(site, site_url: str, browser, lang: str, audit: LanguageAudit) -> None:
    context = browser.new_context(viewport=VIEWPORTS["desktop"], color_scheme="light")
    # axe-core in every page as it loads, rather than sent over for each page (0.2 s a page).
    context.add_init_script(path=str(AXE_SCRIPT))
    window = Window(context)
    page = window.page
    current = CurrentVisit(page)
    for path in audit.pages:
        window.set(VIEWPORTS["desktop"])
        visit = current.start(path, audit)
        anchor = first_paragraph_anchor(site, path)  # as a reader arrives by a link to 3.4
        response = page.goto(f"{site_url}/{path}" + (f"#{anchor}" if anchor else ""))
        visit.status = response.status if response else None
        loaded(page, visit)
        audit.cookies += [f"{path}: {c.strip()}" for c in page.evaluate("document.cookie").split(";") if c.strip()]
        page.add_style_tag(content=NO_MOTION)
        for viewport in ("desktop", "mobile"):
            window.set(VIEWPORTS[viewport])
            axe_in_both_palettes(page, path, viewport, audit)
        for name, (size, font) in ZOOMS.items():
            window.set(size, font)
            audit.overflow += [f"{path} ({name}): {p}" for p in page.evaluate(OVERFLOW)]
            if page.locator(DRAWER).is_visible():
                page.evaluate(CLICK, DRAWER)
                audit.overflow += [f"{path} ({name}, menu open): {p}" for p in page.evaluate(OVERFLOW)]
                page.evaluate(CLOSE_DRAWER)
        window.set(VIEWPORTS["desktop"])
        switch_language(page, path, lang, anchor, audit)
    for_the_search(page, site_url, lang, audit, current)
    audit.cookies += [f"{c['domain']}{c['path']}: {c['name']}" for c in context.cookies()]
    context.close()


def loaded(page, visit: Visit) -> None:
    """Wait while a request of the page is in flight: after the load event, usually none is."""
    for _ in range(100):
        if not visit.pending:
            return
        page.wait_for_timeout(30)


class CurrentVisit:
    """Records the tab's console errors and requests into the visit of the page now in it.

    A request that is aborted (net::ERR_ABORTED) is no failure: leaving a page aborts what it still
    loads (its favicon, say), as for a reader who follows a link, and the tab leaves each page at
    once. A missing file still shows as its status (>= 400), a refused one as its own error."""

    def __init__(self, page):
        self.visit = Visit("")
        page.on("console", lambda m: m.type == "error" and self.visit.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.visit.console_errors.append(str(e)))
        page.on("request", self._request)
        page.on("requestfinished", lambda r: self.visit.pending.discard(r))
        page.on("requestfailed", self._failed)
        page.on("response", lambda r: r.status >= 400 and self.visit.failed_requests.append(f"{r.url} ({r.status})"))

    def start(self, label: str, audit: LanguageAudit) -> Visit:
        self.visit = Visit(label)
        audit.visits.append(self.visit)
        return self.visit

    def _request(self, request) -> None:
        self.visit.requests.append(request.url)
        self.visit.pending.add(request)

    def _failed(self, request) -> None:
        self.visit.pending.discard(request)
        if request.failure != "net::ERR_ABORTED":
            self.visit.failed_requests.append(f"{request.url} ({request.failure})")


def axe_in_both_palettes(page, path: str, viewport: str, audit: LanguageAudit) -> None:
    """Every rule in the palette the page is in, then the colour rules in the other. The palette
    is left as it ends: the next viewport starts in it, so it gets every rule in that one (one
    palette switch per viewport, each a restyle of the whole page, and still both palettes each)."""
    seen = []
    for index, _ in enumerate(PALETTES):
        if index:
            page.evaluate(CLICK, PALETTE_TOGGLE)
            page.wait_for_function("s => document.body.dataset.mdColorScheme !== s", arg=seen[-1])
        scheme = page.get_attribute("body", "data-md-color-scheme")
        seen.append(scheme)
        for v in run_axe(page, colours_only=index > 0):
            audit.axe[viewport].append(f"{path} ({viewport}, {scheme}): {v['id']} ({v['impact']}): {v['help']}"
                                       f"\n    at {', '.join(v['targets'])}\n    {v['summary'][:400]}")
        audit.axe_checks[viewport] += 1
    if sorted(seen) != sorted(PALETTE_SCHEMES.values()):
        audit.axe[viewport].append(f"{path} ({viewport}): checked in palettes {seen}, "
                                   f"not in each of {list(PALETTE_SCHEMES.values())}")


def switch_language(page, path: str, lang: str, anchor: str, audit: LanguageAudit) -> None:
    """Clicked in the page, like the other controls here (a third of the time of a pointer's hover
    and click): the pointer's way to the link is test_parallel_browser's, and that the menu shows
    it on hover is the pass without JavaScript's, on every page."""
    link = f"a.md-select__link[hreflang='{OTHER[lang]}']"
    if not page.locator(link).count():
        audit.switch.append(f"{path}: no link to the {OTHER[lang]} page ({link})")
        return
    page.evaluate(SWITCHED)
    page.evaluate(CLICK, link)
    url, expected = urlsplit(page.evaluate("window.switchedTo") or ""), twin(path, lang)
    if url.path != expected or url.fragment != anchor:
        audit.switch.append(f"{path}#{anchor} -> {url.path}#{url.fragment} (expected {expected}#{anchor})")


def for_the_search(page, site_url: str, lang: str, audit: LanguageAudit, current: CurrentVisit) -> None:
    """A search as a reader makes it, recorded like a page (the privacy gate reads its requests)."""
    query = SEARCH_TERMS[lang]
    visit = current.start(f"{lang}/ (search {query!r})", audit)
    response = page.goto(f"{site_url}/{lang}/")
    visit.status = response.status if response else None
    loaded(page, visit)
    search(page, query)
    loaded(page, visit)


# Without JavaScript, what a reader sees of a page at one width, in one evaluation.
SEEN = """([links, top]) => ({
  readable: document.querySelector('article').innerText.length > 80 && !!document.querySelector('article h1')
            && document.querySelector('article h1').checkVisibility(),
  links: [...document.querySelectorAll(links)].map(a => a.href),
  top: document.querySelectorAll(top).length,
  hidden: [...document.querySelectorAll(top)].filter(a => !a.checkVisibility({visibilityProperty: true})).map(a => a.innerText),
  contents: document.querySelector('a.edition-search-fallback')?.checkVisibility({visibilityProperty: true})
            && document.querySelector('a.edition-search-fallback').href,
  field: !!document.querySelector('input.md-search__input')?.checkVisibility({visibilityProperty: true})})"""
WIDTHS = ("desktop", "mobile")
# NO_MOTION, put in by the checks (Playwright's add_style_tag waits for the page's own scripts).
STILL = f"() => document.head.append(Object.assign(document.createElement('style'), {{textContent: {NO_MOTION!r}}}))"
CLOSE_MENU = "() => { document.getElementById('__drawer').checked = false; }"  # the phone's, a CSS toggle
CENTRE = """s => { const e = document.querySelector(s), r = e && e.getBoundingClientRect();
  return r ? [r.x + r.width / 2, r.y + r.height / 2] : null; }"""
# Shown: the closed menu is transparent (opacity 0), not hidden.
SWITCH = """lang => { const a = document.querySelector(`a.md-select__link[hreflang='${lang}']`);
  return a && a.checkVisibility({visibilityProperty: true, opacityProperty: true}) ? a.href : null; }"""


def hovered_switch(page, path: str, lang: str, audit: LanguageAudit) -> None:
    """The pointer onto the language menu (a CSS hover), then its link to the page's twin must
    show. No actionability checks: the link's visibility is what SWITCH checks."""
    menu = page.evaluate(CENTRE, ".md-select")
    if not menu:
        audit.no_js.append(f"{path}: no language menu (.md-select)")
        return
    page.mouse.move(*menu)
    expected, switch = twin(path, lang), page.evaluate(SWITCH, OTHER[lang])
    if not switch or urlsplit(switch).path != expected:
        audit.no_js.append(f"{path}: the language menu shows {switch!r} on hover, not {expected}")


def without_js(site, site_url: str, browser, lang: str, audit: LanguageAudit) -> None:
    """Readable, navigable (the menu links every page of the language; its first level is visible,
    on a phone after pressing the menu button, a CSS toggle) and switchable (the language menu
    opens on hover, CSS, and links the page's twin)."""
    context = browser.new_context(viewport=VIEWPORTS["desktop"], java_script_enabled=False)
    page = context.new_page()
    pages = set(content_pages(site)[lang])
    for number, path in enumerate(audit.pages):
        page.goto(f"{site_url}/{path}")
        page.evaluate(STILL)  # the menu opens at once on hover, not over 0.25 s
        # Every other page starts at the width the last one ended in: the tab is not resized
        # while it still shows the page it leaves (a layout for nothing).
        for name in WIDTHS if number % 2 == 0 else WIDTHS[::-1]:
            if page.viewport_size != VIEWPORTS[name]:
                page.set_viewport_size(VIEWPORTS[name])
            if name == "desktop":
                page.evaluate(CLOSE_MENU)
                hovered_switch(page, path, lang, audit)
            else:
                page.evaluate(CLICK, DRAWER)
            seen = page.evaluate(SEEN, [NAV_LINKS, TOP_LEVEL])
            if not seen["readable"]:
                audit.no_js.append(f"{path} ({name}): no readable text")
            # The contents page is not in the menu: the header links to it instead of the search.
            if not seen["contents"] or seen["field"]:
                audit.no_js.append(f"{path} ({name}): no link to the contents page where the search box was")
            linked = {urlsplit(href).path.lstrip("/") for href in seen["links"] + [seen["contents"] or ""]}
            unlinked = sorted(pages - linked)
            if unlinked or seen["hidden"] or not seen["top"]:
                audit.no_js.append(f"{path} ({name}): menu misses {unlinked}, hidden: {seen['hidden']}")
    context.close()
