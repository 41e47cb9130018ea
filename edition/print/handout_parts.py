"""The parts of the discussion handout, as HTML for WeasyPrint: the evening's timetable, a
tension's sheet (the agenda's text, the guide's questions, its short address with a QR code,
room for notes) and the text of the paragraphs it draws on, to read aloud.

The guide is our addition, not the authors' text: its parts sit in framed boxes (.guide-part).
"""
from __future__ import annotations

import functools
import html
import re

import segno
from bs4 import BeautifulSoup, Tag

from edition.reader.discussion_guide import Guide, Tension, clock
from edition.reader.short_addresses import paragraph_url

# Lines to write on: ruled boxes, not a background pattern (whose tile seam printed a hairline).
# The notes take the rest of the sheet's page, at least a third of it (99 mm, 13 lines of
# 7.6 mm; print-edition.css): there are lines enough for a whole page, the rest is cut off.
NOTE_LINES = 34
LINES = '<div class="lines">' + '<div class="line"></div>' * NOTE_LINES + '</div>'


def until_next_heading(start: Tag) -> list[Tag]:
    parts = []
    for sibling in start.find_next_siblings():
        if re.fullmatch(r"h[1-6]", sibling.name or ""):
            break
        parts.append(sibling)
    return parts


def evening_box(guide: Guide, strings: dict[str, str]) -> str:
    """The guide's 90-minute evening as a compact timetable."""
    e = html.escape
    steps = "".join(
        f'<li><span class="when">{clock(step.start)}–{clock(step.start + step.minutes)}</span> '
        f'<strong>{e(step.title)}</strong> ({e(strings["guide_minutes"].format(n=step.minutes))}): {e(step.text)}</li>'
        for step in guide.evening)
    return f'<section class="evening guide-part"><h2>{e(strings["guide_evening"])}</h2><ol>{steps}</ol></section>'


# The page of a tension that its text to read aloud starts on, as the sheet says it (its own page
# numbers): after the sheet, which is one page. The layout is checked (handout.text_pages).
TEXT_PAGE = 2
# The link draws_on writes, as handout.text_pages finds it to correct the number.
XREF = re.compile(r'(<a class="xref" href="#(text-[^"]+)" data-page=")\d+"')


def draws_on(tension: Tension, web: str, strings: dict[str, str], text_id: str) -> str:
    """The guide's paragraph numbers, each a link to its short address on the web (web: the
    edition's address; /nl/3.4 leads to the paragraph), one group a chapter; then where their
    text is printed."""
    groups: dict[str, list[str]] = {}
    for number in tension.draws_on:
        groups.setdefault(number.split(".")[0], []).append(number)
    items = "".join(
        "<li>" + ", ".join(f'<a class="number" href="{html.escape(paragraph_url(web, n))}">{n}</a>' for n in numbers)
        + "</li>" for numbers in groups.values())
    return (f'<div class="draws-on"><p>{html.escape(strings["guide_draws_on"])}:</p> <ul>{items}</ul> '
            f'<p class="where-text">· <a class="xref" href="#{text_id}" data-page="{TEXT_PAGE}" data-page-word="{html.escape(strings["print_page_word"])}">'
            f'{html.escape(strings["handout_text_printed"])}</a></p></div>')


def guide_part(tension: Tension, web: str, strings: dict[str, str], text_id: str) -> str:
    e = html.escape
    questions = "".join(f"<li>{e(question)}</li>" for question in tension.questions)
    return (f'<div class="guide-part"><p class="guide-source">{e(strings["handout_guide_source"])}</p>'
            f'<p class="sentence"><strong>{e(strings["guide_tension"])}:</strong> {e(tension.sentence)}</p>'
            f'<p class="label">{e(strings["guide_questions"])}</p><ol class="questions">{questions}</ol>'
            f'{draws_on(tension, web, strings, text_id)}</div>')


@functools.lru_cache(maxsize=None)  # a concept card is in two sets: its code is made once
def qr_image(address: str, label: str) -> str:
    """The address as a QR code (segno, error correction M; 4 modules of quiet zone, as the
    standard asks), an SVG image with its text as alternative text: inline data, no file."""
    code = segno.make(address, error="m", micro=False)
    uri = code.svg_data_uri(scale=1, border=4, dark="#000000", omitsize=True)
    return f'<img class="qr" src="{html.escape(uri)}" alt="{html.escape(label)}">'


def online(address: str, strings: dict[str, str]) -> str:
    """The short address of the tension online, printed and as a QR code of the very same text."""
    e = html.escape
    return (f'<div class="online">{qr_image(address, strings["handout_qr"].format(url=address))}'
            f'<p>{e(strings["handout_online_tension"])}</p><p><a class="url" href="{e(address)}">{e(address)}</a></p></div>')


def notes(strings: dict[str, str]) -> str:
    return f'<div class="notes"><p>{html.escape(strings["handout_notes"])}</p>{LINES}</div>'


def renamed(block: Tag, prefix: str) -> Tag:
    """A copy of a block whose ids are unique in the document (a paragraph can support two
    tensions, and is printed with each)."""
    copy = BeautifulSoup(str(block), "html.parser")
    for element in copy.find_all(id=True):
        element["id"] = f"{prefix}--{element['id']}"
    return copy


def passages(numbers: list[str], blocks: dict[str, Tag], titles: dict[int, str], prefix: str) -> str:
    """The text of the numbered blocks, grouped by chapter under its title: blocks maps a
    number ("3.6") to its element in the printed form of its page (compose.Chapter)."""
    parts, chapter = [], None
    for number in numbers:
        prefix_number = int(number.split(".")[0])
        if prefix_number != chapter:
            chapter = prefix_number
            parts.append(f'<p class="passage-source">{html.escape(titles[prefix_number])}</p>')
        block = renamed(blocks[number], prefix)
        # A list item on its own still needs its list.
        parts.append(f'<ul class="passage-list">{block}</ul>' if blocks[number].name == "li" else str(block))
    return f'<div class="passages">{"".join(parts)}</div>'
