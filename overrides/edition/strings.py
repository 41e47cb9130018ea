"""Interface strings of our own additions, per language, from docs/data/interface.yml."""
from functools import cache

import yaml

from .paths import DATA


@cache
def interface(lang: str) -> dict[str, str]:
    table = yaml.safe_load((DATA / "interface.yml").read_text(encoding="utf-8"))
    if lang not in table:
        raise KeyError(f"{DATA / 'interface.yml'}: no strings for language '{lang}'")
    return table[lang]
