"""Share and cite: paragraph links, the copy-link button (Clipboard API, fallback, keyboard), the
highlight of #p-3-4, and the APA / BibTeX / RIS references of the publication, each chapter and
each paragraph."""
import json
import re

import pytest

from browser_support import VIEWPORTS
from conftest import article, page_file
from edition.reader import cite_panel
from edition.reader.citation_formats import NUMBER_TOKEN
from edition.project import LANGUAGES
from edition.build import DEFAULT_SITE_URL
from edition.project import default_project

PROJECT = default_project()

EXAMPLE = ("verkenning/doel-en-doelgroepen.md", "3.4")  # the paragraph staff cite in the issue
PAGES = ["index.md"] + [chapter.src for chapter in PROJECT.chapters()]
PUB = PROJECT.publication()
YEARS = f"{PUB.year}/{PUB.edition_date.year}"  # "2010/2026": the original's and this edition's


def reader_data(site, lang, src) -> dict:
    block = article(page_file(site, lang, src)).find("script", id=cite_panel.DATA_ID)
    assert block is not None and block.get("type") == "application/json", f"{lang}/{src}: no data block"
    return json.loads(block.string)


def fill(template: str, number: str) -> str:
    return template.replace(NUMBER_TOKEN, number)


def test_every_paragraph_number_links_to_its_own_paragraph(site, paragraphs):
    for lang in LANGUAGES:
        for src, page in paragraphs[lang].items():
            body = article(page_file(site, lang, src))
            for block in page["blocks"]:
                number = body.find(id=block["anchor"]).find("a", class_="paranum")
                assert number["href"] == f"#{block['anchor']}" and number.get_text() == block["number"]


def test_script_strings_come_from_interface_yml(site):
    for lang in LANGUAGES:
        for src in PAGES:
            data = reader_data(site, lang, src)
            assert data["strings"] == {key: PROJECT.strings(lang)[key] for key in cite_panel.SCRIPT_STRINGS}


def test_cite_panel_names_the_edition_and_matches_the_downloadable_files(site):
    problems = []
    for lang in LANGUAGES:
        strings = PROJECT.strings(lang)
        for src in PAGES:
            body = article(page_file(site, lang, src))
            panel = body.select_one(".edition-reader details.edition-cite")  # under the title, or at the end (home)
            data = reader_data(site, lang, src)
            shown = data["cite"][data["cite"]["current"]]
            where = f"{lang}/{src}"
            if panel is None or panel.has_attr("open"):
                problems.append(f"{where}: no closed cite panel under the title")
                continue
            apa = " ".join(panel.select_one("[data-format=apa]").get_text(" ").split())
            if strings["cite_edition"] not in apa or not apa.endswith(shown["formats"]["apa"]["text"].split()[-1]):
                problems.append(f"{where}: APA text {apa!r}")
            for fmt in ("bibtex", "ris"):
                code = panel.select_one(f"pre[data-format={fmt}] code").get_text()
                link = panel.select_one(f"a.edition-cite__download[data-format={fmt}]")
                file = page_file(site, lang, src).parent / link["href"]
                if not file.exists():
                    problems.append(f"{where}: {link['href']} missing")
                    continue
                if file.read_bytes().decode("utf-8").replace("\r\n", "\n") != code or code != shown["formats"][fmt]:
                    problems.append(f"{where}: the {fmt} file differs from the text shown")
    assert not problems, "\n".join(problems)


def test_references_are_well_formed(site):
    for lang in LANGUAGES:
        data = reader_data(site, lang, EXAMPLE[0])
        for kind in ("publication", "chapter"):
            bib = data["cite"][kind]["formats"]["bibtex"]
            assert re.match(r"^@(book|incollection)\{durftedromen2010-" + lang, bib), bib
            assert bib.count("{") == bib.count("}"), bib
            for field in ("author", "title", "publisher", "year", "url"):
                assert re.search(rf"^  {field}\s+= ", bib, re.M), (kind, field)
            ris = data["cite"][kind]["formats"]["ris"].splitlines()
            assert ris[0] in ("TY  - BOOK", "TY  - CHAP") and ris[-1] == "ER  - ", ris
            assert all(re.match(r"^[A-Z][A-Z0-9]  - ", line) for line in ris), ris


