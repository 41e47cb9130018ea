"""The projector view's page step: a link to it under the title of the agenda and of each
concept page; once every page is rendered, the numbered paragraphs read from the chapters; after
the pages are written, the decks in <lang>/projectie/ (not in the sitemap, nor in the search:
they are not written by the generator, and they say noindex)."""
from __future__ import annotations

import html as markup
from pathlib import Path

import markdown

from edition.concepts.pages import page_of as concept_page
from edition.errors import ContentError
from edition.pipeline.step import Step
from edition.projector import blocks as paragraphs
from edition.projector.decks import AGENDA_DECK, FOLDER, agenda_deck, concept_deck
from edition.projector.render import deck_page
from edition.reader import discussion_guide
from edition.site import relative_url

# Material's "projector-screen-outline" (Material Design Icons, Apache-2.0), as the side-by-side link has its icon.
ICON = ('<svg class="edition-projector__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="'
        'M20 2H4c-.55 0-1 .45-1 1v1c0 .55.45 1 1 1h1v9h6v2.59l-4.21 4.2 1.42 1.42 2.79-2.8V22h2v-2.59l2.79 2.8 '
        '1.42-1.42-4.21-4.2V14h6V5h1c.55 0 1-.45 1-1V3c0-.55-.45-1-1-1m-3 10H7V5h10z"/></svg>')


class Projector(Step):
    def __init__(self, edition):
        super().__init__(edition)
        self.concepts = edition.project.concepts()
        if AGENDA_DECK in self.concepts:
            raise ContentError(self.concepts[AGENDA_DECK].source, f"the concept id '{AGENDA_DECK}' is the address "
                               f"of the agenda's slides ({FOLDER}/{AGENDA_DECK}/): choose another")
        self.pages = {concept_page(cid): cid for cid in self.concepts} | {discussion_guide.AGENDA: AGENDA_DECK}
        self.blocks: dict[str, paragraphs.Block] = {}

    def content(self, page, html):
        deck = self.pages.get(page.src)
        if deck is not None:
            strings = self.edition.strings
            href = relative_url(f"{FOLDER}/{deck}/", page.url)
            page.header_top.append(f'<p class="edition-projector"><a class="edition-projector__link" '
                                   f'href="{markup.escape(href)}">{ICON}{markup.escape(strings["projector_link"])}</a>: '
                                   f'{markup.escape(strings["projector_link_hint"])}</p>')
        return html

    def all_rendered(self):
        for chapter in self.edition.project.chapters():
            view = self.edition.pages.get(chapter.src)
            if view is not None and view.content:
                for block in paragraphs.page_blocks(chapter.src, view.content):
                    self.blocks[block.number] = block

    def _decks(self):
        ed = self.edition
        lang, strings, project = ed.lang, ed.strings, ed.project
        titles = {src: view.title for src, view in ed.pages.items()}
        agenda = ed.pages[discussion_guide.AGENDA]
        guide = project.guide(lang)
        by_anchor = {block.anchor: block for block in self.blocks.values()}
        sections = paragraphs.sections(agenda.content, [t.id for t in guide.tensions])
        for tension in guide.tensions:
            if not sections.get(tension.id):
                raise ContentError(agenda.path, f"the tension '{tension.id}' has no numbered paragraph under "
                                                "its heading: its slide would be empty")
        yield agenda_deck(guide, agenda.title, {key: [by_anchor[a] for a in anchors] for key, anchors in sections.items()},
                          self.blocks, titles, ed.site_url, strings, discussion_guide.AGENDA, discussion_guide.PAGE)
        kinds = project.kinds()
        for concept in self.concepts.values():
            mentioned = sorted((b for b in self.blocks.values() if concept.id in b.concepts), key=lambda b: b.order)
            yield concept_deck(concept, kinds[concept.kind].label[lang], markdown.markdown(concept.definition[lang]),
                               mentioned, titles, ed.site_url, lang, strings, concept_page(concept.id))

    def written(self):
        if discussion_guide.AGENDA not in self.edition.pages:
            return
        project, lang = self.edition.project, self.edition.lang
        others = {other: project.strings(other)["language_name"] for other in project.other_languages(lang)}
        for deck in self._decks():
            file = Path(self.edition.site_dir) / deck.url / "index.html"
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(deck_page(deck, lang, self.edition.strings, others), encoding="utf-8")
