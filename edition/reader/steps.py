"""The page steps of our additions for readers: the accessibility statement, the summaries and
reading time, the discussion guide, citing and sharing, page metadata, and the container under
each chapter's title that holds them."""
from __future__ import annotations

import html as markup
import json
import re
from pathlib import Path

from edition.concepts.links import FOLDER as GLOSSARY
from edition.errors import ContentError
from edition.pipeline.step import Step
from edition.projector.decks import FOLDER as PROJECTOR_FOLDER
from edition.reader import (accessibility_statement, chapter_header, cite_panel, discussion_guide,
                            page_metadata, reading_time, short_addresses, summaries)
from edition.reader.citation_formats import EXTENSIONS, NUMBER_TOKEN, Reference, all_formats
from edition.site import fill_marker, markdown_title
from edition.text.steps import PARAGRAPHS_FILE
from edition.web.alternates import edition_root
from edition.web.search_index import FOLDER as SEARCH_FOLDER

ELEMENT_ID = re.compile(r'\bid="([^"]+)"')
CITE_DIR = "cite"
PUBLICATION_FILE = "durf-te-dromen"


class AccessibilityStatement(Step):
    """The accessibility statement shows the facts of the last recorded run of the quality gates."""
    PAGE = "toegankelijkheid.md"

    def markdown(self, page, markdown):
        if page.src != self.PAGE:
            return markdown
        run = accessibility_statement.load_run(self.edition.project)
        return accessibility_statement.render(markdown, run, self.edition.lang, self.edition.strings, page.path)


class ChapterSummaries(Step):
    """Under each chapter's title its reading time and plain-language summary; the page "In het kort"."""

    def __init__(self, edition):
        super().__init__(edition)
        self.summaries = edition.project.summaries()

    def markdown(self, page, markdown):
        if page.src != summaries.BRIEF_PAGE:
            return markdown
        ed = self.edition
        return fill_marker(markdown, summaries.BRIEF_MARKER, lambda: summaries.brief_markdown(
            ed.lang, ed.project.docs, self.summaries, ed.strings), page.path, "where the summaries go")

    def content(self, page, html):
        summary = self.summaries.get(page.src)
        if summary is None:
            return html
        ed = self.edition
        if summaries.BRIEF_PAGE not in ed.files:
            raise ContentError(ed.path(summaries.BRIEF_PAGE), "the page that collects the summaries is missing")
        strings = ed.strings
        page.header_top.append(
            f'<p class="edition-reading-time">{markup.escape(reading_time.label(reading_time.words(html), strings))}</p>\n'
            + summaries.summary_details(summary.texts[ed.lang], strings, ed.href(summaries.BRIEF_PAGE, page)))
        return html


class DiscussionGuide(Step):
    """The page "Gespreksleidraad" / "Discussion guide", generated from docs/data/discussion-guide.yml."""

    def __init__(self, edition):
        super().__init__(edition)
        self.guide = edition.project.guide(edition.lang)
        discussion_guide.check_concepts(edition.project, self.guide)

    def content(self, page, html):
        # The handout's links under the title (filled in once the PDFs exist).
        if page.src == discussion_guide.PAGE:
            page.header_top.append(discussion_guide.HANDOUT_SLOT)
        elif page.src == discussion_guide.AGENDA:
            page.header_top.append(discussion_guide.HANDOUT_SHORT_SLOT)
        return html

    def markdown(self, page, markdown):
        if page.src != discussion_guide.PAGE:
            return markdown
        ed = self.edition
        return fill_marker(markdown, discussion_guide.MARKER, lambda: discussion_guide.guide_markdown(
            ed.project, self.guide, ed.strings), page.path, "where the guide goes")

    def late(self, page):
        if page.src != discussion_guide.PAGE:
            return
        ed = self.edition
        anchors = {src: set(ELEMENT_ID.findall(view.content or "")) for src, view in ed.pages.items()}
        discussion_guide.check_paragraphs(ed.project, self.guide, anchors)
        for tension in self.guide.tensions:
            links = []
            for concept in tension.concepts:
                view = ed.pages.get(f"begrippen/{concept}.md")
                if view is not None:
                    links.append((view.title, ed.href(view.src, page)))
            page.content = page.content.replace(discussion_guide.CONCEPT_SLOT.format(id=tension.id),
                                                discussion_guide.concepts_html(links, ed.strings))


