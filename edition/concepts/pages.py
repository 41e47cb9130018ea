"""The glossary's pages, generated from the concept data as Markdown (so that MkDocs checks
their links): a page per concept, the A–Z index and the concept map page.

The parts that depend on the whole text – where the essay discusses a concept, the map's
drawing – are placeholders here, filled in by the hook once every page has been read.
"""
from __future__ import annotations

import html
import itertools
import json

from edition.concepts.links import FOLDER, Mention
from edition.concepts.model import Concept, Kind, plain
from edition.project import LANGUAGES
from edition.text.marked_text import to_html

INDEX = f"{FOLDER}/index.md"
MAP = f"{FOLDER}/kaart.md"
MENTIONS_MARKER = "<!-- concept-mentions -->"
MAP_MARKER = "<!-- concept-map -->"
KIND_MARKER = "<!-- concept-kind:{} -->"
# Where the links to the concept cards go, with their sizes, once the PDFs exist (print/download_links.py).
CARDS_SLOT = "<!-- concept-cards -->"
# A concept's description (link previews) is its definition. In search its page ranks first for
# its own name (web/search_markup.py).
CONCEPT_FRONT_MATTER = "---\ndescription: {description}\n---\n"
# The A–Z index has its own row of letters instead of a table of contents.
INDEX_FRONT_MATTER = "---\nhide:\n  - toc\n---\n"
TOC_LABEL = '<label class="md-nav__title" for="__toc">'


def page_of(concept_id: str) -> str:
    return f"{FOLDER}/{concept_id}.md"


def generated_pages(concepts: dict[str, Concept]) -> list[str]:
    """The source names of every page the glossary adds to each edition."""
    return [INDEX, MAP] + [page_of(cid) for cid in concepts]


def _note(strings: dict[str, str]) -> str:
    return f'<p class="concept-note" role="note">{html.escape(strings["concepts_addition"])}</p>'


def other_language(lang: str) -> str:
    return next(other for other in LANGUAGES if other != lang)


# A term in the other language is marked with its language, which also leaves it out of this
# language's search index (each edition's search finds its own language: web/search_markup.py).
def _other_term(concept: Concept, lang: str, strings: dict[str, str]) -> str:
    other = other_language(lang)
    return (f'{html.escape(strings["concepts_other_term"])} '
            f'<span lang="{other}">{html.escape(concept.term[other])}</span>')


def _other_term_short(concept: Concept, lang: str) -> str:
    """The term in the other language after the term, in brackets that are text (so that they
    print and are read aloud), left out where both languages use the same words."""
    other = other_language(lang)
    if concept.term[other].casefold() == concept.title(lang).casefold():
        return ""
    return (f' <span class="concept-other-term">(<span lang="{other}" data-search-exclude>'
            f'{html.escape(concept.term[other])}</span>)</span>')


def howto(strings: dict[str, str], key: str) -> str:
    """How to operate the page, for the device in hand: with a mouse or keyboard (key_pointer),
    or on a touch screen (key_touch). Never printed: on paper there is nothing to operate."""
    return (f'<p class="edition-screen-only edition-howto">'
            f'<span class="edition-for-pointer">{html.escape(strings[key + "_pointer"])}</span>'
            f'<span class="edition-for-touch">{html.escape(strings[key + "_touch"])}</span></p>')


def concept_page(concept: Concept, concepts: dict[str, Concept], kinds: dict[str, Kind], lang: str,
                 strings: dict[str, str]) -> str:
    related = "\n".join(f"- [{concepts[r].title(lang)}]({r}.md): {concepts[r].definition[lang]}"
                        for r in concept.related)
    front_matter = CONCEPT_FRONT_MATTER.format(description=json.dumps(plain(concept.definition[lang]),
                                                                      ensure_ascii=False))
    return f"""{front_matter}
# {concept.title(lang)} {{ #begrip }}

<p class="concept-meta"><span class="concept-kind">{html.escape(kinds[concept.kind].label[lang])}</span> · {_other_term(concept, lang, strings)}</p>

{concept.definition[lang]}
{{ .concept-definition }}

{_note(strings)}

## {strings["concepts_explanation"]} {{ #uitleg }}

{concept.explanation[lang]}

## {strings["concepts_related"]} {{ #verwant }}

<div class="concept-related" markdown>

{related}

</div>

## {strings["concepts_mentions"]} {{ #in-de-tekst }}

{MENTIONS_MARKER}

<p class="concept-more" markdown>[{strings["concepts_all"]}](index.md) · [{strings["concepts_map_title"]}](kaart.md)</p>
"""


