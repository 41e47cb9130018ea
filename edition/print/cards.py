"""Concept cards for a training: one A6 card per concept, four to an A4 sheet with cut marks,
to lay out on a table, sort and discuss. A set with every concept (A–Z) and one per kind.

Each card: the term (large, to be read from across the table), its kind and the term in the
other language (as on the concept's page), the short definition, the paragraphs where the
essay discusses the concept (the concept page's list, from the built edition's concepts.json),
and the concept's short address as a QR code and in print. Everything comes from the concept
data and the built edition: a concept renamed or relinked changes its card in the next build.

A card has a fixed size, so a long definition is set a step smaller until it fits
(DEFINITION_PT); one that does not fit at the smallest step (9 pt, still readable) stops the
build naming the definition's file and line. Nothing is cut off.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

import markdown
from bs4 import BeautifulSoup

from edition.concepts.model import CONCEPTS_DIR, Concept, Kind
from edition.concepts.pages import other_language
from edition.data import read_yaml
from edition.errors import ContentError
from edition.print.edition import HOME, head, page_title
from edition.print.handout_parts import qr_image
from edition.print.pages import built_page
from edition.print.render import all_boxes, write_pdf
from edition.print.settings import PrintSettings
from edition.reader.short_addresses import concept_url

STYLESHEET = "print-cards.css"
CARDS_PER_SHEET = 4
# The definition's type, largest first: each step is tried until the card fits.
DEFINITION_PT = (13, 12, 11, 10, 9)


@dataclass(frozen=True)
class CardSet:
    target: Path
    title: str
    concepts: list[Concept]


@dataclass
class Sources:
    lang: str
    strings: dict[str, str]
    web: str  # https://host/nl/
    book: str
    author: str
    mentions: dict[str, list[dict]]  # concept id -> the paragraphs that discuss it (concepts.json)


def load_sources(project, edition: Path, lang: str) -> Sources:
    home = built_page(edition, HOME)
    table = json.loads((edition / "concepts.json").read_text(encoding="utf-8"))
    return Sources(lang, project.strings(lang), home.canonical(), page_title(home), home.meta("author"),
                   {cid: entry["mentions"] for cid, entry in table.items()})


def inline(markdown_text: str) -> str:
    """A definition's Markdown (emphasis) as inline HTML."""
    return re.sub(r"^<p>|</p>$", "", markdown.markdown(markdown_text))


def mentions_html(mentions: list[dict], web: str) -> str:
    """Each paragraph number once, in the text's order, a link to the paragraph on the web."""
    seen: dict[str, str] = {}
    for mention in mentions:
        seen.setdefault(mention["number"], f'{web}{mention["page"]}#{mention["anchor"]}')
    return ", ".join(f'<a class="number" href="{html.escape(href)}">{number}</a>' for number, href in seen.items())


def card(concept: Concept, kinds: dict[str, Kind], src: Sources, step: int = 0) -> str:
    e, strings, lang = html.escape, src.strings, src.lang
    other = other_language(lang)
    address = concept_url(src.web, concept.id)
    # It may break after the edition's address, never inside the name (its hyphens are part of it).
    printed = (f'<span class="url-part">{e(src.web)}</span><wbr>'
               f'<span class="url-part">{e(address.removeprefix(src.web))}</span>')
    return (f'<section class="card" data-card="{concept.id}" data-step="{step}">'
            f'<div class="card-text" data-fit="{concept.id}">'
            f'<h1 class="card-term">{e(concept.title(lang))}</h1>'
            f'<p class="card-meta"><span class="card-kind">{e(kinds[concept.kind].label[lang])}</span> · '
            f'{e(strings["concepts_other_term"])} <span lang="{other}">{e(concept.term[other])}</span></p>'
            f'<p class="card-definition" style="font-size: {DEFINITION_PT[step]}pt">{inline(concept.definition[lang])}</p>'
            f'<p class="card-mentions"><span class="card-label">{e(strings["concepts_mentions"])}:</span> '
            f'{mentions_html(src.mentions.get(concept.id, []), src.web)}</p></div>'
            f'<div class="card-foot" data-fit-foot="{concept.id}">{qr_image(address, strings["handout_qr"].format(url=address))}'
            f'<p class="card-source">{e(src.book)} · {e(strings["cards_title"])}</p>'
            f'<p class="card-note">{e(strings["concepts_addition"])}</p>'
            f'<p class="card-address"><a class="url" href="{e(address)}">{printed}</a></p></div></section>')


def cards_html(card_sets: list[CardSet], kinds: dict[str, Kind], src: Sources, settings: PrintSettings) -> str:
    """Every set, each starting on a sheet of its own (data-extract: its pages are its PDF)."""
    parts = []
    for number, card_set in enumerate(card_sets):
        cards = [card(c, kinds, src) for c in card_set.concepts]
        sheets = "".join(f'<div class="sheet">{"".join(cards[k:k + CARDS_PER_SHEET])}</div>'
                         for k in range(0, len(cards), CARDS_PER_SHEET))
        parts.append(f'<div class="card-set" data-extract="{number}">{sheets}</div>')
    return (head(src.lang, card_sets[0].title, src.author, src.strings["cards_subject"], settings.edition_date.isoformat())
            + '<body class="cards">\n' + "\n".join(parts) + "\n</body>\n</html>\n")


