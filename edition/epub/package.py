"""The EPUB's own files around the chapters: each XHTML document, the cover, the navigation
document and the package document (metadata with the accessibility claims, manifest, spine)."""
from __future__ import annotations

import datetime
import mimetypes
from dataclasses import dataclass
from html import escape

XHTML_NS = "http://www.w3.org/1999/xhtml"
EPUB_NS = "http://www.idpf.org/2007/ops"
STYLESHEET = "book.css"
NAV = "nav.xhtml"
CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""
# What the book is and offers to readers with a disability (EPUB Accessibility 1.1, its
# schema.org metadata). Derived from how it is made: text throughout, the one figure with its
# text alternative, headings and a table of contents, the web's reading order, no hazards.
ACCESS_MODES = ("textual", "visual")
SUFFICIENT = ("textual",)
FEATURES = ("alternativeText", "displayTransformability", "readingOrder", "structuralNavigation", "tableOfContents")
HAZARDS = ("none",)
CONFORMS_TO = "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"


@dataclass(frozen=True)
class Document:
    name: str  # "verkenning-inleiding.xhtml"
    title: str
    body: str  # the <body>'s content (XHTML)
    body_class: str = ""

    def xhtml(self, lang: str) -> str:
        body_class = f' class="{self.body_class}"' if self.body_class else ""
        return (f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
                f'<html xmlns="{XHTML_NS}" xmlns:epub="{EPUB_NS}" lang="{lang}" xml:lang="{lang}">\n'
                f'<head>\n<meta charset="UTF-8"/>\n<title>{escape(self.title)}</title>\n'
                f'<link rel="stylesheet" type="text/css" href="{STYLESHEET}"/>\n</head>\n'
                f'<body{body_class}>\n{self.body}\n</body>\n</html>\n')


@dataclass(frozen=True)
class Book:
    lang: str
    identifier: str  # the web edition's address
    title: str
    subtitle: str
    authors: tuple[str, ...]
    publisher: str
    description: str
    modified: datetime.date
    source_title: str  # the brochure's title, for a translation ("" for the original)
    source_language: str
    accessibility_summary: str


def toc_list(entries: list[tuple[int, str, str]]) -> str:
    """The contents as nested lists: level 2 entries under the level 1 entry before them."""
    tree: list[tuple[str, str, list]] = []
    for level, href, title in entries:
        (tree[-1][2] if level == 2 and tree else tree).append((href, title, []))

    def item(href: str, title: str, children: list) -> str:
        sub = "".join(item(*child) for child in children)
        return f'<li><a href="{escape(href)}">{escape(title)}</a>{f"<ol>{sub}</ol>" if sub else ""}</li>\n'
    return f'<ol>\n{"".join(item(*entry) for entry in tree)}</ol>'


def nav_document(heading: str, entries: list[tuple[int, str, str]],
                 landmarks: list[tuple[str, str, str]]) -> Document:
    marks = "".join(f'<li><a epub:type="{kind}" href="{escape(href)}">{escape(title)}</a></li>\n'
                    for kind, href, title in landmarks)
    body = (f'<nav epub:type="toc" role="doc-toc" id="toc" aria-labelledby="toc-title">\n'
            f'<h1 id="toc-title">{escape(heading)}</h1>\n{toc_list(entries)}\n</nav>\n'
            f'<nav epub:type="landmarks" id="landmarks" hidden="hidden">\n<ol>\n{marks}</ol>\n</nav>')
    return Document(NAV, heading, body, "nav")


def _meta(name: str, values: tuple[str, ...]) -> str:
    return "".join(f'    <meta property="{name}">{escape(value)}</meta>\n' for value in values)


def package_document(book: Book, documents: list[Document], resources: list[str]) -> str:
    """package.opf: the metadata, every file of the book, and the reading order."""
    stamp = datetime.datetime.combine(book.modified, datetime.time(), datetime.timezone.utc)
    creators = "".join(f"    <dc:creator>{escape(name)}</dc:creator>\n" for name in book.authors)
    source = (f'    <dc:source xml:lang="{book.source_language}">{escape(book.source_title)}</dc:source>\n'
              if book.source_title else "")
    items, spine = [], []
    for number, document in enumerate(documents, 1):
        properties = ' properties="nav"' if document.name == NAV else ""
        items.append(f'    <item id="d{number}" href="{document.name}" media-type="application/xhtml+xml"{properties}/>')
        spine.append(f'    <itemref idref="d{number}"/>')
    for number, name in enumerate(resources, 1):
        kind = "text/css" if name.endswith(".css") else mimetypes.guess_type(name)[0]
        items.append(f'    <item id="r{number}" href="{escape(name)}" media-type="{kind}"/>')
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id" xml:lang="{book.lang}">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="pub-id">{escape(book.identifier)}</dc:identifier>
    <dc:title id="title">{escape(book.title)}</dc:title>
    <dc:language>{book.lang}</dc:language>
{creators}    <dc:publisher>{escape(book.publisher)}</dc:publisher>
    <dc:date>{book.modified.isoformat()}</dc:date>
    <dc:description>{escape(book.description)}</dc:description>
{source}    <meta property="dcterms:modified">{stamp.strftime("%Y-%m-%dT%H:%M:%SZ")}</meta>
{_meta("schema:accessMode", ACCESS_MODES)}{_meta("schema:accessModeSufficient", SUFFICIENT)}{_meta("schema:accessibilityFeature", FEATURES)}{_meta("schema:accessibilityHazard", HAZARDS)}{_meta("schema:accessibilitySummary", (book.accessibility_summary,))}{_meta("dcterms:conformsTo", (CONFORMS_TO,))}    <meta property="a11y:certifiedBy">{escape(book.publisher)}</meta>
  </metadata>
  <manifest>
{chr(10).join(items)}
  </manifest>
  <spine>
{chr(10).join(spine)}
  </spine>
</package>
"""
