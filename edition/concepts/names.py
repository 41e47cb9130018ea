"""Names are one fact: every spelling of a person's or an organisation's name in the text and
the data is the one of its register, and a variant stops the build with its file and line.

The registers, in order of authority: the list of interviewees at the end of voorbeelden.md
(the source language's; the translation's list must name the same people), the authors and
organisations of docs/data/people.yml, the authors of docs/data/sources.yml. Each register's
names are checked against the ones before it; then every capitalised word of the pages (each
edition its own) and of the data (the source language's edition) is checked against all of them.
A deliberate change of a name in the source is a correction (docs/data/corrections/): its
`original` is the one place where the old spelling stays (besides the source text itself).

The similarity rule: a word is a variant of a registered name word when it is not itself a
registered spelling, is no ordinary word (its lower-case form occurs nowhere in the text or the
data), and either
- it equals the name word once both are folded: case and accents ignored, "ij" read as "y",
  a doubled letter read as one (Matijssen ~ Mattijssen, Menendez ~ Menéndez); or
- the name word has at least five letters, both start with the same letter, and one letter
  inserted, left out, changed or two neighbours swapped turns one into the other, folded
  (Akebe ~ Akabe, Gabri ~ Gabrie).
A possessive ("Lam’s") counts as the name. The name words are every word of a person's name
(not its particles: van, de, tot) and organisations' names of one word (Combiwerk, DOK) or
their hyphenated compounds (Verwey-Jonker): the other words of a longer name are words of the
language or of a place (Haagse, Delft), whose inflections are no variants.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from edition.concepts import people
from edition.data import read_yaml
from edition.errors import ContentError

WORD = re.compile(r"[^\W\d_][\w’'-]*[^\W_]|[^\W\d_]")
NOT_PROSE = re.compile(r"\]\([^)]*\)|<[^>]*>|\{[^}]*\}|https?://\S+|\[@[^\]]*\]")
POSSESSIVE = re.compile(r"[’']s$")
DATA_SKIPPED = ("source", "translation")  # the brochure as extracted; fingerprints
PARTICLES = {"van", "de", "der", "den", "tot", "te", "ter", "het", "la", "le", "von"}
CORRECTION_ORIGINAL = re.compile(r"^\s*-?\s*original\s*:")


@dataclass
class Register:
    spellings: dict[str, str]  # a registered name word -> where it is registered (file:line)
    ordinary: set[str]  # every word that occurs in lower case (casefolded)
    # variant_of per word of the text, once the register is complete (a name recurs on every page)
    checked: dict[str, str | None] = field(default_factory=dict)


# Cached: variant_of folds every registered spelling for each capitalised word of the text.
@functools.lru_cache(maxsize=None)
def fold(word: str) -> str:
    plain = unicodedata.normalize("NFKD", word.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c)).replace("ij", "y")
    return re.sub(r"(.)\1+", r"\1", plain)


def one_edit(a: str, b: str) -> bool:
    """One insertion, deletion, substitution or swap of neighbours turns a into b."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    start = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    if len(a) == len(b):
        swapped = start + 1 < len(a) and a[start] == b[start + 1] and a[start + 1] == b[start]
        return a[start + 1:] == b[start + 1:] or (swapped and a[start + 2:] == b[start + 2:])
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    return shorter[start:] == longer[start + 1:]


def variant_of(word: str, register: Register) -> str | None:
    """The registered spelling `word` is a variant of, or None."""
    word = POSSESSIVE.sub("", word)
    if word in register.spellings or word.casefold() in register.ordinary:
        return None
    folded = fold(word)
    for spelling in register.spellings:
        known = fold(spelling)
        if folded == known or (len(known) >= 5 and folded[:1] == known[:1] and one_edit(folded, known)):
            return spelling
    return None


def _capitalised(line: str) -> list[str]:
    return [w for w in WORD.findall(NOT_PROSE.sub(" ", line)) if w[0].isupper()]


def _ordinary(texts: list[str]) -> set[str]:
    return {w.casefold() for text in texts for w in WORD.findall(NOT_PROSE.sub(" ", text)) if w[0].islower()}


def _add(register: Register, name: str, where: str, organisation: bool = False) -> None:
    """Register the words of a name, each first checked against the registers before it. Of an
    organisation's name of several words only the compounds with a hyphen are its own (Delft,
    Haagse or Instituut are words of places and of the language)."""
    words = [w for w in _capitalised(name) if w.casefold() not in PARTICLES]
    if organisation and len(name.split()) > 1:
        words = [w for w in words if "-" in w]
    for word in words:
        word = POSSESSIVE.sub("", word)
        known = variant_of(word, register)
        if known is not None:
            raise ContentError(where.rsplit(":", 1)[0], _message(word, known, register), int(where.rsplit(":", 1)[1]))
        register.spellings.setdefault(word, where)


