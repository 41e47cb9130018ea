"""The glossary's page steps: concept pages, the A–Z index and the map (generated in begrippen/),
concept links checked and marked for the popover, each concept page's list of the paragraphs
that link to it; and the index of people and organisations."""
from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

from edition.concepts import concept_map, names, people, people_page
from edition.concepts import links as concept_links
from edition.concepts import pages as concept_pages
from edition.concepts.model import plain
from edition.errors import ContentError
from edition.pipeline.step import Step
from edition.site import fill_marker, relative_url


class Concepts(Step):
    def __init__(self, edition):
        super().__init__(edition)
        self.concepts = edition.project.concepts()
        self.kinds = edition.project.kinds()
        self.mentions: list[concept_links.Mention] = []
        self.chapters: dict[str, tuple[str, str]] = {}  # chapter number -> (url, title)
        self.linked: dict[str, list[str]] = {}  # page src -> concept ids it links to

    def generated_pages(self):
        lang, strings = self.edition.lang, self.edition.strings
        pages = {concept_pages.INDEX: (concept_pages.index_page(self.concepts, lang, strings), True),
                 concept_pages.MAP: (concept_pages.map_page(self.concepts, self.kinds, lang, strings), True)}
        for concept in self.concepts.values():
            # Concept pages join the nav A–Z (nav_additions): the nav file does not list them.
            pages[concept_pages.page_of(concept.id)] = (
                concept_pages.concept_page(concept, self.concepts, self.kinds, lang, strings), False)
        return pages

    def nav_additions(self):
        ordered = sorted(self.concepts.values(), key=lambda c: c.sort_key(self.edition.lang))
        return [(concept_pages.INDEX, [concept_pages.page_of(c.id) for c in ordered])]

    def markdown(self, page, markdown):
        known = set(self.concepts) | {Path(p).stem for p in (concept_pages.INDEX, concept_pages.MAP)}
        # The file's own text (with its front matter), so that line numbers are the file's.
        concept_links.check_markdown(page.source, page.path, known)
        return markdown

    def content(self, page, html):
        # The glossary's own pages show the definitions already: no popovers there; the map gets
        # its popovers once it is drawn (late).
        if page.src.startswith(f"{concept_links.FOLDER}/") or f"{concept_links.FOLDER}/" not in html:
            return html
        html, linked, mentions = concept_links.mark_links(html, page.url, self.concepts)
        self.linked[page.src] = linked
        if mentions:
            self.chapters[mentions[0].number.split(".")[0]] = (page.url, page.title)
            self.mentions.extend(mentions)
        return html

    def all_rendered(self):
        # Each concept must be linked from the text.
        concept_links.check_every_concept_linked(self.concepts, self.mentions, self.edition.lang)

    def _draw_map(self, page):
        """The map and its lists, in the order in which the text first links each concept."""
        lang, strings = self.edition.lang, self.edition.strings
        ordered = concept_pages.in_text_order(self.concepts, self.mentions)
        href_of = lambda cid: relative_url(f"{concept_links.FOLDER}/{cid}/", page.url)  # noqa: E731
        content = fill_marker(page.content, concept_pages.MAP_MARKER, lambda: concept_map.map_figure(
            concept_map.concept_map_html(ordered, self.kinds, lang, href_of), strings["concepts_map_caption"]),
            page.path, "the concept map")
        for kind in self.kinds.values():
            content = fill_marker(content, concept_pages.KIND_MARKER.format(kind.id), lambda kind=kind:
                                  concept_pages.kind_list_html(kind, ordered, lang, strings, href_of), page.path, kind.id)
        page.content, linked, _ = concept_links.mark_links(content, page.url, ordered)
        self.linked[page.src] = linked

    def late(self, page):
        if page.src == concept_pages.MAP:
            self._draw_map(page)
        concept_id = Path(page.src).stem
        if page.src.startswith(f"{concept_links.FOLDER}/") and concept_id in self.concepts:
            mentions = [m for m in self.mentions if m.concept == concept_id]
            page.content = fill_marker(page.content, concept_pages.MENTIONS_MARKER, lambda: concept_pages.mentions_html(
                mentions, self.chapters, page.url, self.edition.strings, relative_url),
                page.path, "where the essay discusses the concept")

    def finished(self, page, output):
        if page.src.startswith(f"{concept_links.FOLDER}/"):
            output = concept_pages.without_orphan_toc_label(output)
        linked = self.linked.get(page.src)
        if not linked:
            return output
        definitions = concept_links.definitions_html(linked, self.concepts, self.edition.lang,
                                                     self.edition.strings["concepts_touch_hint"], plain)
        return concept_links.with_definitions(output, definitions)

    def written(self):
        # Read by the tests and the print edition: per concept its definition and mentions.
        table = concept_links.concepts_table(self.concepts, self.mentions, self.chapters, self.edition.lang)
        Path(self.edition.site_dir, "concepts.json").write_text(json.dumps(table, ensure_ascii=False, indent=1),
                                                                encoding="utf-8")


def _title(path: Path) -> str:
    heading = next(line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("# "))
    return re.sub(r"\s*\{[^}]*\}\s*$", "", heading[2:]).strip()


class People(Step):
    """A generated page with the interviewees, the authors and the organisations and projects,
    each with the paragraphs that name them (and the interviewees' quotes); every name in the
    text and the data spelled as registered (names.py)."""

    def __init__(self, edition):
        super().__init__(edition)
        lang, strings = edition.lang, edition.strings
        docs = edition.project.content(lang)
        self.interviewees = people.interviewees((docs / people.SOURCE_PAGE).read_text(encoding="utf-8"),
                                                strings["people_conjunction"], edition.path(people.SOURCE_PAGE))
        self.authors, self.organisations = people.load_data(edition.project, lang)
        people.name_patterns(self.interviewees + self.authors)
        self.titles = {page: _title(docs / page) for author in self.authors for page in author.wrote}
        self.people = self.interviewees + self.authors
        self.chapters: dict[str, tuple[str, str]] = {}
        self.listed = people_page.with_section(self.interviewees, self.authors, self.organisations)

    def generated_pages(self):
        return {people.PAGE: (people_page.page_markdown(self.interviewees, self.authors, self.organisations,
                                                        self.titles, self.edition.strings, self.edition.lang), True)}

    def content(self, page, html):
        if 'id="p-' not in html:  # no numbered paragraphs: nothing to find
            return html
        soup = BeautifulSoup(html, "html.parser")  # a parse of our own: record_block changes it
        for element in soup.find_all(id=concept_links.BLOCK_ID):
            chapter, k = concept_links.BLOCK_ID.match(element["id"]).groups()
            self.chapters[chapter] = (page.url, page.title)
            people.record_block(element, f"{chapter}.{k}", self.people, self.organisations)
        return html

    def all_rendered(self):
        # Names are one fact: no variant spelling in this edition's pages (or the data).
        names.check_names(self.edition.project, self.edition.lang)
        # Every entry must be found in the text: a name that matches nothing is a typo.
        for entry in self.interviewees + self.organisations:
            if not entry.mentions:
                raise ContentError(entry.where or f"docs/data/{people.DATA_FILE}",
                                   f"'{entry.name}' is named in no numbered paragraph of docs/{self.edition.lang}/",
                                   entry.line)

    def late(self, page):
        if page.src != people.PAGE:
            return
        for entry in self.listed:
            page.content = fill_marker(page.content, people.MARKER.format(entry.slug), lambda entry=entry:
                                       people_page.entry_html(entry, self.chapters, page.url, self.edition.strings,
                                                              relative_url), page.path, entry.name)
