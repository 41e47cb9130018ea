"""The termbase, docs/data/termbase.yml: the approved renderings of Dutch terms, the renderings
to avoid, and the accepted departures (docs/README.md, "The termbase").

A term either names a concept of the glossary (`concept: eigen-kracht`), whose forms in every
language (term + forms) are then the term's, or lists its forms itself (`nl: [...]`, `en: [...]`).
Every fault names the file and the line: an unknown concept, a term without renderings in a
translation's language, an avoided rendering that is also approved, an exception that names an
unknown term or a place that is not in the text.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from edition.data import Data, read_yaml
from edition.text.source_blocks import source_places

FILE = "termbase.yml"
FOOTNOTE_PLACE = re.compile(r"^\[\^[^\]\s]+\]$")


@dataclass(frozen=True)
class Term:
    key: str  # how exceptions name it: the concept id, or the first form in the source language
    forms: dict[str, tuple[str, ...]]  # per language: the source's forms, a translation's approved renderings
    avoid: tuple[str, ...]  # never used in a translation
    concept: str | None
    where: str  # docs/data/termbase.yml:12


@dataclass(frozen=True)
class Accepted:
    """An accepted departure: at this place the translation need not use an approved rendering."""
    term: str
    place: str  # a numbered paragraph ("3.4") or a footnote ("[^4]")
    why: str
    where: str


@dataclass(frozen=True)
class Termbase:
    terms: tuple[Term, ...]
    accepted: dict[tuple[str, str], Accepted]  # (term key, place) -> the exception
    source_language: str

    def dutch_kept(self, lang: str) -> tuple[str, ...]:
        """The source-language forms that are no rendering in `lang` (longest first): kept in a
        translation, they are the source language's words and must be marked so."""
        renderings = {normal(form) for term in self.terms for form in term.forms[lang]}
        return tuple(sorted({form for term in self.terms for form in term.forms[self.source_language]
                             if normal(form) not in renderings}, key=len, reverse=True))


def normal(text: str) -> str:
    """Case and the typographic apostrophe do not count when forms are compared."""
    return text.replace("’", "'").casefold()


