"""Plain-language summaries: present under each chapter's title and on "In het kort", labelled as
ours, within 150 words, and readable at language level B1 (the scores are printed: pytest -s)."""
import re

import pytest

from edition.errors import ContentError
from bs4 import BeautifulSoup

from conftest import article, page_file
from edition.reader import reading_time
from edition.reader import summaries
from edition.text import inline_markup
from edition.project import LANGUAGES
from edition.project import default_project

PROJECT = default_project()

MAX_WORDS = 150
# Flesch reading ease, 0-100, higher is easier. 60-70 is "plain language" on Flesch's scale; B1
# texts for citizens are usually put at 60 or more. Dutch uses Flesch-Douma (textstat's "nl"
# constants: 206.835 - 0.93 × words per sentence - 77 × syllables per word), which scores Dutch
# on the same scale as Flesch's English formula; English uses Flesch's own.
MIN_READING_EASE = {"nl": 60, "en": 60}
FORMULA = {"nl": "Flesch-Douma", "en": "Flesch reading ease"}


def reading_ease(text: str, lang: str) -> float:
    from textstat.textstat import textstatistics
    meter = textstatistics()
    meter.set_lang(lang)
    return meter.flesch_reading_ease(summaries.plain_sentences(text))


@pytest.fixture(scope="module")
def loaded():
    return PROJECT.summaries()


def test_every_chapter_has_a_summary_in_every_language(loaded):
    assert list(loaded) == [chapter.src for chapter in PROJECT.chapters()]
    for summary in loaded.values():
        assert set(summary.texts) == set(LANGUAGES), summary.where


def test_summaries_are_readable_at_level_b1(loaded):
    rows, low = [], []
    for summary in loaded.values():
        for lang in LANGUAGES:
            score = reading_ease(summary.texts[lang], lang)
            rows.append(f"{summary.where:58} {lang}  {FORMULA[lang]:19} {score:6.1f}  {summary.words(lang):3} words")
            if score < MIN_READING_EASE[lang]:
                low.append(f"{summary.where} ({lang}): {score:.1f} < {MIN_READING_EASE[lang]}")
    print("\nReadability of the plain-language summaries:\n" + "\n".join(rows))
    assert not low, ("summaries below the B1 threshold: use shorter sentences and shorter words\n"
                     + "\n".join(low) + "\n\nall scores:\n" + "\n".join(rows))


def test_summaries_have_at_most_150_words(loaded):
    long = [f"{s.where} ({lang}): {s.words(lang)} words" for s in loaded.values() for lang in LANGUAGES
            if s.words(lang) > MAX_WORDS]
    assert not long, f"summaries over {MAX_WORDS} words: shorten them\n" + "\n".join(long)


def test_summary_sits_collapsed_right_under_the_title_labelled_as_ours(site, loaded):
    problems = []
    for lang in LANGUAGES:
        strings = PROJECT.strings(lang)
        for src, summary in loaded.items():
            body = article(page_file(site, lang, src))
            box = body.find("h1").find_next_sibling()
            details = box.select_one("details.edition-summary") if box else None
            where = f"{lang}/{src}"
            if box is None or "edition-note" not in box.get("class", []) or details is None:
                problems.append(f"{where}: no summary in an .edition-note box right after the <h1>")
                continue
            label = " ".join(details.summary.get_text(" ").split())
            if label != f"{strings['summary_label']} — {strings['summary_not_by_authors']}":
                problems.append(f"{where}: summary labelled {label!r}")
            if details.has_attr("open"):
                problems.append(f"{where}: the summary is open; it should start collapsed")
            shown = " ".join(details.select_one(".edition-summary__text").get_text(" ").split())
            if shown != " ".join(BeautifulSoup(summaries.text_html(summary.texts[lang]), "lxml").get_text(" ").split()):
                problems.append(f"{where}: the summary shown differs from {summary.where}")
    assert not problems, "\n".join(problems)


def test_summaries_are_not_numbered_as_the_authors_text(site, paragraphs, loaded):
    for lang in LANGUAGES:
        for src, summary in loaded.items():
            body = article(page_file(site, lang, src))
            box = body.select_one(".edition-reader")
            assert not box.select("a.paranum, [id^='p-']"), f"{lang}/{src}: a paragraph number inside our additions"
            first = " ".join(summaries.blocks(inline_markup.plain(summary.texts[lang]))[0][1])
            assert all(block["text"] != first for block in paragraphs[lang][src]["blocks"]), \
                f"{lang}/{src}: the summary got a paragraph number"


def test_in_brief_page_collects_every_summary_with_a_link_to_its_chapter(site, loaded):
    for lang in LANGUAGES:
        body = article(page_file(site, lang, summaries.BRIEF_PAGE))
        headings = body.find_all("h2")
        assert [h["id"] for h in headings] == [s.chapter.key for s in loaded.values()], lang
        for heading, summary in zip(headings, loaded.values()):
            link = heading.find("a")
            assert link is not None and link["href"] == f"../{summary.chapter.url}", (lang, heading)
            text = " ".join(heading.find_next_sibling("div", class_="edition-brief").get_text(" ").split())
            first = summaries.blocks(inline_markup.plain(summary.texts[lang]))[0][1][0]
            assert text.startswith(first), (lang, summary.where)


def test_the_home_page_leads_to_the_summaries_before_the_parts(site):
    """A first-time reader finds "In het kort" on the home page, before the three parts."""
    for lang in LANGUAGES:
        body = article(page_file(site, lang, "index.md"))
        link = body.find("a", href=f"{summaries.BRIEF_PAGE[:-3]}/")
        parts = body.find(id="de-drie-delen")
        assert link is not None, f"{lang}: the home page does not link to {summaries.BRIEF_PAGE}"
        assert parts in link.find_all_next("h2"), f"{lang}: the link to the summaries comes after the parts"
        assert "edition-addition" in link.find_parent("p")["class"], f"{lang}: the link is not marked as ours"


def test_reading_time_is_shown_under_the_title(site, loaded):
    pattern = {lang: re.compile("^" + re.escape(PROJECT.strings(lang)["reading_time_many"]).replace(r"\{n\}", r"(\d+)") + "$")
               for lang in LANGUAGES}
    for lang in LANGUAGES:
        strings = PROJECT.strings(lang)
        for src in loaded:
            body = article(page_file(site, lang, src))
            shown = body.select_one(".edition-reader .edition-reading-time")
            assert shown is not None, f"{lang}/{src}: no reading time"
            shown = shown.get_text()
            expected = reading_time.label(reading_time.words(str(body)), strings)
            assert shown == expected, (lang, src, shown, expected)
            assert pattern[lang].match(expected) or expected == strings["reading_time_one"]


def test_a_summary_missing_a_language_fails_naming_the_file(docs_copy):
    path = docs_copy.data / "summaries" / "verkenning-kracht-en-macht.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("\nen: |")] + "\n", encoding="utf-8")
    with pytest.raises(ContentError) as error:
        docs_copy.summaries()
    line = text[:text.index("\nnl: |")].count("\n") + 2  # where the summary's mapping begins
    assert str(error.value).startswith(f"docs/data/summaries/verkenning-kracht-en-macht.yml:{line}: the summary "
                                       "has no 'en' text"), error.value
