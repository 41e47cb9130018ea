"""WCAG 2.1 AA (axe-core) and valid HTML (Nu HTML Checker) on every page; the statement."""
import json
import re

import pytest
from bs4 import BeautifulSoup

from accessibility_run import note
from browser_support import (PALETTES, SEARCH_RESULT, VIEWPORTS, every_html_file,
                             every_page, page_html_file, run_axe, run_vnu, search, tool_versions)
from edition.reader import accessibility_statement as accessibility_run
from edition.errors import ContentError
from edition.project import LANGUAGES
from edition.project import default_project

PROJECT = default_project()

STATEMENT = "toegankelijkheid/"


@pytest.mark.gate("axe")
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_axe_finds_no_wcag_a_or_aa_violation_on_any_page(browser, page_audit, viewport, lang):
    """Every page at each viewport: every rule in one palette, the colour rules in the other (the DOM
    stays the same; only the colours change), in the pass of tests/page_audit.py."""
    audit = page_audit(lang)
    problems = audit.axe[viewport]
    note("tools", tool_versions(browser.version))
    note("pages", {lang: len(audit.pages)})  # its sitemap, the unlisted views and its 404
    note("axe_checks", audit.axe_checks[viewport])
    assert audit.axe_checks[viewport] == 2 * len(audit.pages)
    assert not problems, (f"axe-core found {len(problems)} problem(s) (fix them in overrides/, e.g. "
                          "assets/stylesheets/edition.css):\n" + "\n".join(problems))


# A typo: the open search then shows its suggestion, the results for it, and their excerpts.
SEARCH_WITH_SUGGESTION = {"nl": "empowermnet", "en": "empowermnet"}


@pytest.mark.gate("axe")
@pytest.mark.parametrize("lang", LANGUAGES)
def test_axe_finds_no_violation_in_the_open_search_nor_where_a_result_lands(site_url, browser, lang):
    """The search dialog open with results (and a suggestion), then the page a result opens with
    its words marked, in each palette on a phone and a desktop."""
    problems = []
    for viewport, size in VIEWPORTS.items():
        for palette, color_scheme in PALETTES.items():
            context = browser.new_context(viewport=size, color_scheme=color_scheme)
            page = context.new_page()
            page.goto(f"{site_url}/{lang}/")
            assert search(page, SEARCH_WITH_SUGGESTION[lang], typed=False), "no results"
            found = [f"search ({viewport}, {palette}): {v['id']}: {v['help']} at {', '.join(v['targets'])}"
                     f"\n    {v['summary'][:300]}" for v in run_axe(page)]
            page.locator(SEARCH_RESULT).first.click()
            page.wait_for_selector("mark.edition-hit")
            found += [f"landing {page.url} ({viewport}, {palette}): {v['id']}: {v['help']} at {', '.join(v['targets'])}"
                      f"\n    {v['summary'][:300]}" for v in run_axe(page)]
            problems += found
            context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.gate("html")
def test_every_page_is_valid_html(site):
    files = every_html_file(site)
    errors = run_vnu(files)
    described = [f"{m.get('url', '').replace('file:' + str(site), '')}:{m.get('lastLine')}: "
                 f"{m['message']}\n    {m.get('extract', '').strip()[:160]!r}" for m in errors]
    assert len(files) > 2 * len(LANGUAGES)
    assert not errors, (f"the Nu HTML Checker found {len(errors)} error(s) in {len(files)} pages "
                        "(fix the template or edition/web/material_markup.py):\n" + "\n".join(described[:40]))


def test_accessibility_statement_exists_in_both_languages_last_in_the_nav(site):
    for lang in LANGUAGES:
        soup = BeautifulSoup(page_html_file(site, f"{lang}/{STATEMENT}").read_text(encoding="utf-8"), "lxml")
        assert soup.h1.get_text(strip=True) == PROJECT.strings(lang)["accessibility_statement"]
        top_level = soup.select("nav.md-nav--primary > ul > li > a, nav.md-nav--primary > ul > li > label")
        assert top_level[-1].get_text(strip=True) == PROJECT.strings(lang)["accessibility_statement"], \
            f"{lang}: the statement is not the last item of the nav (mkdocs.yml nav:)"


