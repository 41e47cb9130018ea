"""What the browser gates share: the pages of the built site, the audit tools, one browser.

Pages are read from the built site (each language's sitemap, the pages it leaves out on purpose,
its 404 page and the root page), never from a list, so the gates cover every page that later work adds.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

from edition.project import LANGUAGES
from edition.project import default_project
from edition.projector.decks import AGENDA_DECK, FOLDER as PROJECTOR_FOLDER

PROJECT = default_project()

NODE_MODULES = PROJECT.root / "node_modules"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
VIEWPORTS = {"mobile": {"width": 375, "height": 740}, "desktop": {"width": 1280, "height": 800}}
# Material chooses the palette whose media query matches on a first visit: emulating the
# reader's colour-scheme preference is how a reader gets each palette.
PALETTES = {"light": "light", "dark": "dark"}
PALETTE_SCHEMES = {"light": "default", "dark": "slate"}
NOINDEX = '<meta name="robots" content="noindex'
FORWARDS = '<meta http-equiv="refresh"'


def sitemap_paths(site: Path, lang: str) -> list[str]:
    """URL paths ("nl/verkenning/inleiding/") of the pages in a language's sitemap."""
    text = (site / lang / "sitemap.xml").read_text(encoding="utf-8")
    paths = []
    for location in re.findall(r"<loc>([^<]+)</loc>", text):
        path = urlsplit(location).path.lstrip("/")
        if not path.startswith(f"{lang}/"):
            raise AssertionError(f"{lang}/sitemap.xml lists {location}, outside /{lang}/")
        paths.append(path)
    return paths


def content_pages(site: Path) -> dict[str, list[str]]:
    """Per language, the URL paths of its pages (from its sitemap)."""
    return {lang: sitemap_paths(site, lang) for lang in LANGUAGES}


def unlisted_pages(site: Path, lang: str) -> list[str]:
    """URL paths of the pages that a sitemap leaves out on purpose, because search engines are
    asked not to index them (the side-by-side views: edition/web/robots.py). The short addresses
    (g/1/ ...) are not pages to read: they forward at once (tested in tests/test_pdf_handout.py)."""
    pages = []
    for file in sorted((site / lang).rglob("index.html")):
        text = file.read_text(encoding="utf-8")
        path = file.parent.relative_to(site).as_posix() + "/"
        # The projector view's decks are slides, not Material's reading pages: the every-page
        # gates (Material's header, search, language switch, text at 200 %) do not apply to
        # them. tests/test_projector*.py audit them (axe, type size, keys, print); the static
        # checks take them through every_html_file.
        if NOINDEX in text and FORWARDS not in text and not path.startswith(f"{lang}/{PROJECTOR_FOLDER}/"):
            pages.append(path)
    return pages


def projector_pages(site: Path, lang: str) -> list[str]:
    """URL paths of the projector view's decks ("nl/projectie/dialoog/"): all, or in quick mode
    the agenda's and one concept's."""
    pages = sorted(file.parent.relative_to(site).as_posix() + "/"
                   for file in (site / lang / PROJECTOR_FOLDER).glob("*/index.html"))
    if QUICK:
        pages = [path for path in pages if path.split("/")[2] in (AGENDA_DECK, "eigen-kracht")]
    return pages


# scripts/test --quick: the browser gates on a sample of each kind of page, not on every page.
QUICK = bool(os.environ.get("DTD_QUICK"))
# One page of each kind: the home page, an essay chapter, the glossary, the concept map, a concept,
# a side-by-side view and the 404 page.
SAMPLE = ("", "verkenning/kracht-en-macht/", "begrippen/", "begrippen/kaart/", "begrippen/eigen-kracht/",
          "parallel/verkenning/kracht-en-macht/", "404.html")


def every_page(site: Path, languages: tuple[str, ...] = LANGUAGES) -> list[str]:
    """Every page a reader sees: both sitemaps, the pages they leave out on purpose and each
    language's 404 page (a sample of them in quick mode)."""
    pages = []
    for lang in languages:
        pages += sitemap_paths(site, lang) + unlisted_pages(site, lang) + [f"{lang}/404.html"]
    if QUICK:
        pages = [path for path in pages if path.split("/", 1)[1] in SAMPLE]
    return pages


