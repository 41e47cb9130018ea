"""What the PDF tests share: the PDFs of the built site, their text, their outline."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pikepdf

from edition.print.pages import built_pages
from edition.project import default_project

PROJECT = default_project()

SETTINGS = PROJECT.print_settings()
KINDS = SETTINGS.files()  # {"edition": "pdf/durf-te-dromen.pdf", "handout": ...}


def pdf(site: Path, lang: str, kind: str) -> Path:
    return site / lang / KINDS[kind]


def run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def pages_text(path: Path) -> list[str]:
    """The text of each page (pdftotext, reading order)."""
    return run("pdftotext", "-enc", "UTF-8", str(path), "-").split("\f")[:-1]


def words(text: str) -> str:
    """Lower-case words between single spaces (and one at each end), hyphens left out: blind to
    line breaks, hyphenation and punctuation, so that web text and PDF text compare."""
    text = re.sub(r"[-\u2010\u2011\u00ad]\s*(?=[^\W\d_])", "", text.casefold())
    return " " + " ".join(re.sub(r"[\W_]+", " ", text).split()) + " "


def chapters(site: Path, lang: str):
    """The built pages the edition prints (the nav after the home page, less web-only pages)."""
    return [page for page in built_pages(site / lang, PROJECT.nav())[1:] if page.src not in SETTINGS.web_only]


def outline(path: Path) -> list[tuple[int, str, int]]:
    """(depth, title, page number) of every bookmark."""
    with pikepdf.open(path) as document, document.open_outline() as tree:
        found = []

        def walk(items, depth):
            for item in items:
                page = document.pages.index(pikepdf.Page(item.destination[0])) + 1
                found.append((depth, " ".join(item.title.split()), page))
                walk(item.children, depth + 1)
        walk(tree.root, 0)
        return found


# --- Reading a PDF as it is laid out (pypdfium2): characters with their size and place, the
# ruled lines, the pages as images. Sizes in points; PDF coordinates (y upwards, A4: 842 pt).

def char_runs(path: Path) -> list[list[tuple[str, float, float, float]]]:
    """Per page, every character as (char, font size in pt, bottom, top)."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw
    pages = []
    document = pdfium.PdfDocument(str(path))
    try:
        for page in document:
            text = page.get_textpage()
            found = []
            for index in range(text.count_chars()):
                matrix = raw.FS_MATRIX()
                raw.FPDFText_GetMatrix(text.raw, index, ctypes.byref(matrix))
                # The size is given in text space: times the scale of the text's matrix (WeasyPrint
                # draws in CSS pixels, at 0.75 pt each).
                size = raw.FPDFText_GetFontSize(text.raw, index) * abs(matrix.a * matrix.d - matrix.b * matrix.c) ** .5
                left, bottom, right, top = text.get_charbox(index)
                found.append((chr(raw.FPDFText_GetUnicode(text.raw, index)), size, bottom, top))
            pages.append(found)
    finally:
        document.close()
    return pages


def letters(text: str) -> str:
    """Letters and digits only, lower case: blind to spaces, line breaks, hyphenation, punctuation."""
    return "".join(c for c in text.casefold() if c.isalnum())


def sizes_of(chars: list[tuple[str, float, float, float]], text: str) -> list[float] | None:
    """The font sizes of the letters of `text` where it stands in the page's characters."""
    kept = [(c.casefold(), size) for c, size, _, _ in chars if c.isalnum()]
    found = "".join(c for c, _ in kept).find(letters(text))
    return None if found < 0 else [size for _, size in kept[found:found + len(letters(text))]]


def ruled_lines(path: Path, page_index: int) -> list[tuple[float, float, float]]:
    """The lines to write on of a page: (left, right, y of the rule). WeasyPrint draws a box's
    bottom border as a path as wide as the box and as tall as it (7.6 mm here, 21.5 pt): wide
    and low paths, then, with the rule at their bottom."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw
    document = pdfium.PdfDocument(str(path))
    try:
        lines = []
        for obj in document[page_index].get_objects(filter=[raw.FPDF_PAGEOBJ_PATH]):
            left, bottom, right, top = obj.get_bounds()
            if top - bottom < 30 and right - left > 280:
                lines.append((left, right, bottom))
        return lines
    finally:
        document.close()


def page_image(path: Path, page_index: int, scale: float = 3):
    """A page as a PIL image (scale 3: 216 dpi)."""
    import pypdfium2 as pdfium
    document = pdfium.PdfDocument(str(path))
    try:
        return document[page_index].render(scale=scale).to_pil()
    finally:
        document.close()


def figure_alts(document: pikepdf.Pdf) -> list[str]:
    """The alternative text of every Figure in the PDF's structure tree."""
    figures, stack = [], [document.Root.StructTreeRoot]
    while stack:
        node = stack.pop()
        if isinstance(node, pikepdf.Dictionary):
            if node.get("/S") == "/Figure":
                figures.append(str(node.get("/Alt", "")))
            kids = node.get("/K")
            stack.extend(kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else [])
    return figures


def pdf_ua_problems(path: Path, lang: str) -> list[str]:
    """What every PDF of the edition must be: tagged, its fonts embedded, its language set, and
    identified as PDF/UA-1."""
    problems = []
    if not re.search(r"^Tagged:\s+yes$", run("pdfinfo", str(path)), re.M):
        problems.append("not tagged")
    rows = run("pdffonts", str(path)).splitlines()[2:]
    if not rows or any(row.split()[-5] != "yes" for row in rows):
        problems.append("fonts not embedded")
    with pikepdf.open(path) as document, document.open_metadata() as xmp:
        if str(document.Root.get("/Lang", "")) != lang:
            problems.append(f"language {document.Root.get('/Lang')}, not {lang}")
        if xmp.get("pdfuaid:part") != "1":
            problems.append("no PDF/UA-1 identification in the XMP metadata")
    return problems


SIZE = re.compile(r"\(PDF, (\d+(?:[.,]\d)?) (MB|kB)(?:, (\d+) [^)]+)?\)")


def stated_size_problems(link, file, lang: str) -> list[str]:
    """What is wrong with "(PDF, 118 kB, 15 blz.)" for the file: size, number format, pages."""
    match = SIZE.search(link.get_text())
    if not file.is_file() or match is None:
        return [f"{link}"]
    amount, unit, pages = match.groups()
    problems = []
    if ("." in amount or "," in amount) and {"nl": ",", "en": "."}[lang] not in amount:
        problems.append(f"{amount} in the wrong number format for {lang}")
    stated = float(amount.replace(",", ".")) * (1_000_000 if unit == "MB" else 1000)
    if abs(file.stat().st_size - stated) > (50_000 if unit == "MB" else 500) + 1:
        problems.append(f"says {amount} {unit}, the file has {file.stat().st_size} bytes")
    if pages is not None:
        with pikepdf.open(file) as document:
            if int(pages) != len(document.pages):
                problems.append(f"says {pages} pages, the file has {len(document.pages)}")
    return problems
