"""Chromium through nginx: pages load with the real headers, with no CSP violation and no error."""
from __future__ import annotations

import pytest

from browser_support import SEARCH_RESULT, SEARCH_TERMS, search
from edition.project import LANGUAGES

PAGES = ["", "verkenning/inleiding/", "bronnen/", "over-deze-uitgave/"]
MISSING = "bestaat-niet/"
# Every violation reaches the page as an event (the console message alone would miss none either,
# but the event says which directive and what was blocked).
LISTENER = """document.addEventListener("securitypolicyviolation", e => window.__cspViolation(
    `${e.effectiveDirective} blocked ${e.blockedURI || "inline code"} at ${e.sourceFile}:${e.lineNumber}`));"""


@pytest.fixture(scope="module")
def through_nginx(served, browser):
    """A browser context on the nginx origin; visit(path) -> (page, problems) for one page."""
    origin = f"http://127.0.0.1:{served[1].origin}"
    context = browser.new_context(viewport={"width": 1280, "height": 800})

    def visit(path: str, action=None, status: int = 200):
        page = context.new_page()
        problems: list[str] = []
        page.expose_function("__cspViolation", lambda text: problems.append(f"CSP: {text}"))
        page.add_init_script(LISTENER)
        url = f"{origin}/{path}"

        def console(message):
            # The one expected error: Chromium notes the 404 status of a missing page itself.
            expected = status == 404 and message.location.get("url") == url and "404" in message.text
            if message.type == "error" and not expected:
                problems.append(f"console: {message.text}")
        page.on("console", console)
        page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
        page.on("requestfailed", lambda r: problems.append(f"failed: {r.url} ({r.failure})"))
        response = page.goto(url, wait_until="networkidle")
        if response.status != status:
            problems.append(f"status {response.status}, expected {status}")
        if action:
            action(page)
            page.wait_for_load_state("networkidle")
        return page, problems

    yield visit
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_load_through_nginx_without_csp_violation_or_console_error(through_nginx, lang):
    problems = []
    for path in PAGES:
        page, seen = through_nginx(f"{lang}/{path}")
        problems += [f"/{lang}/{path}: {p}" for p in seen]
        page.close()
    page, seen = through_nginx(f"{lang}/{MISSING}", status=404)
    assert page.locator("html").get_attribute("lang") == lang
    problems += [f"/{lang}/{MISSING}: {p}" for p in seen]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_works_under_the_policy(through_nginx, lang):
    """Pagefind's script, WebAssembly (compiled under 'wasm-unsafe-eval', without a worker) and
    index load from the site's origin, and a result opens with its words marked."""
    page, problems = through_nginx(f"{lang}/")
    found = search(page, SEARCH_TERMS[lang])
    assert found, "no results"
    page.locator(SEARCH_RESULT).first.click()
    page.wait_for_selector("mark.edition-hit")
    assert not problems, "\n".join(problems)


def test_the_root_lands_on_the_dutch_edition_and_the_palette_switch_works(through_nginx):
    page, problems = through_nginx("")
    assert page.url.endswith("/nl/")
    before = page.get_attribute("body", "data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.reload(wait_until="networkidle")  # the hashed inline script restores the choice
    assert page.get_attribute("body", "data-md-color-scheme") != before
    assert not problems, "\n".join(problems)


def test_the_policy_refuses_code_and_images_that_are_not_the_sites(through_nginx):
    """The control: what the policy must block is blocked and reported, so the tests above can fail."""
    page, problems = through_nginx("nl/")
    page.evaluate("""() => {
        const script = document.createElement("script");
        script.textContent = "window.injected = true;";
        document.body.append(script);
        const image = document.createElement("img");
        image.src = "https://example.org/pixel.png";
        document.body.append(image);
    }""")
    page.wait_for_timeout(300)
    assert page.evaluate("window.injected") is None
    violations = [p for p in problems if p.startswith("CSP: ")]
    assert any("script-src-elem blocked inline" in p for p in violations), problems
    assert any("img-src blocked https://example.org/pixel.png" in p for p in violations), problems
