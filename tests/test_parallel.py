"""The side-by-side view, read from the built site: every paragraph once per language with its
lang, in reading order, labelled; ids unique; footnotes and concept definitions kept apart and
reachable; the links to the view; search engines told to leave it out. A gap in a translation
stops the build (checked through the loaders, in-process)."""
import json
import posixpath
import re
import shutil

import pytest
from bs4 import BeautifulSoup

from conftest import page_file
from edition.errors import ContentError
from edition.parallel import pages
from edition.parallel.fill import chapter_texts
from edition.project import LANGUAGES, default_project
from edition.text.paragraphs import block_text, fingerprint

PROJECT = default_project()
CHAPTERS = PROJECT.chapters()
VIEWS = [(lang, chapter) for lang in LANGUAGES for chapter in CHAPTERS]
NAMES = [f"{lang}/{chapter.src}" for lang, chapter in VIEWS]


def soup_of(site, lang, src) -> BeautifulSoup:
    return BeautifulSoup(page_file(site, lang, src).read_text(encoding="utf-8"), "lxml")


@pytest.fixture(scope="module")
def views(site) -> dict[tuple[str, str], BeautifulSoup]:
    return {(lang, chapter.src): soup_of(site, lang, pages.page_of(chapter.src)) for lang, chapter in VIEWS}


def language_of(element) -> str:
    return element.find_parent(lambda tag: tag.has_attr("lang"))["lang"] if not element.has_attr("lang") else element["lang"]


def text_of(block) -> str:
    """A block's words as paragraphs.json has them (its footnote calls left out: ids renamed)."""
    copy = BeautifulSoup(str(block), "lxml")
    for call in copy.select("sup:has(> a.footnote-ref)"):
        call.decompose()
    return block_text(copy)


@pytest.mark.parametrize("lang, chapter", VIEWS, ids=NAMES)
def test_every_paragraph_once_per_language_in_reading_order(views, paragraphs, lang, chapter):
    soup = views[(lang, chapter.src)]
    order = [lang] + [other for other in LANGUAGES if other != lang]
    expected = {other: paragraphs[other][chapter.src]["blocks"] for other in LANGUAGES}
    numbers = [block["number"] for block in expected[lang]]
    problems = []
    for index, number in enumerate(numbers):
        row = soup.find(id=f"p-{number.replace('.', '-')}")
        if row is None or "parallel-row" not in row.get("class", []):
            problems.append(f"{number}: no row #p-{number.replace('.', '-')}")
            continue
        # Reading order: the number, then the page's language, then the other.
        children = row.find_all(True, recursive=False)
        if children[0].get_text(strip=True) != number or [c.get("lang") for c in children[1:]] != order:
            problems.append(f"{number}: the row reads {[c.get('lang') or c.get_text(strip=True) for c in children]}")
        for other in LANGUAGES:
            found = [e for e in soup.select(f'[data-paragraph="{number}"]') if language_of(e) == other]
            if len(found) != 1:
                problems.append(f"{number}: {len(found)} blocks in {other}")
            elif fingerprint(text_of(found[0])) != expected[other][index]["fingerprint"]:
                problems.append(f"{number} ({other}): not the text of the {other} chapter: {text_of(found[0])[:60]!r}")
    shown = sorted({e["data-paragraph"] for e in soup.select("[data-paragraph]")})
    assert not problems and shown == sorted(numbers), "\n".join(problems) or f"extra paragraphs: {set(shown) - set(numbers)}"


@pytest.mark.parametrize("lang, chapter", VIEWS, ids=NAMES)
def test_ids_unique_and_every_reference_on_the_page_resolves(views, lang, chapter):
    soup = views[(lang, chapter.src)]
    ids = [element["id"] for element in soup.find_all(id=True)]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    references = [a["href"][1:] for a in soup.select("article a[href^='#']")]
    references += [token for element in soup.select("[aria-describedby]") for token in element["aria-describedby"].split()]
    missing = sorted({reference for reference in references if reference not in ids})
    assert not duplicates and not missing, f"duplicate ids {duplicates}; references to no id {missing}"


@pytest.mark.parametrize("lang, chapter", VIEWS, ids=NAMES)
def test_each_cell_names_its_language_and_every_link_leads_to_a_page_of_its_edition(site, views, lang, chapter):
    soup = views[(lang, chapter.src)]
    strings = PROJECT.strings(lang)
    page = page_file(site, lang, pages.page_of(chapter.src))
    local = "a[href]:not([href^='#']):not([href^='http']):not([href^='mailto']), img[src]"

    def target(link) -> str:
        return posixpath.normpath(posixpath.join(page.parent.as_posix(), (link.get("href") or link["src"]).split("#")[0]))
    problems = [f"{target(link)} is missing" for link in soup.select(f"article :is({local})")
                if not (site / target(link) / "index.html").exists() and not (site / target(link)).is_file()]
    for cell in soup.select(".parallel-cell"):
        label = cell.find(True)
        if "parallel-cell__lang" not in label.get("class", []) or label.get_text() != strings[f"parallel_lang_{cell['lang']}"]:
            problems.append(f"a {cell['lang']} cell starts with {label}")
        problems += [f"{target(link)} in a {cell['lang']} cell leaves the {cell['lang']} edition"
                     for link in cell.select(local) if not target(link).startswith(f"{site.as_posix()}/{cell['lang']}/")]
    assert not problems, "\n".join(problems[:10])