def every_html_file(site: Path) -> list[Path]:
    """Every page plus the root page (which redirects at once, so a browser never shows it) and
    the projector view's decks."""
    decks = [path for lang in LANGUAGES for path in projector_pages(site, lang)]
    return [site / "index.html"] + [page_html_file(site, path) for path in every_page(site) + decks]


def page_html_file(site: Path, path: str) -> Path:
    target = site / path
    return target / "index.html" if path == "" or path.endswith("/") else target


def counterpart(path: str, lang: str) -> str:
    """nl/verkenning/inleiding/ -> en/verkenning/inleiding/"""
    return re.sub(r"^[a-z]{2}/", f"{lang}/", path)


def tool_versions(browser_version: str) -> dict[str, str]:
    lock = json.loads((PROJECT.root / "package-lock.json").read_text(encoding="utf-8"))
    packages = lock["packages"]
    return {"axe-core": packages["node_modules/axe-core"]["version"],
            "vnu-jar": packages["node_modules/vnu-jar"]["version"],
            "chromium": browser_version}


def missing_tools() -> list[str]:
    missing = [str(p.relative_to(PROJECT.root)) for p in (AXE_SCRIPT, VNU_JAR) if not p.exists()]
    missing += [name for name in ("chromium", "java") if not shutil.which(name)]
    return missing


def run_vnu(files: list[Path]) -> list[dict]:
    """The Nu HTML Checker's errors for the files, in one Java run."""
    result = subprocess.run(["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json",
                             *map(str, files)], capture_output=True, text=True)
    return json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]


# The rules whose outcome depends on the colours: all that changes between the light and the
# dark palette (Material switches CSS colour variables; the DOM stays the same).
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def run_axe(page, colours_only: bool = False) -> list[dict]:
    """axe-core's WCAG 2.x A/AA violations on the page as it is now (or only its colour rules)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    only = {"type": "rule", "values": COLOUR_RULES} if colours_only else {"type": "tag", "values": AXE_TAGS}
    return page.evaluate("""only => axe.run(document, {runOnly: only,
        resultTypes: ['violations']}).then(r => r.violations.map(v => ({id: v.id, impact: v.impact,
        help: v.help, targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')),
        summary: (v.nodes[0] || {}).failureSummary || ''})))""", only)


# A word from section 3 in each language (the search gate's example queries).
SEARCH_TERMS = {"nl": "zelfbeleving", "en": "critical awareness"}
SEARCH_FIELD = "input.md-search__input"
SEARCH_RESULT = "a.edition-search__hit"
# The search box says which input its results are for (assets/javascripts/search.js).
SEARCHED = "q => document.querySelector('[data-edition-search]').dataset.searched === q"


def open_search(page) -> None:
    """Go to the search as a reader does: the header's search button on a phone, else the field."""
    opener = page.locator("button.edition-search-open")
    if opener.is_visible():
        opener.click()
    else:
        page.locator(SEARCH_FIELD).click()
    page.wait_for_function("() => document.activeElement.matches('input.md-search__input')")


def search(page, query: str, typed: bool = True) -> list[str]:
    """Search as a reader does (key by key, or pasted); the result links' URLs, in order."""
    field = page.locator(SEARCH_FIELD)
    if not field.evaluate("f => f === document.activeElement"):
        open_search(page)
    if field.input_value() == query:
        # The same input again (or "" in a search not yet used): go through another input first,
        # so that the answer awaited is a new one.
        other = "" if query else "x"
        field.fill(other)
        page.wait_for_function(SEARCHED, arg=other, timeout=10_000)
    elif field.input_value() and typed:
        field.fill("")
    if typed:
        field.press_sequentially(query, delay=20)
    else:
        field.fill(query)
    page.wait_for_function(SEARCHED, arg=query, timeout=10_000)
    return page.eval_on_selector_all(SEARCH_RESULT, "links => links.map(a => a.href)")
