"""The English edition: aligned with the Dutch, marked where it drifts, switchable. (Searchable in
English only: test_search.py, test_search_index.py.)"""
import re

import pytest
from bs4 import BeautifulSoup

from conftest import article, page_file, site_pages, source_pages
from edition.text.alignment import first_divergence
from edition.build import DEFAULT_SITE_URL, build_site
from edition.project import Project, default_project

PROJECT = default_project()

# Words that are common in Dutch and not English: a measure of Dutch running text.
DUTCH_WORDS = set("de het een van dat die niet zijn voor met ook maar wordt worden aan om er bij naar "
                  "deze dit wij zij hun ons onze je ik wel nog dus kan kunnen moet hebben heeft was "
                  "waar hoe wat als zo geen tot uit over door".split())


def test_every_english_page_is_aligned_with_its_dutch_page(site):
    divergences = []
    for src in source_pages("nl"):
        dutch = page_file(site, "nl", src).read_text(encoding="utf-8")
        english = page_file(site, "en", src).read_text(encoding="utf-8")
        divergence = first_divergence(dutch, english)
        if divergence:
            divergences.append(f"docs/en/{src}: {divergence}")
    assert not divergences, "pages not aligned block for block:\n" + "\n".join(divergences)


def test_no_english_page_contains_dutch_running_text(site):
    offenders = []
    for src in source_pages("en"):
        body = article(page_file(site, "en", src))
        for marked in body.select('[lang="nl"], a.paranum'):
            marked.decompose()
        for block in body.find_all(["p", "li", "h1", "h2", "h3", "td", "dd", "figcaption"]):
            words = re.findall(r"[a-zà-ÿ]+", block.get_text(" ").casefold())
            dutch = [w for w in words if w in DUTCH_WORDS]
            if len(dutch) >= 4 and len(dutch) > 0.12 * len(words):
                offenders.append(f"docs/en/{src}: {block.get_text(' ')[:90]!r} ({len(dutch)}/{len(words)} Dutch words)")
    assert not offenders, "Dutch text outside lang=\"nl\" on English pages:\n" + "\n".join(offenders)


def test_quotations_keep_the_dutch_original_beside_them(site):
    originals = sum(len(article(page_file(site, "en", src)).select('.original[lang="nl"]'))
                    for src in source_pages("en"))
    dutch_quotes = sum(len(article(page_file(site, "nl", src)).select("blockquote")) for src in source_pages("nl"))
    english_quotes = [q for src in source_pages("en") for q in article(page_file(site, "en", src)).select("blockquote")]
    assert all(q.select('.original[lang="nl"]') for q in english_quotes), "a block quotation lacks its Dutch original"
    assert originals > dutch_quotes


def test_html_lang_hreflang_and_canonical_on_every_page(site):
    problems = []
    for lang in ("nl", "en"):
        for src in source_pages(lang):
            soup = BeautifulSoup(page_file(site, lang, src).read_text(encoding="utf-8"), "lxml")
            url = page_file(site, lang, src).parent.relative_to(site / lang).as_posix()
            url = "" if url == "." else url + "/"
            if soup.html.get("lang") != lang:
                problems.append(f"{lang}/{src}: <html lang={soup.html.get('lang')}>")
            alternates = {l["hreflang"]: l["href"] for l in soup.select('head link[rel="alternate"][hreflang]')}
            expected = {"nl": f"{DEFAULT_SITE_URL}nl/{url}", "en": f"{DEFAULT_SITE_URL}en/{url}",
                        "x-default": f"{DEFAULT_SITE_URL}nl/{url}"}
            if alternates != expected:
                problems.append(f"{lang}/{src}: hreflang {alternates}")
            canonical = soup.select_one('link[rel="canonical"]')
            if canonical is None or canonical["href"] != f"{DEFAULT_SITE_URL}{lang}/{url}":
                problems.append(f"{lang}/{src}: canonical {canonical and canonical['href']}")
    assert not problems, "\n".join(problems)


def test_each_language_has_its_own_sitemap_with_alternates(site):
    for lang, other in (("nl", "en"), ("en", "nl")):
        sitemap = (site / lang / "sitemap.xml").read_text(encoding="utf-8")
        locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
        assert locations and all(loc.startswith(f"{DEFAULT_SITE_URL}{lang}/") for loc in locations)
        assert len(locations) == len(site_pages(lang))
        for loc in locations:
            twin = loc.replace(f"/{lang}/", f"/{other}/", 1)
            assert f'hreflang="{other}" href="{twin}"' in sitemap, f"{lang} sitemap: {loc} lacks its {other} twin"


def test_each_language_has_its_own_404_page_in_its_language(site):
    titles = {}
    for lang in ("nl", "en"):
        soup = BeautifulSoup((site / lang / "404.html").read_text(encoding="utf-8"), "lxml")
        assert soup.html["lang"] == lang
        titles[lang] = soup.h1.get_text()
    assert titles == {"nl": "Pagina niet gevonden", "en": "Page not found"}


def test_changed_dutch_paragraph_fails_strict_and_marks_the_translation(broken_copy, tmp_path):
    docs, build = broken_copy
    page = docs / "nl" / "verkenning" / "kracht-en-macht.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("Door diverse auteurs is nagedacht", "Door enkele auteurs is nagedacht", 1),
                    encoding="utf-8")
    error = build(("en",))
    assert "docs/en/verkenning/kracht-en-macht.md: the Dutch text of paragraph(s) 4.1 changed" in error, error
    build_site(tmp_path / "lenient", Project(docs=docs), strict=False, languages=("en",), pdfs=False)
    english = article(tmp_path / "lenient" / "en" / "verkenning" / "kracht-en-macht" / "index.html")
    notices = [n.find_parent(id=True)["id"] for n in english.select(".translation-outdated")]
    assert notices == ["p-4-1"]


def test_source_blocks_from_markdown_equal_the_built_dutch_blocks(paragraphs):
    """The drift check reads the Dutch blocks from the Markdown (so both languages build at the
    same time): they must be the built Dutch edition's blocks, number for number."""
    from edition.text.source_blocks import source_blocks
    rendered = {src: [(b.number, b.text) for b in blocks] for src, blocks in source_blocks(PROJECT).items()}
    built = {src: [(b["number"], b["text"]) for b in page["blocks"]] for src, page in paragraphs["nl"].items()}
    assert rendered == built, "edition/text/source_blocks.py renders the Dutch text unlike the web build"
