"""docs/data/print.yml: the PDFs' and the EPUB's file names and what goes on the colophon; the dates and the
pages not printed are the publication's (publication.py)."""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from babel.dates import format_date

from edition.data import read_yaml


@dataclass(frozen=True)
class PrintSettings:
    edition_date: datetime.date
    published: datetime.date
    edition_file: str
    handout_file: str
    tension_pattern: str  # pdf/durf-te-dromen-gespreksavond-{tension}.pdf
    reading_note: str
    cards_file: str = ""
    cards_kind_pattern: str = ""  # pdf/durf-te-dromen-begrippenkaarten-{kind}.pdf
    web_only: tuple[str, ...] = ()
    epub_file: str = ""  # the EPUB (edition/epub/), beside the PDFs

    def files(self) -> dict[str, str]:
        return {"edition": self.edition_file, "handout": self.handout_file}

    def downloads(self) -> dict[str, str]:
        """What every page links to: the complete edition as PDF and as EPUB, the handout."""
        return {"edition": self.edition_file, "epub": self.epub_file, "handout": self.handout_file}

    def tension_file(self, tension: str) -> str:
        return self.tension_pattern.format(tension=tension)

    def cards_kind_file(self, kind: str) -> str:
        return self.cards_kind_pattern.format(kind=kind)


def load_print_settings(project) -> PrintSettings:
    raw = read_yaml(project.data / "print.yml", project.shown)
    files = raw.require("files", "the file names: edition, handout, epub")
    publication = project.publication()
    tension = _pattern(files, "tension", "{tension}", "a one-tension handout")
    cards_kind = _pattern(files, "cards_kind", "{kind}", "the cards of one kind")
    return PrintSettings(publication.edition_date, datetime.date(publication.year, publication.month, 1),
                         files.text("edition"), files.text("handout"), tension,
                         raw.text("reading_note", "the home page section printed on the back of the cover"),
                         files.text("cards", "the concept cards"), cards_kind, publication.web_only,
                         files.text("epub"))


def _pattern(files, name: str, placeholder: str, what: str) -> str:
    """A file name with a placeholder in it, for one of several PDFs (a tension's, a kind's)."""
    found = files.get(name)
    if found is None or placeholder not in str(found.value):
        raise (found or files).error(f"files: `{name}:` needs the file name of {what}, with {placeholder} for its id")
    return str(found.value)


def long_date(day: datetime.date, locale: str) -> str:
    """25 november 2026 / 25 November 2026."""
    return format_date(day, "long", locale=locale)


def month_year(day: datetime.date, locale: str) -> str:
    """juni 2010 / June 2010."""
    return format_date(day, "MMMM y", locale=locale)
