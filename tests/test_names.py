"""Names are one fact (edition/concepts/names.py): a variant spelling of a registered name, in
the text or the data, stops the build with its file and line; the corrections table keeps the
source's spellings it corrected."""
from __future__ import annotations

import pytest

from conftest import error_of
from edition.concepts import names
from edition.project import default_project

PROJECT = default_project()


@pytest.mark.parametrize("variant, name", [
    ("Matijssen", "Mattijssen"),  # a doubled letter
    ("Menendez", "Menéndez"),  # an accent
    ("Akebe", "Akabe"),  # one letter changed
    ("Gabri", "Gabrie"),  # one left out
    ("Laverak", "Laverack"),  # a cited author
    ("Woonbronn", "Woonbron"),  # an organisation
    ("Schikohf", "Schikhof"),  # two neighbours swapped
])
def test_a_variant_is_found_by_the_similarity_rule(variant, name):
    assert names.variant_of(variant, names.register(PROJECT)) == name


@pytest.mark.parametrize("word", ["Mattijssen", "Lam’s", "Delfts", "Hague", "Shall", "Kameroen", "Delft"])
def test_words_of_the_language_and_places_are_no_variants(word):
    assert names.variant_of(word, names.register(PROJECT)) is None


def test_the_repository_spells_every_name_as_registered():
    for lang in PROJECT.languages:
        names.check_names(PROJECT, lang)


def test_a_variant_in_the_data_names_its_file_and_line(copy):
    project, edit = copy
    line = edit("discussion-guide.yml", "Mattijssen", "Matijssen")
    error = error_of(lambda: names.check_names(project, "nl"))
    assert error.startswith(f"docs/data/discussion-guide.yml:{line}: 'Matijssen' looks like a variant of the name "
                            f"'Mattijssen' (docs/nl/voorbeelden.md:"), error


def test_a_variant_in_a_page_fails_that_edition(copy):
    project, edit = copy
    line = edit("../en/voorbeelden.md", "In the words of Wouke Lam", "In the words of Wouke Lamm")
    assert error_of(lambda: names.check_names(project, "en")).startswith(
        f"docs/en/voorbeelden.md:{line}: 'Lamm' looks like a variant of the name 'Lam'")
    names.check_names(project, "nl")  # the Dutch edition checks its own pages


def test_the_build_step_stops_on_a_variant(copy, tmp_path):
    """The People step checks the names once every page is rendered (in process, no generator)."""
    from edition.concepts.steps import People
    from edition.pipeline.page import Edition
    project, edit = copy
    line = edit("concepts/zelfinzicht.yml", "Faouzzia", "Faouzia")
    step = People(Edition(project, "nl", "https://example.org/nl/", tmp_path, "site", "author"))
    assert error_of(step.all_rendered).startswith(
        f"docs/data/concepts/zelfinzicht.yml:{line}: 'Faouzia' looks like a variant of the name 'Faouzzia'")


def test_people_yml_is_checked_against_the_list_of_interviewees(copy):
    project, edit = copy
    line = edit("people.yml", "  - name: Saskia Bolten", "  - name: Saskia Boltan")
    assert error_of(lambda: names.register(project)).startswith(
        f"docs/data/people.yml:{line}: 'Boltan' looks like a variant of the name 'Bolten' (docs/nl/voorbeelden.md:")


def test_the_translation_lists_the_same_interviewees(copy):
    project, edit = copy
    line = edit("../en/voorbeelden.md", "- **Eelco Kat** —", "- **Eelco Katt** —")
    assert error_of(lambda: names.check_names(project, "en")) == (
        f"docs/en/voorbeelden.md:{line}: the list of interviewees names 'Eelco Katt' where the source names "
        f"'Eelco Kat' (docs/nl/voorbeelden.md:{line})")


def test_the_corrections_keep_the_spelling_they_corrected():
    originals = [c["original"] for c in PROJECT.corrections()]
    assert "Marcel Matijssen noemt" in originals  # allowed there, and only there