def test_every_page_links_to_the_accessibility_statement_in_its_language(site):
    missing = []
    for path in every_page(site):
        lang = path.split("/", 1)[0]
        file = page_html_file(site, path)
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")
        link = soup.select_one("footer .md-copyright a.md-copyright__statement")
        target = link and link["href"]
        if target and target.startswith("/"):
            resolved = (site / target.lstrip("/")).resolve()
        elif target:
            resolved = (file.parent / target).resolve()
        if not target or resolved != (site / lang / STATEMENT).resolve():
            missing.append(f"{path}: {target!r}")
    assert not missing, "footer without a link to the statement (partials/copyright.html):\n" + "\n".join(missing)


def test_statement_shows_the_last_recorded_run_and_nothing_more(site):
    run = accessibility_run.load_run(PROJECT)
    for lang in LANGUAGES:
        strings = PROJECT.strings(lang)
        text = BeautifulSoup(page_html_file(site, f"{lang}/{STATEMENT}").read_text(encoding="utf-8"),
                             "lxml").select_one("article").get_text(" ")
        assert "[[" not in text
        if run is None:
            assert strings["a11y_not_run"] in text
            continue
        for value in accessibility_run.facts(run, lang, strings).values():
            assert value in text, f"{lang}: the statement does not show {value!r} from {accessibility_run.RUN_FILE}"
        for gate in accessibility_run.GATES:
            result = strings["a11y_passed" if run["gates"].get(gate, {}).get("passed") else "a11y_failed"]
            assert re.search(re.escape(strings[f"a11y_gate_{gate}"]) + r"\s*" + re.escape(result), text), \
                f"{lang}: the statement misreports the {gate} gate"


def test_statement_without_a_recorded_run_says_so_and_shows_no_facts():
    strings = PROJECT.strings("en")
    page = "Intro.\n\nTested on [[run_date]] with axe-core [[axe_core]].\n\n<!-- accessibility-run -->\n"
    rendered = accessibility_run.render(page, None, "en", strings, "docs/en/toegankelijkheid.md")
    assert "[[" not in rendered and strings["a11y_not_run"] in rendered and "Intro." in rendered


def test_statement_with_an_unknown_placeholder_fails_naming_the_line():
    run = json.loads('{"date": "2026-11-25", "tools": {"axe-core": "1", "vnu-jar": "2", "chromium": "3"},'
                     ' "pages": {"nl": 2, "en": 2}, "axe_checks": 8, "gates": {}}')
    with pytest.raises(ContentError) as error:
        accessibility_run.render("# T\n\nOn [[run_dat]].\n\n<!-- accessibility-run -->\n", run, "en",
                                 PROJECT.strings("en"), "docs/en/toegankelijkheid.md")
    assert str(error.value).startswith("docs/en/toegankelijkheid.md:3: unknown placeholder [[run_dat]]")


def test_search_dialog_has_a_name_on_every_page(site):
    unnamed = [path for path in every_page(site)
               if not BeautifulSoup(page_html_file(site, path).read_text(encoding="utf-8"), "lxml")
               .select_one('div.md-search[role="dialog"][aria-label]')]
    assert not unnamed, "search dialog without aria-label (overrides/partials/search.html): " + ", ".join(unnamed)


def test_statement_without_its_marker_line_fails_naming_the_file():
    with pytest.raises(ContentError) as error:
        accessibility_run.render("# T\n\nNo marker.\n", None, "nl", PROJECT.strings("nl"), "docs/nl/toegankelijkheid.md")
    assert str(error.value).startswith("docs/nl/toegankelijkheid.md: the page needs the line <!-- accessibility-run -->")
