"""The termbase (docs/data/termbase.yml): its faults name the file and the line; its rules find
a missing rendering, an avoided one and an unmarked Dutch term, naming the page and paragraph;
the built English edition keeps every Dutch term it shows marked lang="nl"."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest

from conftest import article, error_of, page_file, site_pages
from edition.pipeline.page import Edition
from edition.project import default_project
from edition.terms import check, page_text
from edition.terms.steps import TermCheck
from edition.text.source_blocks import source_places

PROJECT = default_project()


@pytest.fixture
def termbase_copy(copy):
    """A copy of docs/ whose Dutch pages are the repository's: their paragraphs are not
    rendered again for each test."""
    project, edit = copy
    project._memo["source-places"] = source_places(PROJECT)
    return project, edit


# --- Faults of the data, through the loader ------------------------------------------------

def test_unknown_concept_names_its_line(termbase_copy):
    project, edit = termbase_copy
    line = edit("termbase.yml", "- concept: trots", "- concept: trotsheid")
    assert error_of(project.termbase) == \
        f"docs/data/termbase.yml:{line}: no concept 'trotsheid' (no docs/data/concepts/trotsheid.yml)"


def test_term_without_english_renderings_names_its_line(termbase_copy):
    project, edit = termbase_copy
    line = edit("termbase.yml", "  - nl: [intervisie]\n    en: [\"peer consultation\"]\n",
                "  - nl: [intervisie]\n")
    assert error_of(project.termbase) == (f"docs/data/termbase.yml:{line}: term 'intervisie' has no approved "
                                          f"renderings in 'en': add en: [...]")


def test_exception_for_an_unknown_term_names_its_line(termbase_copy):
    project, edit = termbase_copy
    line = edit("termbase.yml", "  - term: gemeente\n", "  - term: gemeentes\n")
    assert error_of(project.termbase).startswith(
        f"docs/data/termbase.yml:{line}: exception for unknown term 'gemeentes'")


@pytest.mark.parametrize("place, kind", [('"0.99"', "numbered paragraph"), ('"[^99]"', "footnote")])
def test_exception_at_a_place_that_is_not_in_the_text_names_its_line(termbase_copy, place, kind):
    project, edit = termbase_copy
    line = edit("termbase.yml", '    paragraph: "0.5"', f"    paragraph: {place}")
    assert error_of(project.termbase).startswith(
        f"docs/data/termbase.yml:{line}: exception for term 'gemeente' at '{place[1:-1]}': there is no such {kind}")


def test_paragraph_number_without_quotes_is_a_fault(termbase_copy):
    project, edit = termbase_copy
    line = edit("termbase.yml", '    paragraph: "0.5"', "    paragraph: 0.5")
    assert error_of(project.termbase).startswith(f"docs/data/termbase.yml:{line}: the paragraph must be written in quotes")


def test_a_rendering_one_term_avoids_and_another_approves_is_a_fault(termbase_copy):
    project, edit = termbase_copy
    line = edit("termbase.yml", "    avoid: [council, councils]", "    avoid: [council, citizens]")
    assert error_of(project.termbase).startswith(
        f"docs/data/termbase.yml:{line}: term 'gemeente' avoids 'citizens', which is an approved rendering of term 'burgers'")


def test_terms_come_from_the_concepts_they_name():
    termbase = PROJECT.termbase()
    own = {term.key: term for term in termbase.terms}
    concept = PROJECT.concepts()["eigen-kracht"]
    assert own["eigen-kracht"].forms["nl"] == (concept.term["nl"],) + concept.forms["nl"]
    assert own["eigen-kracht"].forms["en"] == (concept.term["en"],) + concept.forms["en"]
    assert "strength of one's own" in own["eigen-kracht"].avoid
    assert own["zelfbewustzijn"].forms["en"] == ("self-assurance", "self-assured")


# --- The rules, on text ----------------------------------------------------------------------

def test_a_paragraph_without_an_approved_rendering_is_named(termbase_copy):
    project, _ = termbase_copy
    termbase = project.termbase()
    source = {"3.4": "Het gaat om zelfbewustzijn en de gemeente.", "3.5": "Niets."}
    found = check.unrendered(termbase, "en", source, {"3.4": "It is about self-awareness and the municipality.",
                                                      "3.5": "Nothing."})
    assert [f.place for f in found] == ["3.4"]
    assert found[0].message.startswith("paragraph 3.4: the source has 'zelfbewustzijn' (term 'zelfbewustzijn', "
                                       "docs/data/termbase.yml:")
    assert found[0].message.endswith("the translation has none of 'self-assurance', 'self-assured': use one, "
                                     "or record an exception")
    assert not check.unrendered(termbase, "en", source, {"3.4": "It is about Self-Assurance and the municipality."})


def test_an_exception_excuses_its_place_and_an_unused_one_is_named():
    termbase = PROJECT.termbase()
    used: set = set()
    assert not check.unrendered(termbase, "en", {"0.5": "(gemeente Delft 2010)"}, {"0.5": "(Delft 2010)"}, used)
    assert ("gemeente", "0.5") in used
    stale = check.unused(termbase, set(), {"0.5"})
    assert len(stale) == 1 and "the exception for term 'gemeente' at paragraph 0.5 excuses nothing" in stale[0].message


def test_an_avoided_rendering_is_found_whatever_its_apostrophe_and_case():
    termbase = PROJECT.termbase()
    found = check.avoided(termbase, [("[^4]", "A Strength of one’s own."), ("", "The council decided.")])
    assert [(f.place, f.message.split(":")[0]) for f in found] == [("[^4]", "footnote 4"), ("", "the page")]
    assert "'Strength of one’s own' is to be avoided (term 'eigen-kracht'" in found[0].message


def test_dutch_terms_count_only_outside_elements_marked_dutch():
    termbase = PROJECT.termbase()
    html = ('<p id="p-8-4"><a class="paranum" href="#p-8-4">8.4</a>The municipality (<em lang="nl">gemeente</em>) '
            'and the intervisie<sup id="fnref:4"><a href="#fn:4">4</a></sup>.</p><pre><code>gemeente</code></pre>'
            '<div class="footnote"><ol><li id="fn:4"><p><span lang="nl">Op eigen kracht</span> '
            '<a class="footnote-backref" href="#fnref:4">↩</a></p></li></ol></div>')
    assert page_text.places(html, "en") == {"8.4": "The municipality () and the intervisie.", "[^4]": ""}
    found = check.unmarked(termbase, "en", page_text.texts(html, "en"))
    assert [(f.place, f.message.split(":")[0]) for f in found] == [("8.4", "paragraph 8.4")]
    assert "'intervisie' is nl (a form of the termbase) but not marked lang=\"nl\"" in found[0].message


def test_emphasis_of_a_dutch_term_is_marked_dutch_by_the_build():
    kept = PROJECT.termbase().dutch_kept("en")
    marked = page_text.mark_kept("<em>gemeente</em> and <em>Gemeente</em>, <em>municipality</em>", kept, "nl")
    assert marked == '<em lang="nl">gemeente</em> and <em lang="nl">Gemeente</em>, <em>municipality</em>'


def test_the_step_names_the_page_and_the_paragraph_and_warns_under_strict(caplog, tmp_path):
    """In process, without a generator: the step reports on the logger whose warnings fail a
    --strict build; in the live preview (drift_is_error off) they are notes."""
    for strict in (True, False):
        edition = Edition(PROJECT, "en", "https://example.org/en/", tmp_path, "site", "author", drift_is_error=strict)
        step = TermCheck(edition)
        page = edition.view("verkenning/doel-en-doelgroepen.md", "verkenning/doel-en-doelgroepen/", "", {})
        source = source_places(PROJECT)[page.src]
        html = "".join(f'<p id="p-{n.replace(".", "-")}">{text}</p>' for n, text in source.items() if "." in n)
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="mkdocs.hooks.translation"):
            step.content(page, html)  # the Dutch text as its own "translation": no approved rendering
            step.finished(page, '<article class="md-content__inner md-typeset"><p>A council of one’s own.</p></article>')
        records = [(r.levelno, r.getMessage()) for r in caplog.records]
        assert records and all(level == (logging.WARNING if strict else logging.INFO) for level, _ in records)
        messages = [message for _, message in records]
        assert any(m.startswith("docs/en/verkenning/doel-en-doelgroepen.md: paragraph 3.1: the source has ")
                   for m in messages), messages
        assert any(m.startswith("docs/en/verkenning/doel-en-doelgroepen.md: the page: 'council' is to be avoided")
                   for m in messages), messages


def test_a_missing_rendering_fails_the_strict_build_naming_page_and_paragraph(copy, tmp_path):
    """End to end, once: the step runs in the build and its warning fails it under --strict."""
    from edition.build import BuildError, build_site
    project, _ = copy
    page = project.content("en") / "dialoog.md"
    text = page.read_text(encoding="utf-8")
    assert "Empowerment means inspiring people" in text
    page.write_text(text.replace("Empowerment means inspiring people", "Empowerment is inspiring", 1), encoding="utf-8")
    with pytest.raises(BuildError) as raised:
        build_site(tmp_path / "site", project, languages=("en",), pdfs=False)
    error = str(raised.value)
    assert "docs/en/dialoog.md: paragraph 8.2: the source has 'Empowerment is inspireren'" in error, error
    assert "docs/en/dialoog.md: paragraph 8.2: 'Empowerment is inspiring' is to be avoided" in error, error


# --- The built English edition ---------------------------------------------------------------

@pytest.fixture(scope="module")
def english_texts(site) -> dict[str, list[tuple[str, str]]]:
    return {src: page_text.texts(str(article(page_file(site, "en", src))), "en") for src in site_pages("en")}


def test_no_english_page_shows_a_dutch_term_unmarked_or_an_avoided_rendering(english_texts):
    termbase = PROJECT.termbase()
    problems = [f"docs/en/{src}: {finding.message}" for src, texts in english_texts.items()
                for finding in check.unmarked(termbase, "en", texts) + check.avoided(termbase, texts)]
    assert not problems, "\n".join(problems)


def test_every_dutch_gloss_in_the_english_pages_is_marked(site):
    """Emphasis that holds a Dutch term of the termbase carries lang="nl" (typed or derived)."""
    forms = {form.casefold() for form in PROJECT.termbase().dutch_kept("en")}
    unmarked = [f"{src}: {em}" for src in site_pages("en") for em in article(page_file(site, "en", src)).select("em")
                if em.get_text().casefold() in forms and not em.find_parent(attrs={"lang": "nl"})
                and em.get("lang") != "nl"]
    glosses = [em for src in site_pages("en") for em in article(page_file(site, "en", src)).select('em[lang="nl"]')]
    assert not unmarked and len(glosses) >= 10, unmarked


def test_the_english_corrections_table_and_sources_page_speak_english(site):
    table = article(page_file(site, "en", "over-deze-uitgave.md")).select_one("table.corrections")
    assert "voetnoot" not in table.get_text() and "footnote 4" in table.get_text()
    assert table.select_one('a[href$="#fn:4"]') is not None
    assert table.select_one('span[lang="nl"]') is not None  # ‘begint’ in a reason
    sources = article(page_file(site, "en", "bronnen.md")).get_text()
    assert "(2009, September)" in sources and "september" not in sources


def test_each_exception_has_a_reason_and_the_counts_are_reported():
    termbase = PROJECT.termbase()
    derived = sum(1 for term in termbase.terms if term.concept)
    print(f"\ntermbase: {len(termbase.terms)} terms ({derived} from concepts, {len(termbase.terms) - derived} own), "
          f"{len(termbase.accepted)} exceptions")
    assert all(len(accepted.why) > 20 for accepted in termbase.accepted.values())
    assert Path(termbase.terms[0].where.split(":")[0]) == Path("docs/data/termbase.yml")
