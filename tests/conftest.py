"""The site is built once per test run (strict, both languages) into a temporary folder, shared
by the pytest-xdist workers; a second build, made without the PDF cache, is shared the same way
by the tests that compare two builds."""
from __future__ import annotations

import fcntl
import json
import os
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from edition.project import LANGUAGES, Project, default_project
from edition.build import BuildError, build_site

# The browser gates: their session fixtures (one server, one Chromium) and the plugin that
# records their outcome for the accessibility statement.
from browser_fixtures import browser, page_audit, site_url  # noqa: E402,F401
# nginx with the build deployed as its first release, shared by the hosting tests.
from nginx_support import served  # noqa: E402,F401

pytest_plugins = ["accessibility_run", "xdist_groups"]
PROJECT = default_project()


def shared_build(tmp_path_factory, name: str, **options) -> tuple[Path, dict]:
    """build_site into a folder that every worker of the run shares: the first to ask builds it
    (the others wait for the lock), the rest read its report."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's folder, above each worker's own
    out, done = root / name, root / f"{name}.json"
    with open(root / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(out, ignore_errors=True)
            done.write_text(json.dumps(build_site(out, **options)), encoding="utf-8")
    return out, json.loads(done.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> tuple[Path, dict]:
    """The built site and the build's report (per language its MkDocs log)."""
    return shared_build(tmp_path_factory, "site")


@pytest.fixture(scope="session")
def site(site_build) -> Path:
    return site_build[0]


@pytest.fixture(scope="session")
def second_site(tmp_path_factory, site) -> Path:
    """Another build of the same sources, every PDF made anew: for the reproducibility checks."""
    return shared_build(tmp_path_factory, "second-site", cache=None)[0]


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
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
    return soup.select_one("article.md-content__inner")


def source_pages(lang: str = "nl") -> list[str]:
    return sorted(p.relative_to(PROJECT.docs / lang).as_posix() for p in (PROJECT.docs / lang).rglob("*.md"))


def site_pages(lang: str = "nl") -> list[str]:
    """Every page a language's build makes for its sitemap: its source pages and the pages the
    build generates (the glossary, the concept map, the concept pages, the index of people and
    the list of side-by-side views, the contents page; the views themselves are left out: tests/test_parallel.py)."""
    from edition.concepts.pages import generated_pages
    from edition.concepts.people import PAGE
    from edition.parallel.pages import INDEX
    from edition.web.contents_page import PAGE as CONTENTS
    return sorted(source_pages(lang) + generated_pages(PROJECT.concepts()) + [PAGE, INDEX, CONTENTS])


@pytest.fixture
def docs_copy(tmp_path) -> Project:
    """A copy of docs/ to break, as a project whose loaders read the copy (no build)."""
    shutil.copytree(PROJECT.docs, tmp_path / "docs")
    return Project(docs=tmp_path / "docs")


@pytest.fixture
def copy(docs_copy):
    """A copy of docs/ to break, and a function that edits one of its files (a path under
    docs/data/, or "../en/voorbeelden.md" for a page)."""
    def edit(name: str, old: str, new: str) -> int:
        """Replace `old` (once) in docs/data/<name>; returns the 1-based line where it stood."""
        path = docs_copy.data / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"the fixture expects {old!r} in {name}: update the test"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return text[:text.index(old)].count("\n") + 1
    return docs_copy, edit


def error_of(load) -> str:
    """The message of the ContentError that load() raises."""
    from edition.errors import ContentError
    with pytest.raises(ContentError) as raised:
        load()
    return str(raised.value)


@pytest.fixture
def broken_copy(docs_copy, tmp_path):
    """A copy of docs/ to break; build() builds it (HTML only) and returns the build error's
    text ("" if it built). It builds the Dutch edition, where the faults are planted and each
    language's checks run alike; build(("en",)) or build(None) for the English one or both."""
    copy = docs_copy.docs

    def build(languages: tuple[str, ...] | None = ("nl",)) -> str:
        try:
            build_site(tmp_path / "site", Project(docs=copy), pdfs=False, languages=languages)
        except BuildError as error:
            return str(error)
        return ""
    return copy, build


# scripts/test --quick (DTD_QUICK=1): the edit loop. The browser sees a sample of pages, through
# the every-page gates' pass (browser_support.every_page); the other browser tests, a second full
# build, the live preview (two builds), nginx and the deployments wait for the full run.
QUICK_SKIPS = ("second_site", "preview", "served", "installed")
QUICK_SKIP_FILES = ("test_hosting.py", "test_hosting_browser.py",  # nginx, every page through it
                    "test_epub_validators.py")  # EPUBCheck and DAISY Ace, ~50 s


def skipped_when_quick(item) -> bool:
    names = set(getattr(item, "fixturenames", ()))
    return bool(names & set(QUICK_SKIPS) or "browser" in names and "page_audit" not in names
                or item.path.name in QUICK_SKIP_FILES)


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups (--dist loadgroup)
def pytest_collection_modifyitems(config, items):
    quick = bool(os.environ.get("DTD_QUICK"))
    for item in items:
        # One pass through a language's pages serves several test files: keep them on one worker.
        if "page_audit" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.xdist_group(f"pages-{item.callspec.params['lang']}"))
        if "preview" in getattr(item, "fixturenames", ()):  # one live preview for its tests
            item.add_marker(pytest.mark.xdist_group("preview"))
        if quick and skipped_when_quick(item):
            item.add_marker(pytest.mark.skip(reason="quick mode: runs in the full suite (scripts/test)"))
