"""The session fixtures of the browser gates: one server, one Chromium, one pass through
every page of a language. conftest.py imports them so that every test module can use them."""
from __future__ import annotations

import shutil

import pytest

from browser_support import missing_tools


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
def page_audit(site, site_url, browser):
    """The every-page gates' pass through a language (tests/page_audit.py), made when a test of
    that language first asks for it: page_audit("nl"). conftest keeps a language's tests on one worker."""
    from page_audit import audit_language
    done = {}

    def of(lang: str):
        if lang not in done:
            done[lang] = audit_language(site, site_url, browser, lang)
        return done[lang]
    return of