def index_page(concepts: dict[str, Concept], lang: str, strings: dict[str, str]) -> str:
    """All concepts A–Z with their short definitions, a heading per initial."""
    ordered = sorted(concepts.values(), key=lambda c: c.sort_key(lang))
    groups = [(letter, list(group)) for letter, group in
              itertools.groupby(ordered, key=lambda c: c.sort_key(lang)[:1].upper())]
    letters = " ".join(f'<a href="#letter-{letter.lower()}">{letter}</a>' for letter, _ in groups)
    sections = []
    for letter, group in groups:
        entries = "\n\n".join(
            f'[{c.title(lang)}]({c.id}.md){_other_term_short(c, lang)}\n:   {c.definition[lang]}'
            for c in group)
        sections.append(f"## {letter} {{ #letter-{letter.lower()} }}\n\n{entries}")
    body = "\n\n".join(sections)
    return f"""{INDEX_FRONT_MATTER}
# {strings["concepts_title"]} {{ #begrippen }}

{strings["concepts_intro"]}

<p class="edition-screen-only" markdown>{strings["concepts_intro_web"]}</p>

{CARDS_SLOT}

{howto(strings, "concepts_howto")}

{_note(strings)}

<nav class="glossary-letters" aria-label="{html.escape(strings["concepts_letters"])}">{letters}</nav>

{body}
"""


def map_page(concepts: dict[str, Concept], kinds: dict[str, Kind], lang: str, strings: dict[str, str]) -> str:
    """The map (drawn by concept_map) and the same content as a list: per kind, each concept
    with its related concepts (filled in with the map, in the order of the text)."""
    lists = [f"### {kind.heading[lang]} {{ #soort-{kind.id} }}\n\n{KIND_MARKER.format(kind.id)}"
             for kind in kinds.values() if any(c.kind == kind.id for c in concepts.values())]
    return f"""# {strings["concepts_map_title"]} {{ #begrippenkaart }}

{strings["concepts_map_intro"]}

{howto(strings, "concepts_map_howto")}

{MAP_MARKER}

## {strings["concepts_map_list"]} {{ #per-soort }}

{chr(10).join(lists)}
"""


def in_text_order(concepts: dict[str, Concept], mentions: list[Mention]) -> dict[str, Concept]:
    """The concepts in the order the text first links them (the map reads like the text)."""
    first: dict[str, tuple[int, int]] = {}
    for mention in mentions:
        first[mention.concept] = min(first.get(mention.concept, mention.order), mention.order)
    return dict(sorted(concepts.items(), key=lambda item: first.get(item[0], (999, 999))))


def kind_list_html(kind: Kind, concepts: dict[str, Concept], lang: str, strings: dict[str, str], href_of) -> str:
    """One kind's concepts, each with links to its related concepts."""
    items = []
    for concept in (c for c in concepts.values() if c.kind == kind.id):
        related = ", ".join(f'<a href="{html.escape(href_of(r))}">{html.escape(concepts[r].term[lang])}</a>'
                            for r in concept.related)
        items.append(f'<li><a href="{html.escape(href_of(concept.id))}">{html.escape(concept.title(lang))}</a>'
                     f' — {html.escape(strings["concepts_related_short"])} {related}</li>')
    return f'<ul class="concept-map-list">{"".join(items)}</ul>'


def mentions_html(mentions: list[Mention], pages: dict[str, tuple[str, str]], from_url: str,
                  strings: dict[str, str], relative_url) -> str:
    """Each paragraph that links to the concept: its number, its page and an excerpt.

    `pages` maps a chapter number ("3") to that page's (url, title)."""
    items = []
    for mention in sorted(mentions, key=lambda m: m.order):
        url, title = pages[mention.number.split(".")[0]]
        href = f"{relative_url(url, from_url)}#{mention.anchor}"
        items.append(
            f'<li><a href="{html.escape(href)}"><span class="concept-sr-only">{html.escape(strings["paragraph"])} </span>'
            f'<span class="concept-mention-number">{mention.number}</span> '
            f'<span class="concept-mention-page">{html.escape(title)}</span></a>'
            f'<p class="concept-mention-excerpt">{to_html(mention.before)}<strong>{to_html(mention.words)}</strong>'
            f'{to_html(mention.after)}</p></li>')
    return f'<ul class="concept-mentions">{"".join(items)}</ul>'


def without_orphan_toc_label(page_html: str) -> str:
    """Material labels the table of contents for a menu toggle (#__toc) that it writes only
    for some pages (not for a section's index page such as the A–Z index): where the toggle is
    missing, the label would point at nothing (invalid HTML), so it loses its for="…"."""
    if 'id="__toc"' in page_html:
        return page_html
    return page_html.replace(TOC_LABEL, '<label class="md-nav__title">')
