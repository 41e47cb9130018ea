"""The works cited, from docs/data/sources.yml: APA 7 entries and in-text citations."""
from __future__ import annotations

import datetime
import html
import re

from babel.dates import format_date

from edition.data import read_yaml
from edition.errors import ContentError, line_of

SOURCES_NAME = "sources.yml"
CITATION = re.compile(r"\[@([a-z0-9-]+)\]")
BIBLIOGRAPHY_MARKER = "<!-- bibliography -->"
REQUIRED = ("id", "authors", "year", "title")


def load_sources(project) -> dict[str, dict]:
    data = read_yaml(project.data / SOURCES_NAME, project.shown)
    if not isinstance(data.value, list):
        raise data.error("expected a list of works (- id: ...)")
    works = {}
    for entry in data:
        missing = [key for key in REQUIRED if not isinstance(entry.value, dict) or key not in entry.value]
        if missing:  # present, not necessarily filled: a work may have no authors ([]) or no year (null)
            raise entry.error(f"entry lacks {', '.join(missing)}")
        if entry.value["id"] in works:
            raise entry.get("id").error(f"duplicate id '{entry.value['id']}'")
        works[entry.value["id"]] = entry.value
    return works


def _authors(names: list[str]) -> str:
    if len(names) <= 2:
        return ", & ".join(names) if len(names) == 2 else "".join(names)
    return ", ".join(names[:-1]) + ", & " + names[-1]


def _date(work: dict, strings: dict[str, str]) -> str:
    """APA's date: the year, or year and month in the page's language ("2009, September")."""
    if work["year"] is None:
        return strings["no_date"]
    if not work.get("month"):
        return str(work["year"])
    return format_date(datetime.date(int(work["year"]), int(work["month"]), 1), "y, MMMM", locale=strings["locale"])


def _names(names: str, person: bool, marked: str) -> str:
    """Names of organisations (no "Family, I.") are in the work's language: marked where it is
    not the page's; people's names are not."""
    return html.escape(names) if person or not marked else f"<span{marked}>{html.escape(names)}</span>"


def apa_entry(work: dict, lang: str, strings: dict[str, str]) -> str:
    """One reference-list entry in APA 7 style, as HTML."""
    year = _date(work, strings)
    title = html.escape(work["title"])
    # A Dutch title on the English page is marked as Dutch (for screen readers and hyphenation),
    # and so are the names of the work's organisations (author, publisher, event).
    title_lang = work.get("lang", "nl")
    marked = f' lang="{title_lang}"' if title_lang != lang else ""
    if work.get("bracketed_title"):
        title = f"[<span{marked}>{title}</span>]"
    else:
        title = f"<em{marked}>{title}</em>"
    gloss = ""
    if lang != "nl" and work.get("title_en"):
        gloss = f" [{html.escape(work['title_en'])}]"
    kind = f" [{html.escape(work['kind'][lang])}]" if work.get("kind") else ""
    parts = []
    if work["authors"]:
        names = _authors(work["authors"])
        author = _names(names, "," in names, marked)
        parts.append(f"{author}{'' if names.endswith('.') else '.'} ({year}).")
        parts.append(f"{title}{gloss}{kind}.")
    else:  # APA: a work without an author is listed by its title.
        parts.append(f"{title}{gloss}{kind}. ({year}).")
    for key in ("event", "publisher"):
        if work.get(key) and work.get(key) not in work["authors"]:
            parts.append(_names(work[key], False, marked) + ".")
    if work.get("cites"):
        parts.append(f"<span class=\"cites\">{strings['cites_through']} "
                     f"{html.escape('; '.join(c.replace('e.a.', strings['et_al']) for c in work['cites']))}.</span>")
    return " ".join(parts)


def short_citation(work: dict, strings: dict[str, str]) -> str:
    """The in-text form: (Laverack, 2005), (Steenssens & Van Regenmortel, 2007), (Jacobs e.a., 2005)."""
    surnames = [name.split(",")[0] for name in work["authors"]]
    if not surnames:
        who = work.get("short_title", work["title"])
    elif len(surnames) == 1:
        who = surnames[0]
    elif len(surnames) == 2:
        who = f"{surnames[0]} & {surnames[1]}"
    else:
        who = f"{surnames[0]} {strings['et_al']}"
    year = work["year"] if work["year"] is not None else strings["no_date"]
    return f"{who}, {str(year).split(',')[0]}"


def bibliography_html(works: dict[str, dict], lang: str, strings: dict[str, str]) -> str:
    # APA orders by the first author's name, or by the title where there is no author.
    works = sorted(works.values(),
                   key=lambda w: ((w["authors"] or [w["title"]])[0].casefold(), str(w["year"])))
    items = "\n".join(f'<li id="{w["id"]}">{apa_entry(w, lang, strings)}</li>' for w in works)
    return f'<ul class="bibliography">\n{items}\n</ul>'


def link_citations(page_html: str, markdown: str, path: str, bronnen_href: str, strings: dict[str, str],
                   works: dict[str, dict]) -> tuple[str, set[str]]:
    """Turn every [@id] into a link to its entry; an unknown id stops the build."""
    cited = set()

    def replace(match: re.Match) -> str:
        key = match.group(1)
        if key not in works:
            raise ContentError(path, f"citation [@{key}] names no work in docs/data/{SOURCES_NAME}",
                               line_of(markdown, match.group(0)))
        cited.add(key)
        label = html.escape(short_citation(works[key], strings))
        return f'<a class="citation" href="{bronnen_href}#{key}">({label})</a>'

    return CITATION.sub(replace, page_html), cited
