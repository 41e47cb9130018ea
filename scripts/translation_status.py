"""Alignment of the English edition with the Dutch one, from a built site (default: site/).

Lists each page pair that is not aligned, naming the first block where they diverge.
"""
import argparse
import sys
from pathlib import Path

from edition.alignment import first_divergence

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument("--site", default="site", type=Path)
args = parser.parse_args()
problems = 0
for source in sorted((args.site / "nl").rglob("index.html")):
    page = source.relative_to(args.site / "nl")
    if page.parts[0] in ("assets", "search"):
        continue
    translation = args.site / "en" / page
    if not translation.exists():
        print(f"{page.parent}: no English page"); problems += 1; continue
    divergence = first_divergence(source.read_text(encoding="utf-8"), translation.read_text(encoding="utf-8"))
    if divergence:
        print(f"{page.parent or 'home'}: {divergence}"); problems += 1
    else:
        print(f"{page.parent or 'home'}: aligned")
sys.exit(1 if problems else 0)
