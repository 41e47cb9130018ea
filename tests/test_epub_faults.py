"""A built page that the EPUB cannot be made from stops it, naming the file and the line.

The web build stops the same faults in the Markdown first (tests/test_faults.py), so these
break a copy of the built Dutch pages, where the EPUB reads them, and make the EPUB from it.
"""
from __future__ import annotations

import shutil

import pytest

from conftest import PROJECT, error_of
from edition.epub.book import build_epub
from edition.errors import line_of

SETTINGS = PROJECT.print_settings()


@pytest.fixture
def built_copy(site, tmp_path):
    """A copy of the built Dutch edition (without its search index and PDFs), and a function
    that makes the EPUB from it and returns its error."""
    shutil.copytree(site / "nl", tmp_path / "nl", ignore=shutil.ignore_patterns("pagefind", "pdf", "*.gz"))
    return tmp_path / "nl", lambda: error_of(lambda: build_epub(PROJECT, tmp_path, "nl", SETTINGS))


def test_a_missing_chapter_names_its_line_in_the_nav(built_copy):
    edition, build = built_copy
    page = edition / "dialoog" / "index.html"
    page.unlink()
    line = line_of(PROJECT.config_file.read_text(encoding="utf-8"), "- dialoog.md")
    assert build() == (f"mkdocs.yml:{line}: nav: dialoog.md has no built page {page}: the book cannot have "
                       f"that chapter")


def test_a_footnote_call_without_its_note_names_file_and_line(built_copy):
    edition, build = built_copy
    page = edition / "verkenning" / "kracht-en-macht" / "index.html"
    text = page.read_text(encoding="utf-8")
    start = text.index('<li id="fn:13"')
    page.write_text(text[:start] + text[text.index("</li>", start) + 5:], encoding="utf-8")
    line = line_of(text, '<sup id="fnref:13"')
    assert build() == f"{page}:{line}: footnote call 13 has no note (page verkenning/kracht-en-macht.md)"


def test_a_broken_link_inside_the_book_names_file_and_line(built_copy):
    edition, build = built_copy
    page = edition / "verkenning" / "kracht-en-macht" / "index.html"
    text = page.read_text(encoding="utf-8")
    assert 'href="../../bronnen/#jacobs-2005"' in text, "the fixture expects a citation of jacobs-2005: update the test"
    page.write_text(text.replace('href="../../bronnen/#jacobs-2005"', 'href="../../bronnen/#jacobs-2099"', 1),
                    encoding="utf-8")
    line = line_of(text, 'href="../../bronnen/#jacobs-2005"')
    assert build() == (f"{page}:{line}: the link ../../bronnen/#jacobs-2099 leads nowhere in the book "
                       f"(no #bronnen--jacobs-2099 in bronnen.xhtml)")