@functools.lru_cache(maxsize=None)
def pattern(forms: tuple[str, ...]) -> re.Pattern:
    """Any of the forms as whole words, case-insensitive; a space matches any white space and an
    apostrophe either apostrophe."""
    def one(form: str) -> str:
        return r"\s+".join(re.escape(word).replace("'", "['’]") for word in form.replace("’", "'").split())
    alternatives = "|".join(one(form) for form in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _forms(entry: Data, key: str, what: str) -> tuple[str, ...]:
    """A list of forms (a single text is a list of one); empty or non-text items are faults."""
    found = entry.get(key)
    if found is None or found.value is None:
        return ()
    items = [found] if isinstance(found.value, str) else list(found)
    if not isinstance(found.value, (str, list)) or any(
            not isinstance(item.value, str) or not item.value.strip() for item in items):
        raise found.error(f"{what}: `{key}:` must be a list of words or phrases, e.g. {key}: [gemeente, gemeenten]")
    return tuple(" ".join(item.value.split()) for item in items)


def _term(entry: Data, project, where: str) -> Term:
    source, translations = project.source_language, project.other_languages(project.source_language)
    if not isinstance(entry.value, dict):
        raise entry.error(f"a term is a mapping: `concept: <id>`, or `{source}: [...]` with "
                          + ", ".join(f"`{lang}: [...]`" for lang in translations))
    concept_id = entry.get("concept")
    if concept_id is not None:
        concepts = project.concepts()
        if concept_id.value not in concepts:
            raise concept_id.error(f"no concept '{concept_id.value}' (no docs/data/concepts/{concept_id.value}.yml)")
        listed = [lang for lang in project.languages if entry.get(lang) is not None]
        if listed:
            raise entry.error(f"term '{concept_id.value}' takes its forms from its concept: add "
                              f"{', '.join(listed)} forms to docs/data/concepts/{concept_id.value}.yml "
                              f"(forms:), not here", entry.key_line(listed[0]))
        concept = concepts[concept_id.value]
        forms = {lang: (concept.term[lang],) + concept.forms[lang] for lang in project.languages}
        key = concept.id
    else:
        first = _forms(entry, source, "a term")
        if not first:
            raise entry.error(f"a term needs `concept: <id>` or its forms in `{source}: [...]`")
        key = first[0]
        forms = {source: first}
        for lang in translations:
            forms[lang] = _forms(entry, lang, f"term '{key}'")
            if not forms[lang]:
                raise entry.error(f"term '{key}' has no approved renderings in '{lang}': add {lang}: [...]",
                                  entry.key_line(lang))
    avoid = _forms(entry, "avoid", f"term '{key}'")
    for lang in translations:
        clash = [a for a in avoid if normal(a) in {normal(f) for f in forms[lang]}]
        if clash:
            raise entry.error(f"term '{key}': '{clash[0]}' is both approved and to be avoided", entry.key_line("avoid"))
    return Term(key, forms, avoid, concept_id.value if concept_id else None, f"{where}:{entry.line}")


def _check_terms(terms: list[tuple[Term, Data]], project) -> None:
    """One term per key and per source form; no rendering that one term avoids and another approves."""
    seen: dict[str, Term] = {}
    for term, entry in terms:
        for form in term.forms[project.source_language]:
            other = seen.get(normal(form))
            if other is not None and other is not term:
                raise entry.error(f"term '{term.key}': the form '{form}' is also a form of term '{other.key}' "
                                  f"({other.where}): a form belongs to one term")
            seen[normal(form)] = term
        keys = [t.key for t, _ in terms]
        if keys.count(term.key) > 1:
            raise entry.error(f"term '{term.key}' is listed twice")
    for term, entry in terms:
        for other, _ in terms:
            for lang in project.other_languages(project.source_language):
                clash = {normal(a) for a in term.avoid} & {normal(f) for f in other.forms[lang]}
                if clash and other is not term:
                    raise entry.error(f"term '{term.key}' avoids '{sorted(clash)[0]}', which is an approved "
                                      f"rendering of term '{other.key}' ({other.where})", entry.key_line("avoid"))


def _accepted(entry: Data, keys: dict[str, Term], places: set[str], where: str) -> Accepted:
    if not isinstance(entry.value, dict):
        raise entry.error("an exception is a mapping: term, paragraph, why")
    term = entry.require("term", "the term's concept id or first Dutch form")
    if str(term.value) not in keys:
        raise term.error(f"exception for unknown term '{term.value}': name a term by its concept id "
                         f"or its first form")
    place = entry.require("paragraph", 'a paragraph number in quotes ("3.4") or a footnote ("[^4]")')
    if not isinstance(place.value, str):
        raise place.error(f'the paragraph must be written in quotes: "{place.value}" (YAML reads 7.10 as 7.1)')
    if place.value not in places:
        kind = "footnote" if FOOTNOTE_PLACE.match(place.value) else "numbered paragraph"
        raise place.error(f"exception for term '{term.value}' at '{place.value}': there is no such {kind} "
                          f'in the text (a paragraph number "3.4", or a footnote "[^4]")')
    why = entry.text("why", "the reason the translation departs from the termbase here")
    return Accepted(str(term.value), place.value, " ".join(why.split()), f"{where}:{entry.line}")


def load_termbase(project) -> Termbase:
    where = project.shown(project.data / FILE)
    data = read_yaml(project.data / FILE, where)
    if not isinstance(data.value, dict):
        raise data.error("expected `terms:` (and `exceptions:`)")
    unknown = [key for key, _ in data.items() if key not in ("terms", "exceptions")]
    if unknown:
        raise data.error(f"unknown key `{unknown[0]}:` (expected terms:, exceptions:)", data.key_line(unknown[0]))
    entries = data.require("terms", "the terms")
    if not isinstance(entries.value, list):
        raise entries.error("`terms:` must be a list")
    terms = [(_term(entry, project, where), entry) for entry in entries]
    _check_terms(terms, project)
    keys = {term.key: term for term, _ in terms}
    places = {place for page in source_places(project).values() for place in page}
    accepted = {}
    for entry in data.sequence("exceptions", "term, paragraph, why"):
        exception = _accepted(entry, keys, places, where)
        if (exception.term, exception.place) in accepted:
            raise entry.error(f"a second exception for term '{exception.term}' at {exception.place}")
        accepted[(exception.term, exception.place)] = exception
    return Termbase(tuple(term for term, _ in terms), accepted, project.source_language)
