"""The session fixtures of the browser gates: one server, one Chromium, one recorded visit of
every page. conftest.py imports them so that every test module can use them."""
from __future__ import annotations

import shutil

import pytest

from browser_support import SEARCH_TERMS, VIEWPORTS, Visit, every_page, missing_tools, record, search, settle


@pytest.fixture(scope="session")
def site_url(site) -> str:
    """The built site served on 127.0.0.1 (one server for the session)."""
    from edition.hosting.local_server import serve_in_background
    server, url = serve_in_background(site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright, one for the session (never a downloaded browser)."""
    missing = missing_tools()
    if missing:
        pytest.fail("the browser gates need " + ", ".join(missing) + ": run scripts/setup")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=shutil.which("chromium"),
                                              args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def page_visits(site, site_url, browser) -> dict:
    """Every page loaded once (desktop, light), and a search in each language, as the browser
    recorded them (console, requests, cookies): what the load and privacy gates read."""
    context = browser.new_context(viewport=VIEWPORTS["desktop"], color_scheme="light")
    visits, cookies = [], []

    def visit(label: str, path: str, action=None) -> None:
        page = context.new_page()
        seen = Visit(label)
        record(page, seen)
        response = page.goto(f"{site_url}/{path}")
        seen.status = response.status if response else None
        settle(page, seen)
        if action:
            action(page)
            settle(page, seen)
        cookies.extend(f"{label}: {c.strip()}" for c in page.evaluate("document.cookie").split(";") if c.strip())
        page.close()
        visits.append(seen)

    for path in every_page(site):
        visit(path, path)
    for lang, query in SEARCH_TERMS.items():
        visit(f"{lang}/ (search {query!r})", f"{lang}/", lambda page, query=query: search(page, query))
    cookies += [f"{c['domain']}{c['path']}: {c['name']}" for c in context.cookies()]
    context.close()
    return {"visits": visits, "cookies": cookies}