def _message(word: str, known: str, register: Register) -> str:
    return (f"'{word}' looks like a variant of the name '{known}' ({register.spellings[known]}): names are "
            f"one fact, write '{known}' (a deliberate change of a name in the source is a correction, "
            f"docs/data/corrections/; see edition/concepts/names.py for the rule)")


def corpus(project) -> dict[Path, str]:
    """Every file the names are checked in: the pages of every language and the data."""
    def read():
        files = [p for lang in project.languages for p in sorted(project.content(lang).rglob("*.md"))]
        files += [p for p in sorted(project.data.rglob("*.yml"))
                  if p.relative_to(project.data).parts[0] not in DATA_SKIPPED]
        return {path: path.read_text(encoding="utf-8") for path in files}
    return project.once("names-corpus", read)


def register(project) -> Register:
    return project.once("names-register", lambda: _register(project))


def _register(project) -> Register:
    texts = corpus(project)
    found = Register({}, _ordinary(list(texts.values())))
    source = project.content(project.source_language) / people.SOURCE_PAGE
    strings = project.strings(project.source_language)
    for entry in people.interviewees(texts[source], strings["people_conjunction"], project.shown(source)):
        _add(found, entry.name, f"{entry.where}:{entry.line}")
    data = read_yaml(project.data / people.DATA_FILE, project.shown)
    for key in ("authors", "organisations"):
        for item in data.sequence(key):
            name = item.get("name")
            _add(found, str(name.value if name else ""), f"{item.file}:{item.line}", key == "organisations")
            for match in item.sequence("match"):
                _add(found, str(match.value), f"{item.file}:{match.line}", True)
    works = read_yaml(project.data / "sources.yml", project.shown)
    for work in works:
        for name in list(work.sequence("authors")) + list(work.sequence("cites")):
            person = "," in str(name.value)  # "Jacobs, G."; else an organisation, or a citation
            _add(found, str(name.value).split(",")[0] if person else str(name.value), f"{name.file}:{name.line}",
                 organisation=not person and "&" not in str(name.value) and "(" not in str(name.value))
    return found


def variants(text: str, shown: str, found: Register, skip=None) -> list[ContentError]:
    """Every variant spelling of a registered name in a file's text, with its line."""
    errors = []
    for number, line in enumerate(text.splitlines(), start=1):
        if skip and skip.match(line):
            continue
        for word in _capitalised(line):
            known = _checked(word, found)
            if known is not None:
                errors.append(ContentError(shown, _message(word, known, found), number))
    return errors


def same_interviewees(project, lang: str) -> None:
    """A translation's list of interviewees names the same people, in the same order."""
    lists = {}
    for language in (project.source_language, lang):
        path = project.content(language) / people.SOURCE_PAGE
        lists[language] = people.interviewees(corpus(project)[path], project.strings(language)["people_conjunction"],
                                              project.shown(path))
    for source, translated in zip(lists[project.source_language], lists[lang]):
        if source.name != translated.name:
            raise ContentError(translated.where, f"the list of interviewees names '{translated.name}' where the "
                                                 f"source names '{source.name}' ({source.where}:{source.line})",
                               translated.line)
    if len(lists[lang]) != len(lists[project.source_language]):
        raise ContentError(lists[lang][0].where, "the list of interviewees does not name the same people as the "
                                                 f"source's ({len(lists[lang])} against {len(lists[project.source_language])})")


def _checked(word: str, found: Register) -> str | None:
    if word not in found.checked:
        found.checked[word] = variant_of(word, found)
    return found.checked[word]


def check_names(project, lang: str) -> None:
    """The first variant spelling in this edition's pages (and, for the source language, the
    data) stops the build."""
    found = register(project)
    if lang != project.source_language:
        same_interviewees(project, lang)
    for path, text in corpus(project).items():
        if path.is_relative_to(project.data) and lang != project.source_language:
            continue
        if not path.is_relative_to(project.data) and not path.is_relative_to(project.content(lang)):
            continue
        skip = CORRECTION_ORIGINAL if path.parent.name == "corrections" else None
        errors = variants(text, project.shown(path), found, skip)
        if errors:
            raise errors[0]
