"""Translation drift: each English block records a fingerprint of the Dutch block it translates.

When the Dutch text changes, the fingerprints no longer match: the build names the paragraph
and the English page marks it as possibly out of date until the translation is updated and
accepted again (scripts/translation_status.py --accept).
"""
from __future__ import annotations

from pathlib import Path

import yaml
from bs4 import BeautifulSoup

RECORD = Path("translation")


def record_path(data_dir: Path, lang: str) -> Path:
    return data_dir / RECORD / f"{lang}.yml"


def load_record(data_dir: Path, lang: str) -> dict[str, dict[str, str]]:
    path = record_path(data_dir, lang)
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}) if path.exists() else {}


def save_record(data_dir: Path, lang: str, record: dict[str, dict[str, str]]) -> None:
    path = record_path(data_dir, lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    header = ("# Fingerprints of the Dutch blocks each English block translates (page -> number ->\n"
              "# fingerprint). Written by scripts/translation_status.py --accept; not edited by hand.\n")
    path.write_text(header + yaml.safe_dump(record, allow_unicode=True, sort_keys=True), encoding="utf-8")


def outdated_blocks(page: str, current: dict[str, dict[str, str]], recorded: dict[str, dict[str, str]]) -> list[str]:
    """Numbers of the page's blocks whose Dutch text is not the one the translation was made from."""
    now, then = current.get(page, {}), recorded.get(page, {})
    return [number for number, fingerprint in now.items() if then.get(number) != fingerprint]


def mark_outdated(page_html: str, numbers: list[str], notice: str) -> str:
    """A visible notice on each outdated paragraph, in the page's language."""
    soup = BeautifulSoup(page_html, "html.parser")
    for number in numbers:
        block = soup.find(id="p-" + number.replace(".", "-"))
        if block is None:
            continue
        note = soup.new_tag("span", attrs={"class": "edition-note translation-outdated", "role": "note"})
        note.string = notice
        block.append(note)
    return str(soup)
