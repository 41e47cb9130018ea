"""The publication's bibliographic facts: who wrote which page, who published it, and when.

From docs/data/publication.yml (the authors), mkdocs.yml (site_author: the publisher) and
print.yml (published: the brochure's month); the titles come from the pages.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import ContentError, line_of
from .paths import DATA
from .print_settings import load_print_settings

FILE = "publication.yml"
WHERE = f"docs/data/{FILE}"


@dataclass(frozen=True)
class Author:
    name: str  # as it is written in running text: "Marjan de Gruijter", "Gemeente Delft"
    given: str = ""
    family: str = ""
    particle: str = ""

    @property
    def is_person(self) -> bool:
        return bool(self.family)

    def apa(self, pattern: str) -> str:
        """"Gruijter, M. de" (pattern from interface.yml: cite_apa_person); an organisation as is."""
        if not self.is_person:
            return self.name
        initials = " ".join(f"{part[0]}." for part in self.given.split())
        return " ".join(pattern.format(family=self.family, initials=initials, particle=self.particle).split())

    def inverted(self) -> str:
        """"de Gruijter, Marjan": BibTeX and RIS read a lower-case particle as part of the surname."""
        if not self.is_person:
            return self.name
        return f"{' '.join(filter(None, [self.particle, self.family]))}, {self.given}"


@dataclass(frozen=True)
class Publication:
    publisher: Author
    place: str
    year: int
    month: int
    authors: tuple[tuple[str, Author], ...]  # (page or folder/, author)

    @property
    def date(self) -> str:
        """ISO 8601 year and month: "2010-06"."""
        return f"{self.year:04d}-{self.month:02d}"

    def author_of(self, src: str) -> Author:
        for pages, author in self.authors:
            if src == pages or (pages.endswith("/") and src.startswith(pages)):
                return author
        return self.publisher


def load_publication(publisher: str, data: Path = DATA) -> Publication:
    path = data / FILE
    text = path.read_text(encoding="utf-8")
    raw = yaml.safe_load(text) or {}
    if not isinstance(raw.get("place"), str) or not isinstance(raw.get("authors"), list):
        raise ContentError(WHERE, "needs `place:` and `authors:` (a list of pages with given and family names)")
    authors = []
    for entry in raw["authors"]:
        if not isinstance(entry, dict) or not entry.get("family") or not entry.get("given") or not entry.get("pages"):
            raise ContentError(WHERE, f"an author needs pages, given and family: {entry!r}",
                               line_of(text, str((entry or {}).get("family", "authors:"))))
        person = Author(" ".join(filter(None, [entry["given"], entry.get("particle", ""), entry["family"]])),
                        entry["given"], entry["family"], entry.get("particle", ""))
        authors += [(pages, person) for pages in entry["pages"]]
    published = load_print_settings(data).published
    return Publication(Author(publisher), raw["place"], published.year, published.month, tuple(authors))
