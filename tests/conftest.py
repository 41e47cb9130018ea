"""The site is built once per session (strict, both languages) into a temporary folder."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from edition.project import LANGUAGES, Project, default_project
from edition.build import BuildError, build_site

# The browser gates: their session fixtures (one server, one Chromium) and the plugin that
# records their outcome for the accessibility statement.
from browser_fixtures import browser, page_visits, site_url  # noqa: E402,F401

pytest_plugins = ["accessibility_run"]
PROJECT = default_project()


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    build_site(out)
    return out


@pytest.fixture(scope="session")
def paragraphs(site) -> dict[str, dict]:
    return {lang: json.loads((site / lang / "paragraphs.json").read_text(encoding="utf-8"))
            for lang in LANGUAGES}


def page_file(site: Path, lang: str, src: str) -> Path:
    """docs/<lang>/verkenning/inleiding.md -> site/<lang>/verkenning/inleiding/index.html"""
    stem = src[:-3]
    if stem == "index" or stem.endswith("/index"):
        return site / lang / stem[:-5] / "index.html"
    return site / lang / stem / "index.html"


def article(path: Path) -> BeautifulSoup:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return soup.select_one("article.md-content__inner")


def source_pages(lang: str = "nl") -> list[str]:
    return sorted(p.relative_to(PROJECT.docs / lang).as_posix() for p in (PROJECT.docs / lang).rglob("*.md"))


def site_pages(lang: str = "nl") -> list[str]:
    """Every page a language's build makes for its sitemap: its source pages and the pages the
    build generates (the glossary, the concept map, the concept pages, the index of people and
    the list of side-by-side views; the views themselves are left out: tests/test_parallel.py)."""
    from edition.concepts.pages import generated_pages
    from edition.concepts.people import PAGE
    from edition.parallel.pages import INDEX
    return sorted(source_pages(lang) + generated_pages(PROJECT.concepts()) + [PAGE, INDEX])


@pytest.fixture
def broken_copy(tmp_path):
    """A copy of docs/ to break; build(copy) returns the build error's text ("" if it built)."""
    copy = tmp_path / "docs"
    shutil.copytree(PROJECT.docs, copy)

    def build() -> str:
        try:
            build_site(tmp_path / "site", Project(docs=copy))
        except BuildError as error:
            return str(error)
        return ""
    return copy, build
