"""Build the whole site: one MkDocs build per language, then the root page."""
from __future__ import annotations

import html
import time
from pathlib import Path

from edition.adapters.mkdocs.runner import build_edition
from edition.errors import ContentError
from edition.hosting.files import write_hosting_files
from edition.project import Project, default_project
from edition.print.build import build_pdfs
from edition.print.render import PrintError
from edition.web.search_index import SearchIndexError, build_index

DEFAULT_SITE_URL = "https://durftedromen.delft.nl/"


class BuildError(Exception):
    pass


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


def build_site(out: Path, project: Project | None = None, site_url: str = DEFAULT_SITE_URL,
               strict: bool = True) -> dict[str, dict]:
    """Build both editions into out/nl and out/en (Dutch first: English reads its paragraphs).

    Returns per language the seconds taken and MkDocs' log.
    """
    project = project or default_project()
    out.mkdir(parents=True, exist_ok=True)
    report = {}
    for lang in project.languages:
        start = time.perf_counter()
        result = build_edition(project, lang, out, site_url, strict)
        report[lang] = {"seconds": time.perf_counter() - start, "log": result.stderr}
        if result.returncode != 0:
            raise BuildError(f"the {lang} edition did not build:\n{_errors(result.stderr)}")
        # The search index is made from the built pages, before the PDFs add their links to them
        # (which the index leaves out anyway: search_markup.py).
        start = time.perf_counter()
        try:
            report[lang]["search"] = build_index(project, out / lang, lang)
        except (ContentError, SearchIndexError) as error:
            raise BuildError(f"the {lang} search index was not made:\n{error}") from error
        report[lang]["search"]["seconds"] = time.perf_counter() - start
    (out / "index.html").write_text(root_page(project.site_config()["extra"]["alternate"]), encoding="utf-8")
    # The PDFs are made from both HTML builds; then the pages get the links with their sizes.
    start = time.perf_counter()
    try:
        pdf_seconds = build_pdfs(project, out)
    except (ContentError, PrintError) as error:
        raise BuildError(f"the PDFs did not build:\n{error}") from error
    report["pdf"] = {"seconds": time.perf_counter() - start, "log": "", "files": pdf_seconds}
    # Last: the CSP hashes and the .gz copies must cover every file written before.
    try:
        write_hosting_files(out, project.site_config(), site_url, project.config_file)
    except ContentError as error:
        raise BuildError(f"the files for the web server were not written:\n{error}") from error
    return report


def _errors(log: str) -> str:
    """MkDocs' log without its INFO lines: the warnings and errors that stopped the build."""
    return "\n".join(line for line in log.strip().splitlines() if not line.startswith("INFO"))