class ShortAddresses(Step):
    """The short addresses (short_addresses.py): /nl/4.7 for every numbered paragraph, /nl/<id>
    for every concept, /nl/g/1/ for every tension of the discussion guide (which the handout
    prints)."""

    def written(self):
        ed = self.edition
        site = Path(ed.site_dir)
        # paragraphs.json: written by the ParagraphNumbers step, before this one.
        chapters = json.loads((site / PARAGRAPHS_FILE).read_text(encoding="utf-8"))
        short_addresses.write_paragraph_forwards(site, ed.lang, ed.site_url, chapters)
        concepts = [c for c in ed.project.concepts().values() if f"{GLOSSARY}/{c.id}.md" in ed.pages]
        views = {c.id: ed.pages[f"{GLOSSARY}/{c.id}.md"] for c in concepts}
        short_addresses.write_concept_forwards(site, ed.lang, ed.site_url, concepts,
                                               {i: view.url for i, view in views.items()},
                                               {i: view.title or i for i, view in views.items()},
                                               self._later_folders())
        guide_page = ed.pages.get(discussion_guide.PAGE)
        if guide_page is not None:
            guide = ed.project.guide(ed.lang)
            short_addresses.write_forwards(site, ed.lang, ed.site_url, guide_page.url,
                                           [(t.id, f"{t.title} – {guide_page.title or ''}") for t in guide.tensions])


    def _later_folders(self) -> set[str]:
        """The folders the build writes into the edition after its pages: the downloads', the
        search index's and the projector's."""
        downloads = self.edition.project.print_settings().downloads().values()
        return {Path(name).parts[0] for name in downloads} | {SEARCH_FOLDER, PROJECTOR_FOLDER}


