"""The EPUB of one language, made from its built pages (no second source), as the PDF is.

Reading order is the print edition's: the cover, the note on paragraph numbers from the home
page, the contents (the navigation document), then every page of the nav that is not the
website's own (publication.yml: web_only), each a file of its own. Before it is written the
book is checked as a whole: each file well-formed XHTML, and every link inside the book leads
to a file and an id that the book has; a fault names the built page and its line.
"""
from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from lxml import etree

from edition.archive import write_zip
from edition.concepts.pages import INDEX as GLOSSARY_PAGE
from edition.errors import ContentError
from edition.epub.chapter import BookChapter, file_name, xml_lang
from edition.epub.package import CONTAINER, NAV, STYLESHEET, XHTML_NS, Book, Document, nav_document, package_document
from edition.print.edition import HOME, cover, page_title, reading_note
from edition.print.pages import BuiltPage, built_page
from edition.print.settings import PrintSettings
from edition.site import markdown_title, page_url

MIMETYPE = b"application/epub+zip"

STYLESHEET_FILE = Path(__file__).with_name("book.css")
COVER, COLOPHON = "cover.xhtml", "colophon.xhtml"


def nav_pages(project, edition: Path) -> list[BuiltPage]:
    """The built page of every page of the nav; one that is missing is named with its nav line."""
    config = project.config_file.read_text(encoding="utf-8")
    pages = []
    for src in project.nav():
        file = edition / page_url(src) / "index.html"
        if not file.exists():
            # Its entry, "- x.md" or "- Title: x.md" (not the end of "- folder/x.md").
            entry = re.search(rf"^[ \t]*-[ \t]*(?:[^:\n]*:[ \t]*)?({re.escape(src)})[ \t]*$", config, re.M)
            raise ContentError(project.shown(project.config_file), f"nav: {src} has no built page {file}: the book "
                               f"cannot have that chapter", config.count("\n", 0, entry.start(1)) + 1 if entry else None)
        pages.append(built_page(edition, src))
    return pages


def _xhtml(fragment: str) -> str:
    """HTML from the print edition's helpers as XHTML (void elements closed)."""
    return str(xml_lang(BeautifulSoup(fragment, "html.parser")))


def book_metadata(project, lang: str, home: BuiltPage, settings: PrintSettings) -> Book:
    strings = project.strings(lang)
    title = page_title(home)
    main, _, sub = title.partition(", ")
    original = "" if lang == project.source_language else markdown_title(project.content(project.source_language) / HOME)
    authors = tuple(dict.fromkeys(author.name for _, author in project.publication().authors))
    return Book(lang, home.canonical(), title, sub, authors, strings["print_publisher"], home.meta("description"),
                settings.edition_date, original, project.source_language, strings["epub_accessibility_summary"])


def compose(project, edition: Path, lang: str, settings: PrintSettings) -> tuple[Book, list[Document], list[BookChapter]]:
    pages = nav_pages(project, edition)
    home, chosen = pages[0], [page for page in pages[1:] if page.src not in settings.web_only]
    if home.src != HOME:
        raise ContentError("mkdocs.yml", "the nav must start with the home page (index.md)")
    strings = project.strings(lang)
    book = book_metadata(project, lang, home, settings)
    web = home.canonical()
    included = {page.url: page.key for page in chosen}
    glossary = next((page.key for page in chosen if page.src == GLOSSARY_PAGE), None)
    concepts = set(project.concepts())

    def chapter(page: BuiltPage) -> BookChapter:
        return BookChapter(page, included, web, strings, concepts, glossary)
    chapters = [chapter(page) for page in chosen]
    documents = [Document(COVER, book.title, _xhtml(cover(project, lang, book.title, settings, web, book.source_title)),
                          "cover"),
                 Document(COLOPHON, book.title, _xhtml(reading_note(chapter(home), settings.reading_note)))]
    titles = {page.src: page_title(page) for page in chosen}
    entries, bodies = [], []
    for item in chapters:
        src = item.page.src
        folder_index = src.rsplit("/", 1)[0] + "/index.md" if "/" in src else None
        entries.append((2 if folder_index and folder_index != src and folder_index in titles else 1, item.file, titles[src]))
        bodies.append(Document(item.file, titles[src], item.html()))
    landmarks = [("cover", COVER, book.title), ("toc", NAV, strings["print_contents"]),
                 ("bodymatter", chapters[0].file, titles[chosen[0].src])]
    if glossary:
        landmarks.append(("glossary", file_name(glossary), titles[GLOSSARY_PAGE]))
    documents.append(nav_document(strings["print_contents"], entries, landmarks))
    return book, documents + bodies, chapters


def check(documents: list[Document], chapters: list[BookChapter], lang: str) -> None:
    """Each file well-formed, and every link inside the book leads to a file and id it has."""
    ids: dict[str, set[str]] = {}
    links: dict[str, list[str]] = {}
    for document in documents:
        try:
            root = etree.fromstring(document.xhtml(lang).encode("utf-8"))
        except etree.XMLSyntaxError as error:
            raise ContentError(f"EPUB {document.name}", f"not well-formed XHTML: {error}") from error
        ids[document.name] = {element.get("id") for element in root.iter() if element.get("id")}
        links[document.name] = [element.get("href") for element in root.iter(f"{{{XHTML_NS}}}a") if element.get("href")]
    made_by = {item.file: item for item in chapters}
    for name, hrefs in links.items():
        for href in hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                continue
            target = posixpath.normpath(parts.path) if parts.path else name
            if target in ids and (not parts.fragment or parts.fragment in ids[target]):
                continue
            where = made_by.get(name)
            record = next((link for link in where.links if link.href == href), None) if where else None
            what = f"the link {record.original if record else href} leads nowhere in the book " + (
                f"(no #{parts.fragment} in {target})" if target in ids else f"({target} is not a file of the book)")
            if record:
                raise ContentError(where.page.file, what, record.line)
            raise ContentError(f"EPUB {name}", what)


def book_files(project, edition: Path, lang: str, settings: PrintSettings) -> dict[str, bytes]:
    """Every file of the book (but mimetype), by its path inside the ZIP."""
    book, documents, chapters = compose(project, edition, lang, settings)
    check(documents, chapters, lang)
    images = sorted({path for item in chapters for path in item.images})
    files = {"META-INF/container.xml": CONTAINER.encode("utf-8"),
             f"EPUB/{STYLESHEET}": STYLESHEET_FILE.read_bytes()}
    for path in images:
        source = edition / path
        if not source.is_file():
            raise ContentError(source, "an image of the book is missing from the built site")
        files[f"EPUB/{path}"] = source.read_bytes()
    for document in documents:
        files[f"EPUB/{document.name}"] = document.xhtml(lang).encode("utf-8")
    files["EPUB/package.opf"] = package_document(book, documents, [STYLESHEET, *images]).encode("utf-8")
    return files


def build_epub(project, site: Path, lang: str, settings: PrintSettings) -> Path:
    edition = site / lang
    target = edition / settings.epub_file
    # The container: `mimetype` first and stored (EPUB's rule), then every file in name order.
    files = book_files(project, edition, lang, settings)
    write_zip(target, [("mimetype", MIMETYPE)] + sorted(files.items()), settings.edition_date, stored=("mimetype",))
    return target
