"""The concept data, and bad input that stops the build naming the file, the line and the id:
a link to an unknown concept, a concept without a term or definition in one language, a
related concept that does not exist, a concept that no paragraph links to."""
import re

import pytest

from edition.errors import ContentError

from edition.project import LANGUAGES
from edition.project import default_project

PROJECT = default_project()

REQUIRED = (  # the concepts the issue names (ids of docs/data/concepts/*.yml)
    "empowerment zelfversterking eigen-kracht actief-burgerschap participatie emancipatie "
    "economische-zelfstandigheid persoonlijke-empowerment community-empowerment organisatie-empowerment "
    "ecologisch-mensbeeld zelfbeleving kritisch-bewustzijn gedrag bottom-up top-down aangeleerde-hulpeloosheid "
    "vicieuze-cirkel zero-sum-macht non-zero-sum-macht power-base rechtvaardigheid gelijkheid zelfbeschikking "
    "pluralisme democratische-participatie krachtgericht positief inclusief participatief integraal "
    "relatiegericht draagvlak randvoorwaarden vrijheid-in-gebondenheid loslaten countervailing-powers "
    "ik-en-de-ander veilig-netwerk trots oerkracht-en-vaardigheden uitdaging-en-veiligheid dromen-en-daden "
    "kracht-en-macht moeten-en-willen ruimte-en-grenzen").split()


def test_at_least_40_concepts_covering_those_the_issue_names():
    concepts = PROJECT.concepts()
    assert len(concepts) >= 40, f"only {len(concepts)} concepts"
    missing = [cid for cid in REQUIRED if cid not in concepts]
    assert not missing, f"no docs/data/concepts/<id>.yml for: {', '.join(missing)}"


def test_every_concept_has_both_languages_a_short_definition_and_a_known_kind():
    kinds = PROJECT.kinds()
    problems = []
    for concept in PROJECT.concepts().values():
        if concept.kind not in kinds:
            problems.append(f"{concept.source}: unknown kind {concept.kind}")
        for lang in LANGUAGES:
            sentences = len(re.findall(r"[.!?](?:\s|$)", concept.definition[lang]))
            if not 1 <= sentences <= 2:
                problems.append(f"{concept.source}: the {lang} definition has {sentences} sentences (1–2)")
            if len(concept.explanation[lang]) <= len(concept.definition[lang]):
                problems.append(f"{concept.source}: the {lang} explanation is not longer than the definition")
    assert not problems, "\n".join(problems)


def _replace(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: {old!r} not found (the fault test needs updating)"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return text


def _line(text, needle):
    return text[:text.index(needle)].count("\n") + 1


def test_link_to_unknown_concept_fails_naming_file_line_and_id(broken_copy):
    docs, build = broken_copy
    page = docs / "nl" / "verkenning" / "randvoorwaarden.md"
    text = _replace(page, "Werken aan empowerment is niet eenvoudig.",
                    "Werken aan [empowerment](../begrippen/bestaat-niet.md) is niet eenvoudig.")
    line = _line(text, "Werken aan empowerment is niet eenvoudig.")
    error = build()
    assert f"docs/nl/verkenning/randvoorwaarden.md:{line}: link to unknown concept 'bestaat-niet'" in error, error


@pytest.mark.parametrize("field, lang", [("term", "en"), ("definition", "nl")])
def test_concept_without_term_or_definition_in_a_language_fails(docs_copy, field, lang):
    path = docs_copy.data / "concepts" / "trots.yml"
    lines = path.read_text(encoding="utf-8").split("\n")
    start = lines.index(f"{field}:")
    # Drop the language's entry (and its folded continuation lines) under the field.
    entry = next(i for i in range(start + 1, len(lines)) if lines[i].startswith(f"  {lang}:"))
    end = entry + 1
    while end < len(lines) and lines[end].startswith("    "):
        end += 1
    del lines[entry:end]
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(ContentError) as error:
        docs_copy.concepts()
    assert str(error.value) == (f"docs/data/concepts/trots.yml:{start + 1}: concept 'trots' has no {field} "
                                f"in language '{lang}' (add {field}: {lang}: ...)")


def test_related_concept_that_does_not_exist_fails(docs_copy):
    path = docs_copy.data / "concepts" / "trots.yml"
    text = _replace(path, "related: [", "related: [bestaat-niet, ")
    with pytest.raises(ContentError) as error:
        docs_copy.concepts()
    assert str(error.value).startswith(f"docs/data/concepts/trots.yml:{_line(text, 'related: [')}: concept 'trots' "
                                       f"relates to 'bestaat-niet', which is not a concept")


def test_concept_that_no_paragraph_links_to_fails(broken_copy):
    docs, build = broken_copy
    source = (docs / "data" / "concepts" / "trots.yml").read_text(encoding="utf-8")
    (docs / "data" / "concepts" / "nergens-genoemd.yml").write_text(source, encoding="utf-8")
    error = build()
    assert ("docs/data/concepts/nergens-genoemd.yml: concept 'nergens-genoemd' is linked from no numbered "
            "paragraph of docs/nl/" in error), error


def test_organisation_the_text_never_names_fails(broken_copy):
    docs, build = broken_copy
    _replace(docs / "data" / "people.yml", "match: [Woonbron]", "match: [Woonbronnen]")
    error = build()
    line = _line((docs / "data" / "people.yml").read_text(encoding="utf-8"), "- name: Woonbron")
    assert f"docs/data/people.yml:{line}: 'Woonbron' is named in no numbered paragraph of docs/nl/" in error, error
