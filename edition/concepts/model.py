"""The glossary's concepts: one YAML file per concept, docs/data/concepts/<id>.yml.

Each concept has, in every language, a term, a short definition and a longer explanation; its
kind comes from docs/data/concept-kinds.yml and its related concepts must exist. Bad data
stops the build naming the file, the line and the concept's id.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from edition.data import Data, read_yaml
from edition.errors import ContentError

CONCEPTS_DIR = "concepts"
KINDS_FILE = "concept-kinds.yml"
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Pages the glossary generates next to the concept pages in begrippen/: not usable as ids.
RESERVED_IDS = ("index", "kaart")
TEXT_FIELDS = ("term", "definition", "explanation")
SCOPES = ("essay", "anywhere")


@dataclass(frozen=True)
class Kind:
    id: str
    label: dict[str, str]
    heading: dict[str, str]
    linked_from: str  # "essay" (sections 1-6) or "anywhere"


@dataclass(frozen=True)
class Concept:
    id: str
    kind: str
    term: dict[str, str]
    forms: dict[str, tuple[str, ...]]  # the words the text uses for it, besides the term
    definition: dict[str, str]
    explanation: dict[str, str]
    related: tuple[str, ...]
    source: str  # docs/data/concepts/<id>.yml

    def title(self, lang: str) -> str:
        """The term as a heading: "kritisch bewustzijn" -> "Kritisch bewustzijn"."""
        term = self.term[lang]
        return term[:1].upper() + term[1:]

    def sort_key(self, lang: str) -> str:
        return sort_key(self.term[lang])


def sort_key(text: str) -> str:
    """A–Z order blind to case and accents (é sorts with e)."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in plain if c.isalnum() or c == " ")


def load_kinds(project) -> dict[str, Kind]:
    data = read_yaml(project.data / KINDS_FILE, project.shown)
    kinds = {}
    for kind_id, entry in data.items():
        for field in ("label", "heading"):
            entry.in_languages(field, project.languages, f"kind '{kind_id}'")
        if entry.value.get("linked_from") not in SCOPES:
            found = entry.get("linked_from")
            raise (found or entry).error(f"kind '{kind_id}': linked_from must be one of {', '.join(SCOPES)}")
        kinds[kind_id] = Kind(kind_id, entry.value["label"], entry.value["heading"], entry.value["linked_from"])
    return kinds


def _concept(project, path: Path, kinds: dict[str, Kind]) -> tuple[Concept, Data]:
    concept_id = path.stem
    shown = project.shown(path)
    if not ID.match(concept_id) or concept_id in RESERVED_IDS:
        raise ContentError(shown, f"'{concept_id}' is not a usable concept id: Dutch kebab-case "
                                  f"(a-z, 0-9, -), not {' or '.join(RESERVED_IDS)}")
    entry = read_yaml(path, shown)
    if not isinstance(entry.value, dict):
        raise entry.error(f"concept '{concept_id}': expected a mapping of fields")
    kind = entry.require("kind", f"concept '{concept_id}': one of {', '.join(kinds)}")
    if kind.value not in kinds:
        raise kind.error(f"concept '{concept_id}' has kind '{kind.value}', which is not in "
                         f"docs/data/{KINDS_FILE} ({', '.join(kinds)})")
    texts = {field: {lang: " ".join(text.split()) for lang, text in
                     entry.in_languages(field, project.languages, f"concept '{concept_id}'").items()}
             for field in TEXT_FIELDS}
    forms = entry.value.get("forms") or {}
    concept = Concept(
        id=concept_id, kind=kind.value, **texts,
        forms={lang: tuple(str(f) for f in (forms.get(lang) or ())) for lang in project.languages},
        related=tuple(str(r) for r in (entry.value.get("related") or ())), source=shown)
    return concept, entry


def load_concepts(project) -> dict[str, Concept]:
    """Every concept, by id, in the order of the files; related ids checked."""
    kinds = project.kinds()
    loaded = [_concept(project, path, kinds) for path in sorted((project.data / CONCEPTS_DIR).glob("*.yml"))]
    concepts = {concept.id: concept for concept, _ in loaded}
    for concept, entry in loaded:
        for item in entry.sequence("related", "concept ids"):
            other = str(item.value)
            if other not in concepts or other == concept.id:
                problem = "relates to itself" if other == concept.id else \
                    f"relates to '{other}', which is not a concept (no docs/data/{CONCEPTS_DIR}/{other}.yml)"
                raise item.error(f"concept '{concept.id}' {problem}")
    return concepts


@functools.lru_cache(maxsize=None)
def plain(markdown_text: str) -> str:
    """A definition without its Markdown (emphasis), for the popover's plain text."""
    import markdown
    from bs4 import BeautifulSoup
    return BeautifulSoup(markdown.markdown(markdown_text), "html.parser").get_text()
