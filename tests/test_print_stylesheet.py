"""Printing a web page from the browser (print.css): the text, its paragraph numbers and
footnotes on a clean A4 page, without the site's chrome, external links with their address."""
import subprocess

from bs4 import BeautifulSoup

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


# --- Printing any page shows text, numbers and footnotes only (issue 14) ------------------------
# One page of each kind, in both languages: the pages are made from a few templates.
KINDS_OF_PAGE = ["", "verkenning/actief-burgerschap/", "voorbeelden/", "dialoog/", "begrippen/", "begrippen/kaart/",
                 "begrippen/eigen-kracht/", "gespreksleidraad/", "in-het-kort/", "personen-en-organisaties/",
                 "bronnen/", "over-deze-uitgave/"]
# What is operated rather than read, shown in print: a control, an icon, a panel or a popover.
CONTROLS = """() => {
  const shown = el => el.checkVisibility({visibilityProperty: true, opacityProperty: true})
    && el.getBoundingClientRect().width > 0;
  const name = el => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;
  const found = [...document.querySelectorAll('button, input, select, textarea, details, summary, svg, nav, '
      + '[role=dialog], [role=button], [role=status]:not(:empty), .md-tooltip2, .concept-popover, .edition-howto')]
    .filter(el => shown(el) && !el.closest('figure')).map(name);
  for (const el of document.querySelectorAll('.md-container *')) {
    for (const pseudo of ['::before', '::after']) {
      const style = getComputedStyle(el, pseudo);
      const mask = style.maskImage || style.webkitMaskImage || 'none';
      if (style.content !== 'none' && mask !== 'none' && shown(el)) found.push(name(el) + pseudo);
    }
  }
  return found.slice(0, 5);
}"""


def test_printing_any_kind_of_page_shows_no_controls_icons_or_panels(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.emulate_media(media="print")
    problems = []
    for lang in LANGUAGES:
        for path in KINDS_OF_PAGE:
            page.goto(f"{site_url}/{lang}/{path}")
            problems += [f"{lang}/{path}: {what}" for what in page.evaluate(CONTROLS)]
    context.close()
    assert not problems, "printed although operated rather than read:\n" + "\n".join(problems)


# The words of what the web adds for the screen; none may be in a printed page's text.
SCREEN_ONLY = ("summary_label", "cite_title_publication", "cite_choose", "pdf_downloads", "handout_links_title",
               "concepts_howto_pointer", "concepts_howto_touch", "concepts_map_howto_pointer",
               "concepts_map_howto_touch", "concepts_touch_hint", "copy_link")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_print_to_pdf_in_chromium_gives_text_numbers_and_footnotes_only(browser, site_url, site, lang, tmp_path,
                                                                        paragraphs):
    from edition.project import default_project
    from pdf_support import pages_text, words
    strings = default_project().strings(lang)
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    problems = []
    for path in ("", "verkenning/actief-burgerschap/", "begrippen/", "begrippen/kaart/", "gespreksleidraad/"):
        page.goto(f"{site_url}/{lang}/{path}", wait_until="networkidle")
        target = tmp_path / f"{lang}-{path.strip('/').replace('/', '-') or 'home'}.pdf"
        page.pdf(path=str(target), prefer_css_page_size=True)
        text = words(" ".join(pages_text(target)))
        problems += [f"{path}: {key}" for key in SCREEN_ONLY
                     if words(strings[key].split("{")[0])[:60].strip() and words(strings[key].split("{")[0])[:60] in text]
        reading = strings["reading_time_many"].split("{")[0]
        if words(reading) in text:
            problems.append(f"{path}: the reading time")
        if path == "verkenning/actief-burgerschap/":
            chapter = paragraphs[lang]["verkenning/actief-burgerschap.md"]
            raw = " ".join(pages_text(target))
            numbers = [block["number"] for block in chapter["blocks"]]
            missing = [n for n in numbers if n not in raw]
            if missing:
                problems.append(f"{path}: paragraph numbers not printed: {missing}")
            notes = [li.get_text(" ", strip=True) for li in BeautifulSoup(
                (site / lang / path / "index.html").read_text(encoding="utf-8"), "lxml").select("div.footnote li")]
            problems += [f"{path}: footnote {note[:30]!r} not printed" for note in notes if words(note)[:50] not in text]
    context.close()
    assert not problems, f"{lang}: printed from the browser:\n" + "\n".join(problems)
