"""The slides of each deck, derived from the discussion guide, the concepts and the rendered
paragraphs: nothing on a slide is typed for it, so a renumbered paragraph or a changed question
changes the slides in the next build.

The agenda deck: an opening slide with the tensions, then per tension its slide (its title and
the agenda's text), each paragraph the guide says it draws on, and its questions on one slide
(a group picks two or three of them: discussion-guide.yml, "In small groups"). A concept deck:
the concept (its term, the term in the other language, its short definition), then each
paragraph where the essay discusses it: every one, no cap (the essay links a concept from a
few paragraphs, nine at the most when this was written).
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field, replace

from edition.concepts.model import Concept
from edition.concepts.pages import other_language
from edition.projector.blocks import Block, slide_html, text_length
from edition.reader.short_addresses import concept_url, paragraph_url, short_url
from edition.site import page_url

FOLDER = "projectie"
AGENDA_DECK = "dialoog"
# Type sizes (design pixels on a 1920×1080 slide: projector.css) by the number of characters on
# the slide, each list item or paragraph after the first counted as BREAK more (the rest of its
# last line and the space between). Measured with DejaVu Sans, wider than most systems' sans
# serif: the longest paragraph (about 1,400 characters) fits at the smallest, 32 px.
SIZES = ((380, "xl"), (540, "l"), (740, "m"), (1000, "s"), (1250, "xs"))
SMALLEST = "xxs"
BREAK = 50


def slide_id(number: int) -> str:
    """The id of the slide `number` (1, 2, …), its address in the deck: #s1."""
    return f"s{number}"


def size_for(characters: int) -> str:
    return next((name for limit, name in SIZES if characters <= limit), SMALLEST)


@dataclass(frozen=True)
class Slide:
    kind: str  # opening, tension, paragraph, questions, concept
    kicker: str  # the line above the heading (plain text)
    heading: str  # HTML
    body: str  # HTML
    address: str  # the short address shown in the corner (a full URL)
    source: str  # where it comes from, in the edition: "dialoog/#kracht-en-macht"
    note: str = ""  # says that the slide's text is ours, not the authors'
    size: str = field(default="")

    def with_size(self) -> "Slide":
        # A note (and the keys on a first slide) take about two lines below the text.
        extra = 2 * BREAK if self.note else 0
        return replace(self, size=size_for(text_length(self.body, BREAK) + extra))


@dataclass(frozen=True)
class Deck:
    name: str  # its folder below projectie/: "dialoog" or a concept id
    title: str  # the page's <h1> (plain text)
    slides: list[Slide]

    @property
    def url(self) -> str:
        return f"{FOLDER}/{self.name}/"


def _paragraph(block: Block, kicker: str, chapter_titles: dict[str, str], edition_url: str,
               strings: dict[str, str], concept: str | None = None) -> Slide:
    heading = (f'{html.escape(strings["guide_paragraph"].format(n=block.number))}'
               f' <span class="slide-heading-part">· {html.escape(chapter_titles[block.src])}</span>')
    return Slide("paragraph", kicker, heading, slide_html(block, concept), paragraph_url(edition_url, block.number),
                 f"{page_url(block.src)}#{block.anchor}").with_size()


def _numbered(blocks: list[Block]) -> str:
    """The agenda's text of a tension, each paragraph with its number."""
    return "".join(slide_html(block).replace(
        ">", f'><span class="slide-number">{block.number}</span> ', 1) for block in blocks)


def agenda_deck(guide, agenda_title: str, tension_blocks: dict[str, list[Block]], blocks: dict[str, Block],
                chapter_titles: dict[str, str], edition_url: str, strings: dict[str, str],
                agenda_src: str, guide_src: str) -> Deck:
    total = len(guide.tensions)
    slides, starts = [], []
    for n, tension in enumerate(guide.tensions, start=1):
        address = short_url(edition_url, n)
        starts.append(len(slides) + 2)  # its slide's number, after the opening slide
        slides.append(Slide("tension", strings["handout_tension_of"].format(n=n, total=total),
                            html.escape(tension.title), _numbered(tension_blocks[tension.id]), address,
                            f"{page_url(agenda_src)}#{tension.id}").with_size())
        kicker = f'{tension.title} · {strings["guide_draws_on"]}'
        slides += [_paragraph(blocks[number], kicker, chapter_titles, edition_url, strings)
                   for number in tension.draws_on]
        questions = "".join(f"<li>{html.escape(q)}</li>" for q in tension.questions)
        slides.append(Slide("questions", tension.title, html.escape(strings["guide_questions"]),
                            f'<ol class="slide-questions">{questions}</ol>', address,
                            f"{page_url(guide_src)}#{tension.id}-vragen",
                            strings["handout_guide_source"]).with_size())
    contents = "".join(f'<li><a href="#{slide_id(start)}">{html.escape(t.title)}</a></li>'
                       for start, t in zip(starts, guide.tensions))
    opening = Slide("opening", "", html.escape(strings["handout_tensions"]),
                    f'<ol class="slide-contents">{contents}</ol>', edition_url + page_url(agenda_src),
                    page_url(agenda_src)).with_size()
    slides.insert(0, opening)
    return Deck(AGENDA_DECK, agenda_title, slides)


def concept_deck(concept: Concept, kind_label: str, definition_html: str, mentioned: list[Block],
                 chapter_titles: dict[str, str], edition_url: str, lang: str, strings: dict[str, str],
                 concept_src: str) -> Deck:
    other = other_language(lang)
    other_term = (f'<p class="slide-other-term">{html.escape(strings["concepts_other_term"])} '
                  f'<span lang="{other}">{html.escape(concept.term[other])}</span></p>')
    title = f'{strings["concepts_title"]}: {concept.title(lang)}'
    slides = [Slide("concept", kind_label, html.escape(concept.title(lang)), other_term + definition_html,
                    concept_url(edition_url, concept.id), page_url(concept_src),
                    strings["concepts_addition"]).with_size()]
    kicker = f'{concept.title(lang)} · {strings["concepts_mentions"]}'
    slides += [_paragraph(block, kicker, chapter_titles, edition_url, strings, concept.id) for block in mentioned]
    return Deck(concept.id, title, slides)