class Citing(Step):
    """Cite and share: the "Cite" panel under the title of each chapter and at the end of the home
    page, the data for the copy-link and cite script, and the .bib and .ris files in <edition>/cite/."""

    def __init__(self, edition):
        super().__init__(edition)
        self.publication = edition.project.publication()
        self.files: dict[str, str] = {}

    def _files(self, name: str, formats: dict, page) -> dict:
        """Register the static .bib and .ris files of one reference; their links from the page."""
        up = self.edition.href("index.md", page)
        lang = self.edition.lang
        links = {}
        for fmt, ext in EXTENSIONS.items():
            self.files[f"{name}.{ext}"] = formats[fmt]
            links[fmt] = {"href": f"{up}{CITE_DIR}/{name}.{ext}", "name": f"{PUBLICATION_FILE}-{lang}-{name}.{ext}"
                          if name != PUBLICATION_FILE else f"{PUBLICATION_FILE}-{lang}.{ext}"}
        return links

    def content(self, page, html):
        ed = self.edition
        chapter = ed.project.chapter_of(page.src)
        if chapter is None and not page.is_homepage:
            return html
        lang, strings, pub, root = ed.lang, ed.strings, self.publication, ed.site_url
        book = markdown_title(ed.project.content(lang) / "index.md")
        key = f"durftedromen{pub.year}-{lang}"
        whole = Reference(lang, book, root, key, pub.publisher)
        whole_formats = all_formats(whole, pub, strings)
        cite = {"publication": {"label": strings["cite_publication"], "formats": whole_formats,
                                "files": self._files(PUBLICATION_FILE, whole_formats, page)}}
        current = "publication"
        if chapter is not None:
            author = pub.author_of(chapter.src)
            this = Reference(lang, book, root + page.url, f"{key}-{chapter.prefix}", author, page.title)
            # A paragraph is cited by its short address (/nl/3.4), which says its number.
            paragraph = Reference(lang, book, short_addresses.paragraph_url(root, NUMBER_TOKEN), f"{key}-{NUMBER_TOKEN}",
                                  author, page.title, NUMBER_TOKEN)
            this_formats = all_formats(this, pub, strings)
            cite["chapter"] = {"label": strings["cite_chapter"].format(title=page.title), "formats": this_formats,
                               "files": self._files(chapter.key, this_formats, page)}
            cite["paragraph"] = {"label": strings["cite_paragraph"], "formats": all_formats(paragraph, pub, strings),
                                 "name": f"{PUBLICATION_FILE}-{lang}-{NUMBER_TOKEN}"}
            current = "chapter"
        shown = cite[current]
        title = "cite_title" if chapter is not None else "cite_title_publication"
        fragment = (cite_panel.panel_html(shown["label"], shown["formats"], shown["files"], strings, title) + "\n"
                    + cite_panel.data_block(lang, strings, {**cite, "current": current}, ed.href("index.md", page)))
        # On the home page at the end, after its section on referring and citing: not before the
        # introduction a first-time reader comes for.
        (page.header_top if chapter is not None else page.header_end).append(fragment)
        return html

    def written(self):
        folder = Path(self.edition.site_dir) / CITE_DIR
        folder.mkdir(exist_ok=True)
        for name, text in sorted(self.files.items()):
            # RIS wants CRLF line ends; BibTeX does not mind them either way.
            (folder / name).write_bytes(text.replace("\n", "\r\n").encode("utf-8") if name.endswith(".ris")
                                        else text.encode("utf-8"))


class PageMetadata(Step):
    """Each page's description, Open Graph tags and JSON-LD, put on the page for overrides/main.html."""

    def __init__(self, edition):
        super().__init__(edition)
        self.summaries = edition.project.summaries()
        self.publication = edition.project.publication()

    def late(self, page):
        ed = self.edition
        lang, pub, project = ed.lang, self.publication, ed.project
        summary = self.summaries.get(page.src)
        # The page's own description as written; a derived one shortened.
        description = page.meta.get("description") or page_metadata.shorten(
            (summary and summaries.first_sentences(summary.texts[lang]))
            or page_metadata.first_paragraph(page.content or "") or page.title)
        author = pub.author_of(page.src)
        # Material writes these two into <meta> as they are: escape them here.
        page.meta["description"] = markup.escape(description)
        if author.is_person:
            page.meta["author"] = markup.escape(author.name)
        root = edition_root(ed.site_url, lang)
        url = ed.site_url + page.url
        # The pages that are ours rather than the brochure's (web_only) carry this edition's date.
        published = pub.edition_date.isoformat() if page.src in pub.web_only else pub.date
        original = None
        if not ed.is_source_language:
            original = {"url": f"{root}{project.source_language}/{page.url}", "inLanguage": project.source_language}
        others = project.other_languages(lang)
        page.meta["edition_metadata"] = {
            "open_graph": page_metadata.open_graph(page.title, description, url, ed.strings["locale"],
                                                   [project.strings(other)["locale"] for other in others],
                                                   ed.site_name),
            "json_ld": page_metadata.json_ld(
                title=page.title, description=description, url=url, lang=lang, author=author, pub=pub,
                book=markdown_title(project.content(lang) / "index.md"), book_url=f"{root}{lang}/",
                published=published, original=original),
        }


class ChapterHeader(Step):
    """Writes what the other steps queued for under a chapter's title into the finished page
    (late: so it stays out of the search index and the paragraph numbering)."""

    def finished(self, page, output):
        return chapter_header.insert(output, page.header_top, page.header_end, page.path)
