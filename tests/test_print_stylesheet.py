"""Printing a web page from the browser (print.css): the text, its paragraph numbers and
footnotes on a clean A4 page, without the site's chrome, external links with their address."""
import subprocess

import pytest

from edition.project import LANGUAGES

CHROME = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
          ".md-search", ".md-top", ".edition-downloads"]


@pytest.fixture(scope="module")
def printed(browser, site_url):
    """A chapter with footnotes, per language, as the browser lays it out for print."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    pages = {}
    for lang in LANGUAGES:
        page = context.new_page()
        page.emulate_media(media="print")
        page.goto(f"{site_url}/{lang}/verkenning/actief-burgerschap/", wait_until="networkidle")
        pages[lang] = page
    yield pages
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_print_hides_navigation_search_header_and_footer(printed, lang):
    page = printed[lang]
    shown = [selector for selector in CHROME
             if page.locator(selector).count() and page.locator(selector).first.is_visible()]
    assert not shown, f"printed although it is web chrome: {shown} (print.css)"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_print_keeps_paragraph_numbers_in_the_margin_and_the_footnotes(printed, lang):
    page = printed[lang]
    number = page.locator("a.paranum").first
    paragraph = page.locator("#p-2-1")
    assert number.is_visible() and number.inner_text() == "2.1"
    assert number.bounding_box()["x"] + number.bounding_box()["width"] <= paragraph.bounding_box()["x"] + 1, \
        "the paragraph number is not in the margin"
    calls = page.locator("sup[id^='fnref']").count()
    assert page.locator("div.footnote").is_visible() and page.locator("div.footnote li").count() == calls > 0


@pytest.mark.parametrize("lang", LANGUAGES)
def test_print_gives_the_address_of_external_links(printed, lang):
    page = printed[lang]
    page.evaluate("""document.querySelector('#p-2-2').insertAdjacentHTML('beforeend',
        ' <a id="print-probe" href="https://example.org/x">elders</a> <a id="print-internal" href="../inleiding/">hier</a>')""")
    after = page.evaluate("""[...['#print-probe', '#print-internal']].map(
        s => getComputedStyle(document.querySelector(s), '::after').content)""")
    assert "https://example.org/x" in after[0], f"external link prints {after[0]}"
    assert "inleiding" not in after[1], f"internal link prints its address: {after[1]}"


def test_print_is_a4(printed, tmp_path):
    target = tmp_path / "printed.pdf"
    printed["nl"].pdf(path=str(target), prefer_css_page_size=True)
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info, info
