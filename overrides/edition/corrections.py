"""The editorial corrections, from docs/data/corrections/<page>.yml, and their table."""
from __future__ import annotations

import html
from pathlib import Path

import yaml

from .errors import ContentError
from .paths import DATA, SOURCE_LANGUAGE

CORRECTIONS_DIR = DATA / "corrections"
CORRECTIONS_MARKER = "<!-- corrections -->"
FIELDS = ("original", "corrected", "where", "why", "why_en")


def page_of(path: Path) -> str:
    """corrections/verkenning-inleiding.yml -> verkenning/inleiding.md"""
    stem = path.stem
    folder, _, rest = stem.partition("-")
    if (DATA.parent / "nl" / folder).is_dir() and rest:
        return f"{folder}/{rest}.md"
    return f"{stem}.md"


def load_corrections(directory: Path = CORRECTIONS_DIR) -> list[dict]:
    records = []
    for path in sorted(directory.glob("*.yml")):
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        for index, entry in enumerate(entries, start=1):
            missing = [field for field in FIELDS if not str(entry.get(field, "")).strip()]
            if missing:
                raise ContentError(path, f"correction {index} lacks {', '.join(missing)}")
            records.append({**entry, "page": page_of(path), "file": str(path)})
    return records


def _sort_key(record: dict) -> tuple:
    where = str(record["where"])
    numbers = [int(n) for n in where.replace("voetnoot", "").replace("footnote", "").split(".")
               if n.strip().isdigit()]
    return (numbers[0] if "." in where else 99, numbers)


def corrections_table(records: list[dict], headers: dict[str, str], page_titles: dict[str, str],
                      page_links: dict[str, str], lang: str = "nl") -> str:
    """The table of every correction, in reading order; links lead to the paragraph."""
    rows = []
    dutch = f' lang="{SOURCE_LANGUAGE}"' if lang != SOURCE_LANGUAGE else ""  # the corrected text is always Dutch
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
            f"<td>{html.escape(record['why' if lang == SOURCE_LANGUAGE else f'why_{lang}'])}</td></tr>")
    head = "".join(f'<th scope="col">{html.escape(headers[key])}</th>'
                   for key in ("where", "page", "original", "corrected", "why"))
    return (f'<table class="corrections"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')
