"""The works cited, from docs/data/sources.yml: APA 7 entries and in-text citations."""
from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path

import yaml

from .errors import ContentError, line_of
from .paths import DATA
from .strings import interface

SOURCES_NAME = "sources.yml"
CITATION = re.compile(r"\[@([a-z0-9-]+)\]")
BIBLIOGRAPHY_MARKER = "<!-- bibliography -->"
REQUIRED = ("id", "authors", "year", "title")


@cache
def load_sources(data_dir: Path = DATA) -> dict[str, dict]:
    path = data_dir / SOURCES_NAME
    text = path.read_text(encoding="utf-8")
    entries = yaml.safe_load(text)
    works = {}
    for entry in entries:
        missing = [key for key in REQUIRED if key not in entry]
        if missing:
            raise ContentError(path, f"entry lacks {', '.join(missing)}",
                               line_of(text, f"id: {entry.get('id')}"))
        if entry["id"] in works:
            raise ContentError(path, f"duplicate id '{entry['id']}'",
                               line_of(text, f"id: {entry['id']}"))
        works[entry["id"]] = entry
    return works


def _authors(names: list[str]) -> str:
    if len(names) <= 2:
        return ", & ".join(names) if len(names) == 2 else "".join(names)
    return ", ".join(names[:-1]) + ", & " + names[-1]


def apa_entry(work: dict, lang: str) -> str:
    """One reference-list entry in APA 7 style, as HTML."""
    strings = interface(lang)
    year = work["year"] if work["year"] is not None else strings["no_date"]
    title = html.escape(work["title"])
    # A Dutch title on the English page is marked as Dutch (for screen readers and hyphenation).
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
        author = html.escape(_authors(work["authors"]))
        parts.append(f"{author}{'' if author.endswith('.') else '.'} ({year}).")
        parts.append(f"{title}{gloss}{kind}.")
    else:  # APA: a work without an author is listed by its title.
        parts.append(f"{title}{gloss}{kind}. ({year}).")
    for key in ("event", "publisher"):
        if work.get(key) and work.get(key) not in work["authors"]:
            parts.append(html.escape(work[key]) + ".")
    if work.get("cites"):
        parts.append(f"<span class=\"cites\">{strings['cites_through']} "
                     f"{html.escape('; '.join(c.replace('e.a.', strings['et_al']) for c in work['cites']))}.</span>")
    return " ".join(parts)


def short_citation(work: dict, lang: str) -> str:
    """The in-text form: (Laverack, 2005), (Steenssens & Van Regenmortel, 2007), (Jacobs e.a., 2005)."""
    strings = interface(lang)
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


def bibliography_html(lang: str, data_dir: Path = DATA) -> str:
    # APA orders by the first author's name, or by the title where there is no author.
    works = sorted(load_sources(data_dir).values(),
                   key=lambda w: ((w["authors"] or [w["title"]])[0].casefold(), str(w["year"])))
    items = "\n".join(f'<li id="{w["id"]}">{apa_entry(w, lang)}</li>' for w in works)
    return f'<ul class="bibliography">\n{items}\n</ul>'


def link_citations(page_html: str, markdown: str, path: str, bronnen_href: str, lang: str,
                   data_dir: Path = DATA) -> tuple[str, set[str]]:
    """Turn every [@id] into a link to its entry; an unknown id stops the build."""
    works = load_sources(data_dir)
    cited = set()

    def replace(match: re.Match) -> str:
        key = match.group(1)
        if key not in works:
            raise ContentError(path, f"citation [@{key}] names no work in docs/data/{SOURCES_NAME}",
                               line_of(markdown, match.group(0)))
        cited.add(key)
        label = html.escape(short_citation(works[key], lang))
        return f'<a class="citation" href="{bronnen_href}#{key}">({label})</a>'

    return CITATION.sub(replace, page_html), cited
