"""The editorial corrections, from docs/data/corrections/<page>.yml, and their table."""
from __future__ import annotations

import html
from pathlib import Path

from edition.data import read_yaml

CORRECTIONS_MARKER = "<!-- corrections -->"
FIELDS = ("original", "corrected", "where", "why", "why_en")


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
            records.append({**entry.value, "page": page_of(project, path), "file": str(path)})
    return records


def _sort_key(record: dict) -> tuple:
    where = str(record["where"])
    numbers = [int(n) for n in where.replace("voetnoot", "").replace("footnote", "").split(".")
               if n.strip().isdigit()]
    return (numbers[0] if "." in where else 99, numbers)


def corrections_table(records: list[dict], headers: dict[str, str], page_titles: dict[str, str],
                      page_links: dict[str, str], lang: str, source_language: str) -> str:
    """The table of every correction, in reading order; links lead to the paragraph."""
    rows = []
    dutch = f' lang="{source_language}"' if lang != source_language else ""  # the corrected text is always Dutch
    for record in sorted(records, key=_sort_key):
        where = str(record["where"])
        anchor = "p-" + where.replace(".", "-") if where[0].isdigit() else ""
        link = page_links.get(record["page"], "")
        title = html.escape(page_titles.get(record["page"], record["page"]))
        place = f'<a href="{link}#{anchor}">{html.escape(where)}</a>' if anchor else html.escape(where)
        rows.append(
            f"<tr><td>{place}</td><td>{title}</td>"
            f"<td{dutch}><del>{html.escape(record['original'])}</del></td>"
            f"<td{dutch}><ins>{html.escape(record['corrected'])}</ins></td>"
            f"<td>{html.escape(record['why' if lang == source_language else f'why_{lang}'])}</td></tr>")
    head = "".join(f'<th scope="col">{html.escape(headers[key])}</th>'
                   for key in ("where", "page", "original", "corrected", "why"))
    return (f'<table class="corrections"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')
