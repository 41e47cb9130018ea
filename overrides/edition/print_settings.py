"""docs/data/print.yml: the editions' date, the PDFs' file names, what goes on the colophon."""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

import yaml
from babel.dates import format_date

from .errors import ContentError
from .paths import DATA
from .strings import interface


@dataclass(frozen=True)
class PrintSettings:
    edition_date: datetime.date
    published: datetime.date
    edition_file: str
    handout_file: str
    reading_note: str
    web_only: tuple[str, ...] = ()

    def files(self) -> dict[str, str]:
        return {"edition": self.edition_file, "handout": self.handout_file}


def load_print_settings(data: Path = DATA) -> PrintSettings:
    path = data / "print.yml"
    where = f"docs/data/{path.name}"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        edition_date = raw["edition_date"]
        published = datetime.datetime.strptime(str(raw["published"]), "%Y-%m").date()
        files = raw["files"]
        settings = PrintSettings(edition_date, published, files["edition"], files["handout"],
                                 raw["reading_note"], tuple(raw.get("web_only") or ()))
    except (OSError, KeyError, TypeError, ValueError) as error:
        raise ContentError(where, f"needs edition_date (YYYY-MM-DD), published (YYYY-MM), "
                                  f"files.edition, files.handout and reading_note ({error})") from None
    if not isinstance(edition_date, datetime.date):
        raise ContentError(where, f"edition_date must be a date (YYYY-MM-DD), not {edition_date!r}")
    return settings


def long_date(day: datetime.date, lang: str) -> str:
    """25 november 2026 / 25 November 2026."""
    return format_date(day, "long", locale=interface(lang)["locale"])


def month_year(day: datetime.date, lang: str) -> str:
    """juni 2010 / June 2010."""
    return format_date(day, "MMMM y", locale=interface(lang)["locale"])
