"""Build the bilingual site (and its PDFs and EPUBs) into site/ (or the folder given)."""
import argparse
import sys
from pathlib import Path

from edition.build import BuildError, build_site

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument("out", nargs="?", default="site", type=Path)
parser.add_argument("--site-url", default=None, help="the public address, ending in /")
args = parser.parse_args()
try:
    options = {"site_url": args.site_url} if args.site_url else {}
    report = build_site(args.out.resolve(), **options)
except BuildError as error:
    sys.exit(f"build failed: {error}")
total = report.pop("total")["seconds"]
print(f"built in {total:.1f} s into {args.out}/: "
      + ", ".join(f"{lang} (HTML {r['seconds']:.1f} s, PDFs and EPUB {r['pdf_seconds']:.1f} s, "
                   f"of which EPUB {r['pdf_files'][f'{lang}/epub']:.2f} s)" for lang, r in report.items()
                 if "pdf_seconds" in r))
