"""HTML to an accessible, reproducible PDF with WeasyPrint (PDF/UA-1, tagged, fonts embedded).

- Reproducible: the dates come from the content (docs/data/print.yml), never the clock, and
  WeasyPrint derives the document id from the file's content, so the same sources give the
  same bytes.
- No network: the URL fetcher serves local files below the given folders and nothing else;
  anything else stops the build (a web font or image from a third party would be a privacy
  leak on the web, and makes a print build depend on the network).
"""
from __future__ import annotations

import copy
import logging
import mimetypes
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit
from urllib.request import url2pathname

from bs4 import BeautifulSoup
from weasyprint import CSS, HTML
from weasyprint.formatting_structure.boxes import FootnoteAreaBox
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from edition.print import cache as pdf_cache

# The text face: Charis SIL (SIL Open Font License), Debian's fonts-sil-charis, installed by
# scripts/setup. Made for long reading on paper, with every accent Dutch and English need.
FONT_FAMILY = "Charis SIL"
FONT_DIRS = (Path("/usr/share/fonts/truetype/charis"),)
FONT_FILES = {("normal", "normal"): "CharisSIL-Regular.ttf", ("normal", "italic"): "CharisSIL-Italic.ttf",
              ("bold", "normal"): "CharisSIL-Bold.ttf", ("bold", "italic"): "CharisSIL-BoldItalic.ttf"}


class PrintError(Exception):
    pass


class LocalFiles(URLFetcher):
    """Serves files below `roots` and data: URLs; any other address stops the rendering."""

    def __init__(self, roots: list[Path]):
        super().__init__(fail_on_errors=True)
        self.roots = [root.resolve() for root in roots]
        self.fetched: list[Path] = []  # for the cache: a PDF depends on these files too

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme == "data":  # inline data (the handout's QR codes): nothing to fetch
            return super().fetch(url, headers)
        if parts.scheme != "file":
            raise PrintError(f"the print build fetches no network resources: {url}")
        path = Path(url2pathname(parts.path)).resolve()
        if not any(path.is_relative_to(root) for root in self.roots):
            raise PrintError(f"outside the folders the print build may read: {path}")
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        self.fetched.append(path)
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": kind})


def font_files() -> dict[tuple[str, str], Path]:
    for folder in FONT_DIRS:
        files = {style: folder / name for style, name in FONT_FILES.items()}
        if all(file.exists() for file in files.values()):
            return files
    raise PrintError(f"the print face {FONT_FAMILY} is missing: run scripts/setup "
                     f"(installs the Debian package fonts-sil-charis)")


def font_faces() -> str:
    return "\n".join(
        f'@font-face {{ font-family: "{FONT_FAMILY}"; font-weight: {weight}; font-style: {style}; '
        f'src: url("{file.as_uri()}"); }}' for (weight, style), file in font_files().items())


MAX_NOTE_FIXES = 3
MAX_LAYOUTS = 12  # the cards' steps of type (5), the footnote fixes (3), the handout's page numbers


def all_boxes(box):
    """The box and every box inside it, in document order (a stack, not nested generators: a
    laid-out document has some 100 000 boxes, and the checks below walk them all)."""
    stack = [box]
    while stack:
        box = stack.pop()
        yield box
        children = getattr(box, "children", None)
        if children:
            stack.extend(reversed(children))


def misplaced_footnotes(document) -> list[str]:
    """Ids of the footnotes that WeasyPrint set on another page than their call.

    It does so now and then to keep a later paragraph's lines together (seen with orphans: 2,
    and after tall blocks): the text then reads on without its note."""
    misplaced = []
    for page in document.pages:
        calls, notes = set(), set()
        for box in all_boxes(page._page_box):
            if (box.element_tag or "").endswith("::footnote-call"):
                calls.add(box.element.get("id"))
            elif isinstance(box, FootnoteAreaBox):
                notes |= {child.element.get("id") for child in box.children if child.element is not None}
        misplaced += sorted(calls ^ notes)
    return sorted(set(misplaced))


def start_page_at_calls(html: str, footnote_ids: list[str]) -> str:
    """The block that calls a misplaced footnote starts a new page, its note with it."""
    soup = BeautifulSoup(html, "html.parser")
    for footnote_id in footnote_ids:
        note = soup.find(id=footnote_id)
        block = note.find_parent(["p", "li", "dd", "td"]) if note is not None else None
        if block is not None:
            block["class"] = block.get("class", []) + ["starts-page"]
    return str(soup)


