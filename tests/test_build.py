"""The strict build of both languages, and the pages it must produce."""
import re

from bs4 import BeautifulSoup

from conftest import article, page_file, source_pages
from edition.project import LANGUAGES
from edition.project import default_project

PROJECT = default_project()


def test_strict_build_logs_no_warning(site_build):
    report = site_build[1]
    warnings = [line for r in report.values() for line in r["log"].splitlines()
                if line.startswith(("WARNING", "ERROR"))]
    assert not warnings, "the build warned:\n" + "\n".join(warnings)


def test_every_page_exists_in_both_languages_with_the_same_name():
    assert source_pages("nl") == source_pages("en")


def test_every_page_is_built_in_both_languages(site):
    missing = [f"{lang}: {src}" for lang in LANGUAGES for src in source_pages(lang)
               if not page_file(site, lang, src).exists()]
    assert not missing, f"not built: {missing}"


def test_language_selector_links_to_the_same_page(site):
    wrong = []
    for lang in LANGUAGES:
        for src in source_pages(lang):
            path = page_file(site, lang, src)
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
            for link in soup.select("a.md-select__link[hreflang]"):
                target = (path.parent / link["href"]).resolve() / "index.html"
                expected = page_file(site, link["hreflang"], src).resolve()
                if target != expected:
                    wrong.append(f"{lang}/{src}: {link['hreflang']} -> {link['href']}")
    assert not wrong, "selector links that miss the same page:\n" + "\n".join(wrong)


def test_root_page_sends_readers_to_dutch_and_offers_both(site):
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "lxml")
    assert soup.select_one('meta[http-equiv="refresh"]')["content"].endswith("url=nl/")
    assert {a["href"] for a in soup.select("main a")} == {"nl/", "en/"}


def test_headings_have_explicit_ids():
    missing = []
    for lang in LANGUAGES:
        for path in (PROJECT.docs / lang).rglob("*.md"):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if re.match(r"#{1,6} ", line) and not re.search(r"\{ #[a-z0-9-]+ \}\s*$", line):
                    missing.append(f"{path.relative_to(PROJECT.docs)}:{number}: {line}")
    assert not missing, "headings without { #id }:\n" + "\n".join(missing)


def test_figure_has_caption_and_text_alternative(site):
    for lang in LANGUAGES:
        figure = article(site / lang / "verkenning" / "actief-burgerschap" / "index.html").select_one("figure")
        assert figure is not None, f"{lang}: the figure of circles is missing"
        assert len(figure.img["alt"]) > 40 and figure.figcaption.get_text(strip=True)
        assert (site / lang / "img" / "model-cirkels.svg").exists()


def test_two_builds_give_identical_files(site, second_site):
    """Byte for byte, every file: pages, PDFs (the second made without the cache), EPUBs, indexes."""
    def files(root):
        return {p.relative_to(root).as_posix(): p for p in root.rglob("*") if p.is_file()}
    first, second = files(site), files(second_site)
    assert set(first) == set(second), f"only in one build: {sorted(set(first) ^ set(second))[:10]}"
    different = sorted(name for name in first if first[name].read_bytes() != second[name].read_bytes())
    assert not different, f"these files differ between two builds of the same sources: {different[:20]}"
