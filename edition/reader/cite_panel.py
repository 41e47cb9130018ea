"""The "Cite" panel under a chapter's title (and the home page's), and the data its script reads.

Without JavaScript the panel is complete for its page: a <details> disclosure with the APA text,
BibTeX and RIS to select, and the .bib and .ris files to download. The script
(assets/javascripts/reader-tools.js) adds copy buttons and a choice of what to cite: this page,
one of its paragraphs, or the whole publication. It reads everything it shows, the interface
strings included, from a JSON data block (not executed, so the Content-Security-Policy needs no
hash for it).
"""
from __future__ import annotations

import html
import json
import math

from edition.reader.citation_formats import EXTENSIONS, FORMATS

DATA_ID = "edition-reader-data"
# The interface strings the script needs (docs/data/interface.yml).
SCRIPT_STRINGS = ("copy_link", "link_copied", "link_copied_address", "copy_failed", "link_field", "cite_choose",
                  "cite_paragraph", "cite_copy", "cite_copied", "cite_download")


def kilobytes(text: str) -> int:
    return max(1, math.ceil(len(text.encode("utf-8")) / 1024))


def download_label(fmt: str, text: str, strings: dict[str, str]) -> str:
    return strings["cite_download"].format(format=FORMATS[fmt], ext=EXTENSIONS[fmt], size=kilobytes(text))


def format_names(strings: dict[str, str]) -> dict[str, str]:
    """The formats' names as the panel shows them: "APA 7", "APA 7, in de tekst", …"""
    return {**FORMATS, "intext": strings["cite_intext"]}


def panel_html(label: str, formats: dict, files: dict[str, dict], strings: dict[str, str],
               title_key: str = "cite_title") -> str:
    """files: per format ("bibtex", "ris") the static file's href and download name."""
    e = html.escape
    rows = []
    for fmt, name in format_names(strings).items():
        if fmt == "apa":
            shown = f'<p class="edition-cite__text" data-format="apa">{formats["apa"]["html"]}</p>'
        elif fmt == "intext":
            shown = f'<p class="edition-cite__text" data-format="intext">{formats["intext_html"]}</p>'
        else:
            shown = f'<pre class="edition-cite__text" data-format="{fmt}"><code>{e(formats[fmt])}</code></pre>'
        download = ""
        if fmt in files:
            download = (f'<p class="edition-cite__file"><a class="edition-cite__download" data-format="{fmt}" '
                        f'href="{e(files[fmt]["href"])}" download="{e(files[fmt]["name"])}" '
                        f'type="{"application/x-bibtex" if fmt == "bibtex" else "application/x-research-info-systems"}">'
                        f'{e(download_label(fmt, formats[fmt], strings))}</a></p>')
        rows.append(f'<dt>{e(name)}</dt>\n<dd data-format="{fmt}">\n{shown}\n{download}\n</dd>')
    return (f'<details class="edition-cite">\n<summary>{e(strings[title_key])}</summary>\n'
            f'<div class="edition-cite__body">\n<p class="edition-cite__what">{e(label)}</p>\n'
            f'<dl class="edition-cite__formats">\n' + "\n".join(rows) + '\n</dl>\n</div>\n</details>')


def data_block(lang: str, strings: dict[str, str], cite: dict, edition: str) -> str:
    """The script's data as a JSON data block; `<`, `>` and `&` escaped so that no text can end
    the element early. `edition`: the edition's home relative to the page ("../../"), below which
    the short addresses are (/nl/3.4)."""
    payload = {"lang": lang, "strings": {key: strings[key] for key in SCRIPT_STRINGS},
               "formats": format_names(strings), "extensions": EXTENSIONS, "cite": cite, "edition": edition}
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return f'<script type="application/json" id="{DATA_ID}">{text}</script>'