@pytest.mark.parametrize("lang, chapter", VIEWS, ids=NAMES)
def test_headings_side_by_side_and_footnotes_kept_apart(site, views, lang, chapter):
    soup = views[(lang, chapter.src)]
    chapter_ids = {other: [h["id"] for h in soup_of(site, other, chapter.src).select("article :is(h2, h3, h4)[id]")]
                   for other in LANGUAGES}
    rows = soup.select(".parallel-row--heading")
    assert [row.select(".parallel-cell")[0].find(["h2", "h3", "h4"])["id"] for row in rows] == chapter_ids[lang]
    for row in rows:
        first, second = (cell.find(["h2", "h3", "h4"]) for cell in row.select(".parallel-cell"))
        assert first.name == second.name and second["id"] == f"{second.find_parent(lang=True)['lang']}-{first['id']}"
    for other in LANGUAGES:
        notes = soup_of(site, other, chapter.src).select("article div.footnote li[id^='fn:']")
        shown = soup.select(f".parallel-row--notes .parallel-cell[lang='{other}'] li[id^='{other}-fn:']")
        assert [li["id"] for li in shown] == [f"{other}-{li['id']}" for li in notes]
        assert [li.get("value") for li in shown] == [li.get("value") for li in notes]  # the printed numbers
        calls = soup.select(f".parallel-cell[lang='{other}'] a.footnote-ref")
        assert all(call["href"].startswith(f"#{other}-fn:") for call in calls)


def test_the_view_is_reached_from_each_chapter_the_nav_and_its_index(site):
    for lang in LANGUAGES:
        index = page_file(site, lang, pages.INDEX)
        listed = {posixpath.normpath(posixpath.join(index.parent.as_posix(), a["href"]))
                  for a in soup_of(site, lang, pages.INDEX).select("article a[href]")}
        for chapter in CHAPTERS:
            view = page_file(site, lang, pages.page_of(chapter.src)).parent.as_posix()
            chapter_page = page_file(site, lang, chapter.src)
            link = soup_of(site, lang, chapter.src).select_one("article .edition-reader a.edition-parallel__link")
            assert link is not None and posixpath.normpath(posixpath.join(chapter_page.parent.as_posix(), link["href"])) == view
            assert view in listed, f"{lang}: the list of views lacks {chapter.src}"
        nav = soup_of(site, lang, "index.md").select("nav.md-nav--primary a.md-nav__link[href]")
        assert any(a["href"].rstrip("/").endswith(pages.FOLDER) for a in nav), f"{lang}: no nav link to the views"


def test_language_switch_of_a_view_leads_to_its_twin(site):
    for lang in LANGUAGES:
        for chapter in CHAPTERS:
            file = page_file(site, lang, pages.page_of(chapter.src))
            for link in soup_of(site, lang, pages.page_of(chapter.src)).select("a.md-select__link[hreflang]"):
                target = (file.parent / link["href"]).resolve() / "index.html"
                assert target == page_file(site, link["hreflang"], pages.page_of(chapter.src)).resolve()


def test_views_are_not_indexed_nor_in_sitemaps_nor_in_search(site):
    for lang in LANGUAGES:
        sitemap = (site / lang / "sitemap.xml").read_text(encoding="utf-8")
        searched = {page["url"] for page in json.loads((site / lang / "pagefind" / "search.json").read_text(encoding="utf-8"))["pages"]}
        assert f"/{lang}/{pages.FOLDER}/</loc>" in sitemap  # the list of views is a page of its own
        for chapter in CHAPTERS:
            url = pages.url_of(chapter)
            head = soup_of(site, lang, pages.page_of(chapter.src)).head
            assert head.select_one('meta[name="robots"]')["content"] == "noindex"
            assert f"/{lang}/{url}</loc>" not in sitemap and url not in searched
            assert head.select_one('link[rel="canonical"]')["href"].endswith(f"/{lang}/{url}")


# A paragraph missing at the end of a chapter, and a signature missing after the last paragraph.
GAPS = {"paragraph": ("verkenning/kracht-en-macht.md", r'<p id="p-4-(\d+)"[^>]*>.*?</p>', "block 4.{}"),
        "signature": ("inleiding.md", r'<p class="signature">.*?</p>()', "unnumbered block 1 after paragraph 0.")}


@pytest.mark.parametrize("gap", GAPS)
def test_a_gap_in_the_translation_stops_the_build_naming_file_and_paragraph(site, tmp_path, gap):
    src, pattern, expected = GAPS[gap]
    for lang in LANGUAGES:
        target = page_file(tmp_path, lang, src)
        target.parent.mkdir(parents=True)
        shutil.copy(page_file(site, lang, src), target)
    english = page_file(tmp_path, "en", src)
    text = english.read_text(encoding="utf-8")
    last = list(re.finditer(pattern, text, flags=re.S))[-1]
    english.write_text(text[:last.start()] + text[last.end():], encoding="utf-8")
    with pytest.raises(ContentError) as error:
        chapter_texts(PROJECT, tmp_path, PROJECT.chapter_of(src))
    assert str(error.value).startswith(f"docs/en/{src}: not aligned with docs/nl/{src}: ")
    assert expected.format(last.group(1)) in str(error.value)
