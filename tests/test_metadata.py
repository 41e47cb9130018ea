"""Every page's description, Open Graph tags and JSON-LD (schema.org Article) in <head>."""
import json
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from browser_support import content_pages, page_html_file
from edition.project import LANGUAGES
from edition.build import DEFAULT_SITE_URL
from edition.project import default_project

PROJECT = default_project()

PUBLISHER = PROJECT.site_config()["site_author"]  # "Gemeente Delft"
# Who wrote what (issue 7): the foreword is the alderwoman's, the essay Marjan de Gruijter's.
AUTHORS = {"inleiding/": ("Person", "Saskia Bolten"), "verkenning/": ("Person", "Marjan de Gruijter")}


def expected_author(url: str) -> tuple[str, str]:
    for start, author in AUTHORS.items():
        if url.startswith(start):
            return author
    return ("Organization", PUBLISHER)


@pytest.fixture(scope="module")
def heads(site) -> dict[str, tuple[BeautifulSoup, BeautifulSoup]]:
    """Per URL path ("nl/verkenning/inleiding/"): the page's <head> and its <h1>."""
    found = {}
    for paths in content_pages(site).values():
        for path in paths:
            soup = BeautifulSoup(page_html_file(site, path).read_text(encoding="utf-8"), "lxml")
            found[path] = (soup.head, soup.select_one("article h1"))
    return found


def meta(head, **attrs) -> list[str]:
    return [tag["content"] for tag in head.find_all("meta", attrs=attrs)]


def test_every_page_has_its_own_meaningful_description(heads):
    seen, problems = {}, []
    for path, (head, _) in heads.items():
        descriptions = meta(head, name="description")
        if len(descriptions) != 1 or not 40 <= len(descriptions[0]) <= 300:
            problems.append(f"{path}: description {descriptions!r} (one of 40-300 characters expected)")
            continue
        if descriptions[0] in seen:
            problems.append(f"{path}: the same description as {seen[descriptions[0]]}")
        seen[descriptions[0]] = path
    assert not problems, "\n".join(problems)


def test_open_graph_tags_are_complete_and_absolute(heads):
    problems = []
    for path, (head, title) in heads.items():
        lang = path.split("/")[0]
        og = {}
        for tag in head.find_all("meta", property=True):
            og.setdefault(tag["property"], []).append(tag["content"])
        canonical = head.find("link", rel="canonical")["href"]
        expected = {"og:type": ["article"], "og:title": [" ".join(title.get_text(" ").split())],
                    "og:description": meta(head, name="description"), "og:url": [canonical],
                    "og:locale": [PROJECT.strings(lang)["locale"]],
                    "og:locale:alternate": [PROJECT.strings(other)["locale"] for other in LANGUAGES if other != lang]}
        for prop, value in expected.items():
            if og.get(prop) != value:
                problems.append(f"{path}: {prop} is {og.get(prop)!r}, expected {value!r}")
        if not canonical.startswith(f"{DEFAULT_SITE_URL}{lang}/") or urlsplit(canonical).path != f"/{path}":
            problems.append(f"{path}: og:url {canonical} is not this page's absolute address")
    assert not problems, "\n".join(problems)


def test_json_ld_describes_the_page_as_an_article_of_the_publication(heads):
    settings = PROJECT.print_settings()
    book = {lang: " ".join(heads[f"{lang}/"][1].get_text(" ").split()) for lang in LANGUAGES}
    problems = []
    for path, (head, title) in heads.items():
        lang, url = path.split("/", 1)
        blocks = head.find_all("script", type="application/ld+json")
        if len(blocks) != 1:
            problems.append(f"{path}: {len(blocks)} JSON-LD blocks")
            continue
        data = json.loads(blocks[0].string)
        kind, name = expected_author(url)
        published = (settings.edition_date.isoformat()
                     if {f"{url.rstrip('/')}.md", f"{url}index.md"} & set(settings.web_only)
                     else f"{settings.published:%Y-%m}")
        checks = {
            "@context": "https://schema.org", "@type": "Article",
            "headline": " ".join(title.get_text(" ").split()),
            "author": {"@type": kind, "name": name},
            "publisher": {"@type": "Organization", "name": PUBLISHER},
            "datePublished": published, "inLanguage": lang, "url": f"{DEFAULT_SITE_URL}{path}",
            "description": meta(head, name="description")[0],
        }
        for key, value in checks.items():
            if data.get(key) != value:
                problems.append(f"{path}: {key} is {data.get(key)!r}, expected {value!r}")
        part = data.get("isPartOf", {})
        if part.get("@type") not in ("Book", "CreativeWork") or part.get("name") != book[lang]:
            problems.append(f"{path}: isPartOf {part!r}")
    assert not problems, "\n".join(problems)


def test_the_essay_sections_date_from_june_2010():
    assert f"{PROJECT.print_settings().published:%Y-%m}" == "2010-06"
