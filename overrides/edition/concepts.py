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

import yaml

from .errors import ContentError
from .paths import LANGUAGES

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


def _child(node: yaml.Node | None, key: str) -> tuple[yaml.Node | None, yaml.Node | None]:
    """The key node and value node of `key` in a YAML mapping node (None, None if absent)."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == key:
                return key_node, value_node
    return None, None


def _line(node: yaml.Node | None) -> int | None:
    return node.start_mark.line + 1 if node is not None else None


# libyaml where present: reading the 50-odd files is then a small part of a build.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read(path: Path, shown: str) -> tuple[dict, yaml.Node]:
    """The file's data, and its node tree (which knows each value's line)."""
    text = path.read_text(encoding="utf-8")
    try:
        return yaml.load(text, Loader=LOADER) or {}, yaml.compose(text, Loader=LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ContentError(shown, f"not valid YAML: {error}", mark.line + 1 if mark else None) from None


def load_kinds(data_dir: Path) -> dict[str, Kind]:
    shown = f"docs/data/{KINDS_FILE}"
    data, root = _read(data_dir / KINDS_FILE, shown)
    kinds = {}
    for kind_id, entry in data.items():
        key_node, node = _child(root, kind_id)
        for field in ("label", "heading"):
            for lang in LANGUAGES:
                if not str((entry.get(field) or {}).get(lang) or "").strip():
                    raise ContentError(shown, f"kind '{kind_id}' has no {field} for language '{lang}'",
                                       _line(_child(node, field)[0] or key_node))
        if entry.get("linked_from") not in SCOPES:
            raise ContentError(shown, f"kind '{kind_id}': linked_from must be one of {', '.join(SCOPES)}",
                               _line(_child(node, "linked_from")[0] or key_node))
        kinds[kind_id] = Kind(kind_id, entry["label"], entry["heading"], entry["linked_from"])
    return kinds


def _texts(entry: dict, root: yaml.Node, field: str, shown: str, concept_id: str) -> dict[str, str]:
    key_node, node = _child(root, field)
    values = entry.get(field)
    texts = {}
    for lang in LANGUAGES:
        value = values.get(lang) if isinstance(values, dict) else None
        if not isinstance(value, str) or not value.strip():
            where = _child(node, lang)[0] or key_node
            raise ContentError(shown, f"concept '{concept_id}' has no {field} in language '{lang}' "
                                      f"(add {field}: {lang}: ...)", _line(where) or 1)
        texts[lang] = " ".join(value.split())
    return texts


def _concept(path: Path, kinds: dict[str, Kind]) -> tuple[Concept, yaml.Node]:
    concept_id = path.stem
    shown = f"docs/data/{CONCEPTS_DIR}/{path.name}"
    if not ID.match(concept_id) or concept_id in RESERVED_IDS:
        raise ContentError(shown, f"'{concept_id}' is not a usable concept id: Dutch kebab-case "
                                  f"(a-z, 0-9, -), not {' or '.join(RESERVED_IDS)}")
    entry, root = _read(path, shown)
    if not isinstance(entry, dict):
        raise ContentError(shown, f"concept '{concept_id}': expected a mapping of fields", 1)
    kind_key, _ = _child(root, "kind")
    if entry.get("kind") not in kinds:
        raise ContentError(shown, f"concept '{concept_id}' has kind '{entry.get('kind')}', which is not in "
                                  f"docs/data/{KINDS_FILE} ({', '.join(kinds)})", _line(kind_key) or 1)
    texts = {field: _texts(entry, root, field, shown, concept_id) for field in TEXT_FIELDS}
    forms = entry.get("forms") or {}
    concept = Concept(
        id=concept_id, kind=entry["kind"], **texts,
        forms={lang: tuple(str(f) for f in (forms.get(lang) or ())) for lang in LANGUAGES},
        related=tuple(str(r) for r in (entry.get("related") or ())), source=shown)
    return concept, root


def load_concepts(data_dir: Path) -> dict[str, Concept]:
    """Every concept, by id, in the order of the files; related ids checked."""
    kinds = load_kinds(data_dir)
    loaded = [_concept(path, kinds) for path in sorted((data_dir / CONCEPTS_DIR).glob("*.yml"))]
    concepts = {concept.id: concept for concept, _ in loaded}
    for concept, root in loaded:
        _, related = _child(root, "related")
        items = related.value if isinstance(related, yaml.SequenceNode) else []
        for index, other in enumerate(concept.related):
            if other not in concepts or other == concept.id:
                line = _line(items[index]) if index < len(items) else _line(related)
                problem = "relates to itself" if other == concept.id else \
                    f"relates to '{other}', which is not a concept (no docs/data/{CONCEPTS_DIR}/{other}.yml)"
                raise ContentError(concept.source, f"concept '{concept.id}' {problem}", line)
    return concepts


@functools.lru_cache(maxsize=None)
def plain(markdown_text: str) -> str:
    """A definition without its Markdown (emphasis), for the popover's plain text."""
    import markdown
    from bs4 import BeautifulSoup
    return BeautifulSoup(markdown.markdown(markdown_text), "html.parser").get_text()
