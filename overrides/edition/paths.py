"""Where things live in the repository."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
DATA = DOCS / "data"
LANGUAGES = ("nl", "en")
SOURCE_LANGUAGE = "nl"
