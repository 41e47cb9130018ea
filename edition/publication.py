"""The publication's bibliographic facts: who wrote which page, who published it, and when.

From docs/data/publication.yml (the authors, the brochure's month, this edition's date and the
pages that are the website's rather than the publication's) and mkdocs.yml (site_author: the
publisher); the titles come from the pages.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from edition.data import read_yaml

FILE = "publication.yml"


@dataclass(frozen=True)
class Author:
    name: str  # as it is written in running text: "Marjan de Gruijter", "Gemeente Delft"
    given: str = ""
    family: str = ""
    particle: str = ""
    lang: str = ""  # the language of an organisation's name ("nl": Gemeente Delft), marked in other languages

    @property
    def is_person(self) -> bool:
        return bool(self.family)

    @property
    def surname(self) -> str:
        """The surname as it stands without a given name: "De Gruijter" (Dutch spelling capitalises
        the particle then; "Marjan de Gruijter" has it in lower case). An organisation as is."""
        if not self.is_person:
            return self.name
        particle = self.particle[:1].upper() + self.particle[1:]
        return " ".join(filter(None, [particle, self.family]))

    def apa(self) -> str:
        """"De Gruijter, M." in both languages (APA 7: the particle before the surname, as the name
        is written; see docs/README.md, Citations); an organisation as is."""
        if not self.is_person:
            return self.name
        initials = " ".join(f"{part[0]}." for part in self.given.split())
        return f"{self.surname}, {initials}"

    def inverted(self) -> str:
        """"De Gruijter, Marjan" for BibTeX and RIS: the capital keeps the particle in the surname
        there too (BibTeX reads a lower-case "de" as a separate part)."""
        if not self.is_person:
            return self.name
        return f"{self.surname}, {self.given}"


@dataclass(frozen=True)
class Publication:
    publisher: Author
    place: str
    year: int
    month: int
    authors: tuple[tuple[str, Author], ...]  # (page or folder/, author)
    edition_date: datetime.date  # this edition's: on the PDFs' covers, and the date of our own pages
    web_only: tuple[str, ...] = ()  # pages of the website, not of the publication (not printed)

    @property
    def date(self) -> str:
        """ISO 8601 year and month: "2010-06"."""
        return f"{self.year:04d}-{self.month:02d}"

    def author_of(self, src: str) -> Author:
        for pages, author in self.authors:
            if src == pages or (pages.endswith("/") and src.startswith(pages)):
                return author
        return self.publisher


def load_publication(project, publisher: str) -> Publication:
    raw = read_yaml(project.data / FILE, project.shown)
    place = raw.text("place", "the place of publication")
    authors = []
    for entry in raw.sequence("authors", "a list of pages with given and family names"):
        for key in ("pages", "given", "family"):
            entry.require(key, "an author needs pages, given and family")
        person = Author(" ".join(filter(None, [entry.value["given"], entry.value.get("particle", ""),
                                               entry.value["family"]])),
                        entry.value["given"], entry.value["family"], entry.value.get("particle", ""))
        authors += [(pages, person) for pages in entry.value["pages"]]
    edition_date = raw.require("edition_date", "this edition's date, YYYY-MM-DD")
    if not isinstance(edition_date.value, datetime.date):
        raise edition_date.error(f"edition_date must be a date (YYYY-MM-DD), not {edition_date.value!r}")
    published = raw.require("published", "the brochure's year and month, YYYY-MM")
    try:
        month = datetime.datetime.strptime(str(published.value), "%Y-%m").date()
    except ValueError:
        raise published.error(f"published must be a year and month (YYYY-MM), not {published.value!r}") from None
    web_only = tuple(str(item.value) for item in raw.sequence("web_only", "pages of the website only"))
    # The publisher is a Dutch organisation: its name is in the source language.
    return Publication(Author(publisher, lang=project.source_language), place, month.year, month.month, tuple(authors),
                       edition_date.value, web_only)
