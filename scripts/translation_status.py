"""The English edition against the Dutch one, from a built site (default: site/).

Without options: for every page pair, whether it is aligned block for block (else the first
place where they diverge) and which paragraphs changed in Dutch since they were translated.
--accept PAGE [PAGE ...] (or --accept-all): record that the English of these pages now
translates the current Dutch text (after you updated the translation).
"""
import argparse
import sys
from pathlib import Path

from edition.text import drift
from edition.text.alignment import first_divergence
from edition.text.source_blocks import source_fingerprints
from edition.project import default_project

parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument("--site", default="site", type=Path)
parser.add_argument("--lang", default="en")
parser.add_argument("--accept", nargs="+", metavar="PAGE", default=[], help="e.g. verkenning/inleiding.md")
parser.add_argument("--accept-all", action="store_true")
args = parser.parse_args()

current = source_fingerprints(default_project())
record = drift.load_record(default_project().data, args.lang)
accept = list(current) if args.accept_all else args.accept
if accept:
    unknown = [page for page in accept if page not in current]
    if unknown:
        sys.exit(f"not a numbered page of the Dutch edition: {', '.join(unknown)}")
    for page in accept:
        record[page] = current[page]
    drift.save_record(default_project().data, args.lang, record)
    print(f"recorded {len(accept)} page(s) as translated from the current Dutch text")
    sys.exit(0)

problems = 0
for source in sorted((args.site / "nl").rglob("index.html")):
    page = source.relative_to(args.site / "nl").parent
    if page.parts and page.parts[0] in ("assets", "pagefind"):
        continue
    name = page.as_posix() if page.parts else "home"
    translation = args.site / args.lang / source.relative_to(args.site / "nl")
    if not translation.exists():
        print(f"{name}: no translation"); problems += 1; continue
    divergence = first_divergence(source.read_text(encoding="utf-8"), translation.read_text(encoding="utf-8"))
    src = next((s for s in current if s.removesuffix(".md").removesuffix("index").rstrip("/") == page.as_posix().strip(".")), None)
    outdated = drift.outdated_blocks(src, current, record) if src else []
    status = divergence or ("aligned" + (f"; out of date: {', '.join(outdated)}" if outdated else ""))
    problems += bool(divergence or outdated)
    print(f"{name}: {status}")
sys.exit(1 if problems else 0)