class _Problems(logging.Handler):
    """WeasyPrint reports problems by logging: a link to an anchor that is not in the document,
    an image without alt text, a CSS declaration it ignores. Each of them stops the build."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def extract_names(page) -> set[str]:
    """The names (data-extract) of the parts of the document that the page belongs to."""
    return {box.element.get("data-extract") for box in all_boxes(page._page_box)
            if box.element is not None and box.element.get("data-extract")}


def write_extracts(document, extracts: dict[str, tuple[Path, str]], options: dict) -> None:
    """Each part's pages as a PDF of its own, under its own title: laid out once, with the
    whole document (the tags of a PDF are made from the pages when it is written)."""
    names = [extract_names(page) for page in document.pages] if extracts else []
    for name, (path, title) in extracts.items():
        pages = [page for page, on_page in zip(document.pages, names) if name in on_page]
        if not pages:
            raise PrintError(f"{path.name}: no page of the document holds the part '{name}'")
        part = document.copy(pages)
        part.metadata = copy.copy(document.metadata)
        part.metadata.title = title
        part.write_pdf(path, **options)


def write_pdf(html: str, stylesheets: list[Path], target: Path | None, base: Path, roots: list[Path],
              cache: Path | None = None, extracts: dict[str, tuple[Path, str]] | None = None,
              adjust: Callable[[object, str], str | None] | None = None) -> None:
    """Render `html` with the stylesheets into target (or take it from the cache, see cache.py);
    a warning or error of WeasyPrint's stops the build (PrintError). extracts: the pages of the
    elements with data-extract="name" go to a PDF of their own too (name -> path, title); with
    target None only they are written (one layout shared by several PDFs). adjust: reads the laid-out document and returns the HTML to lay out again (a part that did
    not fit, made smaller), or None when the layout is right; it must come to None."""
    extracts = extracts or {}
    entry = pdf_cache.key(html + repr(sorted((name, title) for name, (_, title) in extracts.items())),
                          stylesheets, list(font_files().values()))
    targets = {**({entry: target} if target else {}), **{f"{entry}-{name}": path for name, (path, _) in extracts.items()}}
    shown = (target or next(iter(targets.values()))).name
    if all(pdf_cache.lookup(cache, key, path, base) for key, path in targets.items()):
        return
    fonts = FontConfiguration()
    fetcher = LocalFiles([*roots, *{sheet.parent for sheet in stylesheets}, font_files()[("normal", "normal")].parent])
    # The same FontConfiguration for the CSS and for write_pdf, or @font-face is ignored.
    css = [CSS(string=font_faces(), font_config=fonts, url_fetcher=fetcher)]
    css += [CSS(filename=sheet, font_config=fonts, url_fetcher=fetcher) for sheet in stylesheets]
    # An id derived from the content (an MD5 of the objects): fixed.
    options = {"pdf_variant": "pdf/ua-1", "pdf_identifier": True}
    problems = _Problems()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(problems)
    try:
        def render(source: str):
            return HTML(string=source, base_url=base.resolve().as_uri() + "/", url_fetcher=fetcher).render(
                stylesheets=css, font_config=fonts, **options)
        document, fixes = render(html), 0
        for _ in range(MAX_LAYOUTS):  # adjusted until right, then the footnotes; each change laid out anew
            adjusted = adjust(document, html) if adjust is not None else None
            if adjusted is None:
                moved = misplaced_footnotes(document)
                if not moved or fixes == MAX_NOTE_FIXES:
                    break
                fixes += 1
                adjusted = start_page_at_calls(html, moved)
            html, document = adjusted, render(adjusted)
        else:
            raise PrintError(f"{shown}: the layout did not settle in {MAX_LAYOUTS} passes")
        if moved:
            raise PrintError(f"{shown}: footnotes not on the page of their call: {', '.join(moved)}")
        for path in targets.values():
            path.parent.mkdir(parents=True, exist_ok=True)
        if target:
            document.write_pdf(target, **options)
        write_extracts(document, extracts, options)
    finally:
        logger.removeHandler(problems)
    if problems.messages:
        for path in targets.values():
            path.unlink(missing_ok=True)
        raise PrintError(f"{shown}: " + "; ".join(problems.messages))
    for key, path in targets.items():
        pdf_cache.store(cache, key, path, fetcher.fetched, base)
