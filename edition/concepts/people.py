"""The index of people and organisations: the interviewees (read from the list of
"Gesprekspartners" in voorbeelden.md), the authors and the organisations and projects
(docs/data/people.yml), each with the numbered paragraphs that name them and, for the
interviewees, their quotes: text in “…” attributed to the person named before it.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from bs4 import Tag

from edition.data import read_yaml
from edition.errors import ContentError, line_of
from edition.markup import any_of, element

PAGE = "personen-en-organisaties.md"
SOURCE_PAGE = "voorbeelden.md"
SOURCE_SECTION = "gesprekspartners"
DATA_FILE = "people.yml"
MARKER = "<!-- people:{} -->"
ENTRY = re.compile(r"^- \*\*(.+?)\*\* — (.+)$")
QUOTE = re.compile(r"“[^”]+”")
SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
NOT_TEXT = any_of(element("a", "paranum"), element("sup", id_prefix="fnref"),  # a.paranum, sup[id^='fnref'],
                  element(cls="edition-note"))  # .edition-note


@dataclass
class Entry:
    """A person or an organisation, and what the text says about them."""
    name: str
    about: str  # role or description
    patterns: list[re.Pattern]
    wrote: list[str] = field(default_factory=list)
    mentions: list[tuple[str, str]] = field(default_factory=list)  # (number, anchor)
    quotes: list[tuple[str, str, str, str | None]] = field(default_factory=list)  # number, anchor, quote, original
    where: str = ""  # the file that names it, and the line
    line: int | None = None

    @property
    def slug(self) -> str:
        plain = unicodedata.normalize("NFKD", self.name.casefold()).encode("ascii", "ignore").decode()
        return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def _words(phrase: str) -> re.Pattern:
    return re.compile(r"(?<![\w-])" + r"\s+".join(re.escape(w) for w in phrase.split()) + r"(?![\w])")


def interviewees(markdown: str, conjunction: str, shown: str) -> list[Entry]:
    """The list under "## … { #gesprekspartners }": "- **Name(s)** — role"."""
    start = re.search(r"^##\s.*\{ #" + SOURCE_SECTION + r" \}\s*$", markdown, re.MULTILINE)
    if start is None:
        raise ContentError(shown, f"the list of interviewees (a heading {{ #{SOURCE_SECTION} }}) is missing")
    people = []
    for line in markdown[start.end():].splitlines():
        if line.startswith("#"):
            break
        match = ENTRY.match(line.strip())
        if match:
            for name in match.group(1).split(f" {conjunction} "):
                people.append(Entry(name.strip(), match.group(2).strip(), [], where=shown,
                                    line=line_of(markdown, line)))
    if not people:
        raise ContentError(shown, "no interviewees found: each line must read '- **Name** — role'",
                           line_of(markdown, start.group(0)))
    return people


def name_patterns(entries: list[Entry]) -> None:
    """A person is named by full name, or by first name alone where no one else shares it."""
    first_names = [name.split()[0] for name in {e.name for e in entries}]
    for entry in entries:
        first = entry.name.split()[0]
        entry.patterns = [_words(entry.name)] + ([_words(first)] if first_names.count(first) == 1 else [])


def load_data(project, lang: str) -> tuple[list[Entry], list[Entry]]:
    data = read_yaml(project.data / DATA_FILE, project.shown)
    authors, organisations = [], []
    for item in data.sequence("authors", "name, role per language, wrote"):
        name = item.text("name", "every author needs a name")
        authors.append(Entry(name, item.in_languages("role", project.languages, f"'{name}'")[lang], [],
                             [str(page) for page in item.value.get("wrote") or []], where=item.file, line=item.line))
    for item in data.sequence("organisations", "name, match, about per language"):
        name = item.text("name", "every organisation needs a name")
        matches = item.require("match", f"organisation '{name}' needs match: [words that name it]")
        organisations.append(Entry(name, item.in_languages("about", project.languages, f"'{name}'")[lang],
                                   [_words(str(m)) for m in matches.value], where=item.file, line=item.line))
    return authors, organisations


def _attributed(text: str, entries: list[Entry]) -> list[tuple[Entry, re.Match]]:
    """The quotes of a paragraph with the person they are attributed to.

    A quote belongs to the last person named before it when nothing ends a sentence in
    between ("In de woorden van Wouke Lam “…”"), or when it is introduced by a colon ("In haar
    woorden: “…”"). Other quoted words (“Stuurvrouw”, the “ik”) are nobody's quote.
    """
    names = sorted(((m.start(), m.end(), e) for e in entries for p in e.patterns for m in p.finditer(text)),
                   key=lambda n: n[0])
    found = []
    for quote in QUOTE.finditer(text):
        before = [n for n in names if n[1] <= quote.start()]
        if not before:
            continue
        _, end, person = before[-1]
        between = text[end:quote.start()]
        if not SENTENCE_END.search(between) or between.rstrip().endswith(":"):
            found.append((person, quote))
    return found


def record_block(element: Tag, number: str, people: list[Entry], organisations: list[Entry]) -> None:
    """Note who the numbered paragraph names, and whose quotes it holds. The element is
    changed (read it from a parse of the page that is thrown away afterwards)."""
    for extra in element.find_all(NOT_TEXT):
        extra.decompose()
    originals = []
    for original in element.find_all(class_="original"):  # the Dutch beside a translated quote
        originals.append(" ".join(original.get_text().split()).strip("() "))
        original.replace_with(f"\x02{len(originals) - 1}\x03")
    text = " ".join(element.get_text().split())
    anchor = element["id"]
    for entry in people + organisations:
        if any(p.search(text) for p in entry.patterns) and (number, anchor) not in entry.mentions:
            entry.mentions.append((number, anchor))
    for person, quote in _attributed(text, people):
        tail = re.match(r"\s*\x02(\d+)\x03", text[quote.end():])
        visible = re.sub(r"\x02\d+\x03", "", quote.group(0))
        person.quotes.append((number, anchor, visible, originals[int(tail.group(1))] if tail else None))