# The parts of a card's text that a word too wide can be in: their field in the data, and
# whether it is the other language's (the term beside the kind).
FIELDS = {"card-term": ("term", False), "card-meta": ("term", True), "card-definition": ("definition", False)}


def overflowing(document, attribute: str = "data-fit") -> dict[str, str]:
    """The concepts whose card text (or foot: data-fit-foot) runs out of its box, which has a
    fixed size on the card: concept id -> "below" (too long), or the class of the paragraph
    with a word too wide for the card ("card-term")."""
    found = {}
    for page in document.pages:
        for box in all_boxes(page._page_box):
            if box.element is None or box.element_tag != "div" or not box.element.get(attribute):
                continue
            bottom, right = box.content_box_y() + box.height, box.content_box_x() + box.width
            wide = [child for child in box.children
                    if any(b.position_x + b.margin_width() > right + .01 for b in all_boxes(child))]
            if wide:
                found[box.element.get(attribute)] = " ".join(wide[0].element.get("class", "").split()[:1])
            elif any(child.border_box_y() + child.border_height() > bottom + .01 for child in box.children):
                found[box.element.get(attribute)] = "below"
    return found


def data_line(project, concept: Concept, field: str, lang: str) -> int:
    """The line of a concept's field in a language, in its file."""
    entry = read_yaml(project.data / CONCEPTS_DIR / f"{concept.id}.yml", concept.source)
    text = entry.get(field)
    found = text.get(lang) if text is not None else None
    return found.line if found is not None else entry.key_line(field)


def fitting(project, concepts: dict[str, Concept], lang: str):
    """The `adjust` of write_pdf: a card that does not fit gets the next smaller definition;
    one that does not fit at the smallest stops the build at its definition."""
    def adjust(document, page_html: str) -> str | None:
        for concept_id in overflowing(document, "data-fit-foot"):  # no smaller type helps there
            raise ContentError(concepts[concept_id].source, f"concept '{concept_id}': the foot of its card ({lang}: "
                                                            "the QR code, the note beside it and the short address) "
                                                            "does not fit: a shorter id (the file's name)?")
        text = overflowing(document)
        for concept_id, where in text.items():
            if where != "below":
                field, other = FIELDS.get(where, ("definition", False))
                in_lang = other_language(lang) if other else lang
                raise ContentError(concepts[concept_id].source, f"concept '{concept_id}': a word of its {field} "
                                                                f"({in_lang}) is wider than the card ({lang})",
                                   data_line(project, concepts[concept_id], field, in_lang))
        too_long = list(text)
        if not too_long:
            return None
        soup = BeautifulSoup(page_html, "html.parser")
        for concept_id in too_long:  # a card is in several sets: the same step in each
            sections = soup.find_all("section", attrs={"data-card": concept_id})
            step = int(sections[0]["data-step"]) + 1
            if step == len(DEFINITION_PT):
                concept = concepts[concept_id]
                raise ContentError(concept.source, f"concept '{concept_id}': the card ({lang}) does not fit on A6 "
                                                   f"with its definition at {DEFINITION_PT[-1]} pt: shorten the "
                                                   f"definition (or the term)", data_line(project, concept, "definition", lang))
            for section in sections:
                section["data-step"] = str(step)
                section.find("p", class_="card-definition")["style"] = f"font-size: {DEFINITION_PT[step]}pt"
        return str(soup)
    return adjust


def card_sets(project, edition: Path, lang: str, settings: PrintSettings, book: str) -> list[CardSet]:
    """Every concept A–Z, then per kind (the kinds' order, those with concepts) its concepts A–Z."""
    strings = project.strings(lang)
    ordered = sorted(project.concepts().values(), key=lambda c: c.sort_key(lang))
    sets = [CardSet(edition / settings.cards_file, f"{strings['cards_title']}: {book}", ordered)]
    for kind in project.kinds().values():
        own = [c for c in ordered if c.kind == kind.id]
        if own:
            sets.append(CardSet(edition / settings.cards_kind_file(kind.id),
                                f"{strings['cards_title']}: {kind.heading[lang]} – {book}", own))
    return sets


def build_cards_pdf(project, site: Path, lang: str, settings: PrintSettings, cache: Path | None = None) -> list[Path]:
    """The card sets of one language; returns their paths."""
    edition = site / lang
    src = load_sources(project, edition, lang)
    sets = card_sets(project, edition, lang, settings, src.book)
    write_card_sets(project, edition, sets, src, settings, cache)
    return [card_set.target for card_set in sets]


def write_card_sets(project, edition: Path, sets: list[CardSet], src: Sources, settings: PrintSettings,
                    cache: Path | None = None) -> None:
    """Laid out once, all sets in one document; each set's pages written as its PDF."""
    write_pdf(cards_html(sets, project.kinds(), src, settings), [project.theme / "assets" / "stylesheets" / STYLESHEET],
              None, base=edition, roots=[edition], cache=cache, adjust=fitting(project, project.concepts(), src.lang),
              extracts={str(number): (card_set.target, card_set.title) for number, card_set in enumerate(sets)})
