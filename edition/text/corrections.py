"""The editorial corrections, from docs/data/corrections/<page>.yml, and their table.

`where` is a place in the text that is the same in every language: a paragraph number ("4.2")
or a footnote's label ("[^12]"); the table names it in the page's language. The reasons may
mark a Dutch word in the English one (edition/text/inline_markup.py): [begint]{ lang=nl }.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from edition.data import read_yaml
from edition.text import inline_markup

CORRECTIONS_MARKER = "<!-- corrections -->"
FIELDS = ("original", "corrected", "where", "why", "why_en")
PLACE = re.compile(r"^(?:(\d+)\.(\d+)|\[\^(\w+)\])$")


def page_of(project, path: Path) -> str:
    """corrections/verkenning-inleiding.yml -> verkenning/inleiding.md"""
    stem = path.stem
    folder, _, rest = stem.partition("-")
    if (project.content(project.source_language) / folder).is_dir() and rest:
        return f"{folder}/{rest}.md"
    return f"{stem}.md"


def load_corrections(project) -> list[dict]:
    records = []
    for path in sorted((project.data / "corrections").glob("*.yml")):
        entries = read_yaml(path, project.shown)
        if entries.value is not None and not isinstance(entries.value, list):
            raise entries.error("expected a list of corrections (- original: ...)")
        for index, entry in enumerate(entries, start=1):
            for field in FIELDS:
                entry.text(field, f"correction {index} needs {', '.join(FIELDS)}")
            if not PLACE.match(str(entry.value["where"])):
                raise entry.get("where").error(f"where: '{entry.value['where']}' is no place in the text: a paragraph "
                                               f'number ("4.2") or a footnote ("[^12]")')
            records.append({**entry.value, "page": page_of(project, path), "file": str(path)})
    return records


def _sort_key(record: dict) -> tuple:
    """Paragraphs in reading order, then the footnotes by number."""
    chapter, k, note = PLACE.match(str(record["where"])).groups()
    return (int(chapter), int(k)) if chapter else (99, int(note) if note.isdigit() else 0)


def _place(where: str, link: str, footnote: str) -> str:
    """The cell naming the place: "4.2" or "footnote 12", linked to it."""
    chapter, k, note = PLACE.match(where).groups()
    shown, anchor = (where, f"p-{chapter}-{k}") if chapter else (footnote.format(n=note), f"fn:{note}")
    return f'<a href="{link}#{anchor}">{html.escape(shown)}</a>' if link else html.escape(shown)


def corrections_table(records: list[dict], headers: dict[str, str], page_titles: dict[str, str],
                      page_links: dict[str, str], lang: str, source_language: str, footnote: str) -> str:
    """The table of every correction, in reading order; links lead to the paragraph or footnote.
    `footnote` names a footnote in the page's language ("footnote {n}")."""
    rows = []
    dutch = f' lang="{source_language}"' if lang != source_language else ""  # the corrected text is always Dutch
    for record in sorted(records, key=_sort_key):
        title = html.escape(page_titles.get(record["page"], record["page"]))
        place = _place(str(record["where"]), page_links.get(record["page"], ""), footnote)
        rows.append(
            f"<tr><td>{place}</td><td>{title}</td>"
            f"<td{dutch}><del>{html.escape(record['original'])}</del></td>"
            f"<td{dutch}><ins>{html.escape(record['corrected'])}</ins></td>"
            f"<td>{inline_markup.to_html(record['why' if lang == source_language else f'why_{lang}'])}</td></tr>")
    head = "".join(f'<th scope="col">{html.escape(headers[key])}</th>'
                   for key in ("where", "page", "original", "corrected", "why"))
    return (f'<table class="corrections"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')
