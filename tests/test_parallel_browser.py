"""The side-by-side view in Chromium: two columns or stacked pairs, the reader's place kept on
the way in and out, popovers in both columns, and printing that keeps each short pair on one
page. (axe, the Nu HTML Checker and text at 200% cover the views with every page: browser_support.)"""
from urllib.parse import urlsplit

import pytest

from browser_support import VIEWPORTS
from pdf_support import pages_text, words

pytestmark = pytest.mark.gate("browser")
VIEW = "parallel/verkenning/actief-burgerschap/"
CHAPTER = "verkenning/actief-burgerschap/"
# A pair longer than this (its longer cell, in characters) may run over a page; a shorter one
# never needs to: at 9.5 pt in a column of A4 this is well under half a page.
SHORT = 900
CELLS = """row => [...document.querySelectorAll(`#${row} .parallel-cell`)].map(cell => {
  const box = cell.getBoundingClientRect(), label = cell.querySelector('.parallel-cell__lang').getBoundingClientRect();
  return {lang: cell.lang, left: box.left, right: box.right, top: box.top, bottom: box.bottom, label: label.width > 1};
})"""


@pytest.mark.parametrize("viewport, font, columns", [("desktop", 16, 2), ("mobile", 16, 1), ("desktop", 32, 1)],
                         ids=["desktop", "phone", "desktop, text 200%"])
def test_two_columns_where_they_fit_else_stacked_pairs_each_labelled(site_url, browser, viewport, font, columns):
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    if font != 16:
        context.new_cdp_session(page).send("Page.setFontSizes", {"fontSizes": {"standard": font, "fixed": font}})
    page.goto(f"{site_url}/nl/{VIEW}")
    first, second = page.evaluate(CELLS, "p-2-4")
    assert (first["lang"], second["lang"]) == ("nl", "en")
    if columns == 2:
        assert second["left"] >= first["right"] and abs(second["top"] - first["top"]) < 2, (first, second)
        assert not first["label"] and page.locator(".parallel-languages").is_visible()
    else:
        assert second["top"] >= first["bottom"] - 1 and first["label"] and second["label"], (first, second)
    context.close()


def centre(locator) -> tuple[float, float]:
    box = locator.bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def visible(page, anchor: str) -> bool:
    return page.evaluate("""id => { const box = document.getElementById(id).getBoundingClientRect();
        return box.top >= document.querySelector('.md-header').getBoundingClientRect().bottom - 2
            && box.top < window.innerHeight; }""", anchor)


def test_links_between_a_chapter_and_its_view_keep_the_paragraph(site_url, browser):
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    # A paragraph's own link (beside its copy-link button) leads to its row.
    page.goto(f"{site_url}/en/{CHAPTER}#p-2-9")
    page.locator("#p-2-9").hover()
    page.locator("#p-2-9 a.edition-parallel-row").click()
    page.wait_for_url(f"**/en/{VIEW}#p-2-9")
    assert visible(page, "p-2-9")
    # Reading 2.12 in the view, the reader opens the chapter alone in the other language.
    page.evaluate("document.getElementById('p-2-12').scrollIntoView()")
    page.evaluate("document.querySelector('.parallel-lead a[hreflang=nl]').click()")  # as by keyboard: no scroll
    page.wait_for_url(f"**/nl/{CHAPTER}#p-2-12")
    assert visible(page, "p-2-12")
    # Back at the title, the link under it leads to the paragraph the address names.
    page.evaluate("window.scrollTo(0, 0)")
    page.locator("a.edition-parallel__link").click()
    page.wait_for_url(f"**/nl/{VIEW}#p-2-12")
    # The language switch leads to the view's twin, at the same row.
    # By the mouse, as a reader: Playwright's hover() and click() first scroll the sticky
    # header's menu "into view", which moves the page and so the place the switch keeps.
    page.mouse.move(*centre(page.locator(".md-select").first))
    link = page.locator("a.md-select__link[hreflang='en']")
    link.wait_for(state="visible")
    page.mouse.click(*centre(link))
    page.wait_for_url(f"**/en/{VIEW}*")
    assert urlsplit(page.url).path == f"/en/{VIEW}" and urlsplit(page.url).fragment == "p-2-12"
    assert visible(page, "p-2-12")
    context.close()


def test_concept_popover_and_footnote_popover_in_the_second_column(site_url, browser):
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    page.goto(f"{site_url}/nl/{VIEW}")
    link = page.locator(".parallel-cell[lang='en'] a.concept-link").first
    definition = page.locator(f"#{link.get_attribute('aria-describedby')}")
    link.hover()
    popover = page.locator(".concept-popover")
    popover.wait_for(state="visible")
    assert popover.get_attribute("lang") == "en" and definition.inner_text()[:40] in popover.inner_text()
    page.mouse.move(0, 0)
    call = page.locator(".parallel-cell[lang='en'] a.footnote-ref").first
    note = page.locator(call.get_attribute("href").replace(":", "\\:")).inner_text().strip()[:30]
    call.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible")
    assert note in tooltip.inner_text() and note in page.locator("div.parallel-cell[lang='en'] .footnote").inner_text()
    context.close()


@pytest.mark.parametrize("path", [f"en/{VIEW}", "nl/parallel/voorbeelden/"])
def test_printing_keeps_each_short_pair_on_one_page(site_url, browser, tmp_path, path):
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    page.goto(f"{site_url}/{path}", wait_until="networkidle")
    rows = page.evaluate("""() => [...document.querySelectorAll('.parallel-row[id]')].map(row => ({id: row.id,
        cells: [...row.querySelectorAll('.parallel-cell')].map(cell => {
          const copy = cell.cloneNode(true);
          copy.querySelectorAll('.parallel-cell__lang, sup').forEach(e => e.remove());
          return copy.textContent; })}))""")
    pdf = tmp_path / "view.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    context.close()
    printed = [words(text) for text in pages_text(pdf)]
    short = [row for row in rows if max(len(cell) for cell in row["cells"]) < SHORT]
    split = []
    for row in short:
        ends = [" ".join(words(cell).split()[:6]) for cell in row["cells"]]
        ends += [" ".join(words(cell).split()[-6:]) for cell in row["cells"]]
        if not any(all(f" {end} " in text for end in ends) for text in printed):
            split.append(row["id"])
    assert len(printed) > 1 and len(short) > len(rows) / 2, (len(printed), len(short), len(rows))
    assert not split, f"short pairs split over two pages: {split}"
