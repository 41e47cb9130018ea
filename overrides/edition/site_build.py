"""Build the whole site: one MkDocs build per language, then the root page."""
from __future__ import annotations

import html
import os
import subprocess
import sys
import time
from pathlib import Path

import yaml

from .errors import ContentError
from .hosting_files import write_hosting_files
from .paths import LANGUAGES, ROOT
from .print_build import build_pdfs
from .print_render import PrintError

DEFAULT_SITE_URL = "https://durftedromen.delft.nl/"


class BuildError(Exception):
    pass


def edition_environment(lang: str, docs: Path, out: Path, site_url: str) -> dict[str, str]:
    """The settings that differ per language edition (read by mkdocs.yml's !ENV tags)."""
    # NO_MKDOCS_2_WARNING: mkdocs 1.6.1 is pinned on purpose (see README).
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DTD_LANG": lang, "DTD_DOCS_DIR": str(docs / lang),
            "DTD_SITE_DIR": str(out / lang), "DTD_SITE_URL": f"{site_url}{lang}/"}


def build_edition(lang: str, docs: Path, out: Path, site_url: str = DEFAULT_SITE_URL,
                  strict: bool = True) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(ROOT / "mkdocs.yml")]
    if strict:
        command.append("--strict")
    return subprocess.run(command, env=edition_environment(lang, docs, out, site_url),
                          cwd=ROOT, capture_output=True, text=True)


def root_page(languages: list[dict]) -> str:
    """/ sends readers to the Dutch edition and offers both languages, without JavaScript."""
    first = languages[0]
    links = "\n".join(
        f'    <li><a href="{html.escape(alt["lang"])}/" hreflang="{alt["lang"]}" lang="{alt["lang"]}">'
        f'{html.escape(alt["name"])}</a></li>' for alt in languages)
    return f"""<!doctype html>
<html lang="{first['lang']}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Durf te Dromen, over empowerment</title>
  <meta http-equiv="refresh" content="0; url={first['lang']}/">
  <link rel="canonical" href="{first['lang']}/">
  <style>body{{font:1.125rem/1.6 system-ui,sans-serif;margin:3rem auto;max-width:34rem;padding:0 1rem;color:#1a1a1a}}a{{color:#00528c}}</style>
</head>
<body>
  <main>
  <h1>Durf te Dromen, over empowerment</h1>
  <ul>
{links}
  </ul>
  </main>
</body>
</html>
"""


def site_config() -> dict:
    """mkdocs.yml as both editions share it (its !ENV values, which differ per edition, as None)."""
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_constructor("!ENV", lambda loader, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


def languages_from_config() -> list[dict]:
    return site_config()["extra"]["alternate"]


def build_site(out: Path, docs: Path = ROOT / "docs", site_url: str = DEFAULT_SITE_URL,
               strict: bool = True) -> dict[str, dict]:
    """Build both editions into out/nl and out/en (Dutch first: English reads its paragraphs).

    Returns per language the seconds taken and MkDocs' log.
    """
    out.mkdir(parents=True, exist_ok=True)
    report = {}
    for lang in LANGUAGES:
        start = time.perf_counter()
        result = build_edition(lang, docs, out, site_url, strict)
        report[lang] = {"seconds": time.perf_counter() - start, "log": result.stderr}
        if result.returncode != 0:
            raise BuildError(f"the {lang} edition did not build:\n{_errors(result.stderr)}")
    (out / "index.html").write_text(root_page(languages_from_config()), encoding="utf-8")
    # The PDFs are made from both HTML builds; then the pages get the links with their sizes.
    start = time.perf_counter()
    try:
        pdf_seconds = build_pdfs(out, docs / "data")
    except (ContentError, PrintError) as error:
        raise BuildError(f"the PDFs did not build:\n{error}") from error
    report["pdf"] = {"seconds": time.perf_counter() - start, "log": "", "files": pdf_seconds}
    # Last: the CSP hashes and the .gz copies must cover every file written before.
    try:
        write_hosting_files(out, site_config(), site_url, ROOT / "mkdocs.yml")
    except ContentError as error:
        raise BuildError(f"the files for the web server were not written:\n{error}") from error
    return report


def _errors(log: str) -> str:
    """MkDocs' log without its INFO lines: the warnings and errors that stopped the build."""
    return "\n".join(line for line in log.strip().splitlines() if not line.startswith("INFO"))
