"""Data faults, read through the loaders of a broken copy of docs/ (no build needed): each
names the file and the line of the value at fault, or of the entry that lacks it."""
from __future__ import annotations

from conftest import error_of
from edition.concepts.people import load_data
from edition.project import default_project

PROJECT = default_project()


def test_yaml_syntax_error_names_the_summary_and_its_line(copy):
    project, edit = copy
    line = edit("summaries/inleiding.yml", "en: |", "en: [unclosed")
    error = error_of(project.summaries)
    assert error == (f"docs/data/summaries/inleiding.yml:{line}: not valid YAML: did not find expected ',' or ']' "
                     f"(noticed on line 19, while parsing a flow sequence on line {line})"), error


def test_organisation_without_a_name_names_its_entry(copy):
    project, edit = copy
    line = edit("people.yml", "  - name: DOK\n    match: [DOK]", "  - match: [DOK]")
    error = error_of(lambda: load_data(project, "nl"))
    assert error == (f"docs/data/people.yml:{line}: `name:` is missing (every organisation needs a name)"), error


def test_unknown_concept_in_the_guide_names_its_line(copy):
    from edition.reader.discussion_guide import check_concepts
    project, edit = copy
    line = edit("discussion-guide.yml", "concepts: [oerkracht-en-vaardigheden, zelfbeleving",
                "concepts: [bestaat-niet, zelfbeleving")
    error = error_of(lambda: check_concepts(project, project.guide("nl")))
    assert error.startswith(f"docs/data/discussion-guide.yml:{line}: oerkracht-en-vaardigheden: no concept "
                            f"'bestaat-niet' in docs/data/concepts/ (known: "), error


def test_guide_step_without_a_language_names_the_step(copy):
    project, edit = copy
    line = edit("discussion-guide.yml", "    en:\n      step: Welcome\n", "    fr:\n      step: Welcome\n")
    error = error_of(lambda: project.guide("en"))
    assert error == (f"docs/data/discussion-guide.yml:{line - 4}: evening, step 1: no 'en' text "
                     f"(`en:` with step and what)"), error


def test_concept_without_a_definition_in_one_language_names_the_line(copy):
    project, edit = copy
    line = edit("concepts/eigen-kracht.yml", "definition:\n  nl:", "definition:\n  fr:")
    error = error_of(project.concepts)
    assert error == (f"docs/data/concepts/eigen-kracht.yml:{line}: concept 'eigen-kracht' has no definition "
                     f"in language 'nl' (add definition: nl: ...)"), error


def test_unknown_related_concept_names_its_line(copy):
    project, edit = copy
    line = edit("concepts/eigen-kracht.yml", "related: [empowerment,", "related: [bestaat-niet,")
    error = error_of(project.concepts)
    assert error == (f"docs/data/concepts/eigen-kracht.yml:{line}: concept 'eigen-kracht' relates to "
                     f"'bestaat-niet', which is not a concept (no docs/data/concepts/bestaat-niet.yml)"), error


def test_publication_date_that_is_no_date_names_its_line(copy):
    project, edit = copy
    line = edit("publication.yml", "edition_date: 2026-11-25", "edition_date: soon")
    error = error_of(project.publication)
    assert error == f"docs/data/publication.yml:{line}: edition_date must be a date (YYYY-MM-DD), not 'soon'", error


def test_stop_word_that_is_no_word_names_its_line(copy):
    project, edit = copy
    line = edit("search.yml", "  en: [a, about,", "  en: [a, About,")
    error = error_of(lambda: project.stop_words("en"))
    assert error == f"docs/data/search.yml:{line}: the stop words of 'en' must be a list of words in lower case", error


def test_a_fresh_project_reads_its_own_copy_not_the_repository(copy):
    """Nothing is cached across projects: a test's copy is what its loaders read."""
    project, edit = copy
    edit("interface.yml", "nl:", "nl:\n  only_in_the_copy: ja")
    assert project.strings("nl")["only_in_the_copy"] == "ja"
    assert "only_in_the_copy" not in PROJECT.strings("nl")
