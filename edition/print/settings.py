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
    web_only: tuple[str, ...] = ()
    epub_file: str = ""  # the EPUB (edition/epub/), beside the PDFs

    def files(self) -> dict[str, str]:
        return {"edition": self.edition_file, "handout": self.handout_file}

    def downloads(self) -> dict[str, str]:
        """What every page links to: the complete edition as PDF and as EPUB, the handout."""
        return {"edition": self.edition_file, "epub": self.epub_file, "handout": self.handout_file}

    def tension_file(self, tension: str) -> str:
        return self.tension_pattern.format(tension=tension)


def load_print_settings(project) -> PrintSettings:
    raw = read_yaml(project.data / "print.yml", project.shown)
    files = raw.require("files", "the file names: edition, handout, epub")
    publication = project.publication()
    tension = files.get("tension")
    if tension is None or "{tension}" not in str(tension.value):
        raise (tension or files).error("files: `tension:` needs the file name of a one-tension handout, "
                                       "with {tension} for the tension's id")
    return PrintSettings(publication.edition_date, datetime.date(publication.year, publication.month, 1),
                         files.text("edition"), files.text("handout"), str(tension.value),
                         raw.text("reading_note", "the home page section printed on the back of the cover"),
                         publication.web_only, files.text("epub"))


def long_date(day: datetime.date, locale: str) -> str:
    """25 november 2026 / 25 November 2026."""
    return format_date(day, "long", locale=locale)


def month_year(day: datetime.date, locale: str) -> str:
    """juni 2010 / June 2010."""
    return format_date(day, "MMMM y", locale=locale)