def test_a_paragraph_reference_names_its_number_edition_and_address(site):
    """APA 7: the locator belongs to the in-text citation, the reference names the chapter (with
    the paragraph's address); BibTeX and RIS keep the number as a note."""
    src, number = EXAMPLE
    for lang in LANGUAGES:
        strings = PROJECT.strings(lang)
        template = reader_data(site, lang, src)["cite"]["paragraph"]["formats"]
        apa = fill(template["apa"]["text"], number)
        url = f"{DEFAULT_SITE_URL}{lang}/3.4"  # the short address
        assert f"[{strings['cite_edition']}]." in apa and number not in apa.replace(url, ""), apa
        assert apa.endswith(f"{url} ({strings['cite_original'].format(year=PUB.year)})"), apa
        assert fill(template["intext"], number) == f"(De Gruijter, {YEARS}, {strings['cite_paragraph_short']} {number})"
        assert f"url       = {{{url}}}" in fill(template["bibtex"], number)
        assert f"N1  - {strings['cite_paragraph_short']} {number}" in fill(template["ris"], number)
        assert f"UR  - {url}" in fill(template["ris"], number)


def test_the_author_has_one_form_in_both_languages_and_the_edition_its_date(site):
    """APA 7 keeps a particle before the surname as the name is written; without the given name
    Dutch writes it with a capital: "De Gruijter, M." in both editions, sorted under D. The
    reference is this web edition's (2026), the brochure's year the original's (APA 7, 9.41)."""
    forms = {}
    for lang in LANGUAGES:
        strings = PROJECT.strings(lang)
        chapter = reader_data(site, lang, EXAMPLE[0])["cite"]["chapter"]["formats"]
        forms[lang] = chapter["apa"]["text"].split(" (")[0]
        assert chapter["apa"]["text"].startswith(f"De Gruijter, M. ({PUB.edition_date.year}). 3."), chapter["apa"]["text"]
        assert f"({strings['cite_original'].format(year=PUB.year)})" in chapter["apa"]["text"]
        assert chapter["intext"] == f"(De Gruijter, {YEARS})"
        assert "author    = {De Gruijter, Marjan}" in chapter["bibtex"] and f"origdate  = {{{PUB.date}}}" in chapter["bibtex"]
        assert "AU  - De Gruijter, Marjan" in chapter["ris"]
        assert f"DA  - {PUB.edition_date:%Y/%m/%d}" in chapter["ris"]
        publication = reader_data(site, lang, "index.md")["cite"]["publication"]["formats"]
        assert publication["intext"] == f"(Gemeente Delft, {YEARS})"
    assert len(set(forms.values())) == 1, forms


@pytest.fixture
def clipboard_page(browser):
    contexts = []

    def open_page(viewport="desktop", clipboard=True):
        context = browser.new_context(viewport=VIEWPORTS[viewport],
                                      permissions=["clipboard-read", "clipboard-write"])
        if not clipboard:  # a browser without the Clipboard API
            context.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined});")
        contexts.append(context)
        return context.new_page()
    yield open_page
    for context in contexts:
        context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_copy_link_button_copies_the_paragraph_address_with_the_keyboard(site_url, clipboard_page, lang):
    page = clipboard_page()
    address = f"{site_url}/{lang}/verkenning/doel-en-doelgroepen/"
    page.goto(address)
    page.focus("#p-3-4 a.paranum")
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.classList.contains('edition-copylink'),"
                            " document.activeElement.getAttribute('aria-label'),"
                            " getComputedStyle(document.activeElement).opacity]")
    assert focused == [True, PROJECT.strings(lang)["copy_link"].format(n="3.4"), "1"], focused
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('body > [role=status]').textContent !== ''")
    # The short address, which forwards to the paragraph; shown beside the button to read it out.
    short = f"{site_url}/{lang}/3.4"
    assert page.evaluate("navigator.clipboard.readText()") == short
    assert page.locator("body > [role=status]").text_content() == PROJECT.strings(lang)["link_copied"]
    shown = page.locator("#p-3-4 .edition-copylink__status").text_content()
    assert shown == PROJECT.strings(lang)["link_copied_address"].format(url=short.split("://", 1)[1]), shown
    page.goto(short)
    page.wait_for_url(f"{address}#p-3-4")


def test_without_the_clipboard_api_the_link_is_shown_selected(site_url, clipboard_page):
    page = clipboard_page(clipboard=False)
    page.goto(f"{site_url}/nl/verkenning/doel-en-doelgroepen/")
    page.hover("#p-3-4")
    page.click("#p-3-4 button.edition-copylink")
    field = page.locator("#p-3-4 .edition-copylink__field input")
    assert field.input_value() == f"{site_url}/nl/3.4"
    assert page.evaluate("document.activeElement.selectionEnd - document.activeElement.selectionStart") \
        == len(field.input_value())
    page.wait_for_function("document.querySelector('body > [role=status]').textContent !== ''")
    assert page.locator("body > [role=status]").text_content() == PROJECT.strings("nl")["copy_failed"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_following_a_paragraph_link_highlights_it(site_url, clipboard_page, lang):
    page = clipboard_page()
    page.goto(f"{site_url}/{lang}/verkenning/doel-en-doelgroepen/#p-3-4")
    colours = page.evaluate("""['p-3-4', 'p-3-5'].map(id =>
        getComputedStyle(document.getElementById(id)).backgroundColor)""")
    assert colours[0] not in ("rgba(0, 0, 0, 0)", "transparent") and colours[1] in ("rgba(0, 0, 0, 0)", "transparent"), colours
    assert page.evaluate("getComputedStyle(document.querySelector('#p-3-4 button.edition-copylink')).opacity") == "1"


def test_on_a_phone_tapping_the_number_marks_the_paragraph_and_shows_the_button(site_url, clipboard_page):
    page = clipboard_page("mobile")
    page.goto(f"{site_url}/nl/verkenning/doel-en-doelgroepen/")
    assert not page.locator("#p-3-4 button.edition-copylink").is_visible()
    page.click("#p-3-4 a.paranum")
    assert page.locator("#p-3-4 button.edition-copylink").is_visible()


def test_cite_panel_offers_a_paragraph_with_its_own_download(site_url, clipboard_page):
    page = clipboard_page()
    page.goto(f"{site_url}/en/verkenning/doel-en-doelgroepen/#p-3-4")
    page.click("details.edition-cite > summary")
    assert page.locator("select.edition-cite__choice").input_value() == "p-3-4"
    assert page.locator(".edition-cite__text[data-format=intext]").text_content() == f"(De Gruijter, {YEARS}, para. 3.4)"
    assert "3.4" not in page.locator(".edition-cite__text[data-format=apa]").text_content().split("https://")[0]
    link = page.locator("a.edition-cite__download[data-format=bibtex]")
    assert link.get_attribute("href").startswith("blob:") and link.get_attribute("download") == "durf-te-dromen-en-3.4.bib"
    page.select_option("select.edition-cite__choice", "publication")
    assert link.get_attribute("href") == "../../cite/durf-te-dromen.bib"
    page.click(".edition-cite dd[data-format=apa] button.edition-cite__copy")
    page.wait_for_function("document.querySelector('body > [role=status]').textContent !== ''")  # copied
    assert page.evaluate("navigator.clipboard.readText()").startswith(f"Gemeente Delft. ({PUB.edition_date.year}). Durf te Dromen")


CLIPBOARD = """async () => { const [item] = await navigator.clipboard.read();
  const read = async (type) => item.types.includes(type) ? (await item.getType(type)).text() : null;
  return {plain: await read('text/plain'), html: await read('text/html')}; }"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_copying_the_reference_keeps_the_italic_title_beside_plain_text(site, site_url, clipboard_page, lang):
    page = clipboard_page()
    page.goto(f"{site_url}/{lang}/verkenning/doel-en-doelgroepen/")
    page.click("details.edition-cite > summary")
    page.click(".edition-cite dd[data-format=apa] button.edition-cite__copy")
    page.wait_for_function("document.querySelector('body > [role=status]').textContent !== ''")
    copied = page.evaluate(CLIPBOARD)
    formats = reader_data(site, lang, EXAMPLE[0])["cite"]["chapter"]["formats"]["apa"]
    assert copied["plain"] == formats["text"], copied
    book = re.search(r"<i>(.+?)</i>", formats["html"]).group(1)
    assert copied["html"] is not None and f"<i>{book}</i>" in copied["html"], copied
    page.click(".edition-cite dd[data-format=intext] button.edition-cite__copy")
    expected = f"(De Gruijter, {YEARS})"
    for _ in range(100):  # the copy is asynchronous, and the status still says the last one
        if page.evaluate("navigator.clipboard.readText()") == expected:
            break
        page.wait_for_timeout(50)
    assert page.evaluate("navigator.clipboard.readText()") == expected


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_opened_summary_and_cite_panel_pass_axe(site_url, browser, scheme):
    """The accessibility gate audits pages as they load (panels closed): here they are open,
    with a paragraph chosen and a link copied."""
    from browser_support import run_axe
    context = browser.new_context(viewport=VIEWPORTS["desktop"], color_scheme=scheme,
                                  permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{site_url}/nl/verkenning/doel-en-doelgroepen/#p-3-4")
    for summary in page.locator(".edition-reader details > summary").all():
        summary.click()
    page.click("#p-3-4 button.edition-copylink")
    violations = run_axe(page)
    context.close()
    assert not violations, violations
