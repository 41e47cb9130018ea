"""The discussion handout: the agenda for the dialogue with the discussion guide, for an evening;
and the same for one tension, for a group that talks about that one.

One source: the tensions' own text comes from the built agenda page (dialoog.md, its paragraph
numbers in the margin), the text of the paragraphs each tension draws on from the built pages
of the essay and the interviews, everything else from the discussion guide (load_guide: the
tension in one sentence, the open questions, the paragraphs it draws on, the 90-minute evening).

The handout: a front page (what it is, the six tensions, the evening), then per tension a
sheet (the agenda's text, the guide's questions, a short web address with its QR code, the rest
of the page for notes) followed by the text of the paragraphs it draws on, to read aloud. Each
tension starts on a new page and numbers its own pages ("Spanningsveld 4 · 2"), so that its
pages stand on their own: they are also written as the one-tension handout, from the same
layout. The agenda's web address is in the footer of every page, the tension's title in the
head of its pages.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from edition.errors import ContentError
from edition.print import handout_parts as parts
from edition.print.compose import Chapter
from edition.print.edition import HOME, head, page_title
from edition.print.pages import built_page
from edition.print.render import PrintError, write_pdf
from edition.print.settings import PrintSettings
from edition.reader.discussion_guide import PAGE as GUIDE_PAGE, Guide, Tension
from edition.reader.short_addresses import paragraph_url, short_url
from edition.text.paragraphs import anchor_for

DIALOGUE = "dialoog.md"


@dataclass
class Sources:
    """What every part of a language's handouts reads, read once."""
    lang: str
    strings: dict[str, str]
    guide: Guide
    web: str  # the edition's address: https://host/nl/
    book: str  # the publication's title
    agenda: str  # the agenda's title
    agenda_address: str
    guide_address: str
    author: str
    titles: dict[int, str]  # chapter prefix -> its title
    headings: dict[str, Tag]  # tension id -> its heading in the printed agenda
    blocks: dict[str, Tag]  # paragraph number -> its block in the printed form of its page


def load_sources(project, edition: Path, lang: str) -> Sources:
    strings, guide = project.strings(lang), project.guide(lang)
    home, dialogue = built_page(edition, HOME), built_page(edition, DIALOGUE)
    web = home.canonical()
    chapters = {chapter.prefix: built_page(edition, chapter.src) for chapter in project.chapters()}
    needed = sorted({int(number.split(".")[0]) for tension in guide.tensions for number in tension.draws_on})
    blocks = {}
    for prefix in needed:
        soup = BeautifulSoup(Chapter(chapters[prefix], {}, web).html(), "html.parser")
        blocks.update({number: soup.find(id=anchor_for(number)) for tension in guide.tensions
                       for number in tension.draws_on if int(number.split(".")[0]) == prefix})
    agenda = BeautifulSoup(Chapter(dialogue, {}, web).html(), "html.parser")
    headings = {h3["id"].removeprefix(f"{dialogue.key}--"): h3 for h3 in agenda.find_all("h3")}
    for tension in guide.tensions:
        if tension.id not in headings:
            raise ContentError(f"docs/{lang}/{DIALOGUE}", f"the guide's tension #{tension.id} is not a ### heading "
                                                         "of the built page")
    return Sources(lang, strings, guide, web, page_title(home), page_title(dialogue), dialogue.canonical(),
                   built_page(edition, GUIDE_PAGE).canonical(), home.meta("author"),
                   {prefix: page_title(page) for prefix, page in chapters.items()}, headings, blocks)


def opens_group(heading: Tag) -> bool:
    """Whether the tension is the first of its group (the ## heading before it)."""
    group = heading.find_previous("h2")
    return group is not None and group.find_next("h3") is heading


def tension_section(src: Sources, tension: Tension) -> str:
    """A tension's sheet, then the text of the paragraphs it draws on."""
    e, strings = html.escape, src.strings
    number = src.guide.tensions.index(tension) + 1
    heading = src.headings[tension.id]
    group = heading.find_previous("h2")
    label = strings["handout_tension_of"].format(n=number, total=len(src.guide.tensions))
    kicker = f"{strings['handout_title']} · {label}"
    if group is not None:
        kicker += " · " + group.get_text(" ", strip=True)
    agenda_text = "".join(map(str, parts.until_next_heading(heading)))
    return (f'<section class="tension" data-extract="{tension.id}" data-title="{e(tension.title)}" '
            f'data-label="{e(strings["handout_tension"].format(n=number))}">'
            f'<div class="sheet"><p class="kicker">{e(kicker)}</p>'
            f'<h1 id="t-{tension.id}">{e(tension.title)}</h1>{agenda_text}'
            f'{parts.guide_part(tension, src.web, strings, text_id(tension))}'
            f'{parts.online(short_url(src.web, number), strings)}{parts.notes(strings)}</div>'
            f'<section class="read-aloud" id="{text_id(tension)}"><h2>{e(strings["handout_read_aloud"])}</h2>'
            f'<p class="read-aloud-intro">{e(strings["handout_read_aloud_intro"])}</p>'
            f'{parts.passages(tension.draws_on, src.blocks, src.titles, tension.id)}</section></section>')


def contents(src: Sources) -> str:
    """The six tensions as the agenda groups them (## headings), each group with its opening text
    (the sheets have no room for it)."""
    e = html.escape
    out, items = [], []
    for number, tension in enumerate(src.guide.tensions, start=1):
        heading = src.headings[tension.id]
        if opens_group(heading):
            if items:
                out.append(f'<ul>{"".join(items)}</ul>')
                items = []
            group = heading.find_previous("h2")
            out.append(f'<p class="group">{e(group.get_text(" ", strip=True))}</p>'
                       + "".join(map(str, parts.until_next_heading(group))))
        # The number as text: it goes on across the groups (WeasyPrint ignores <ol start>).
        items.append(f'<li>{number}. <a href="#t-{tension.id}">{e(tension.title)}</a></li>')
    out.append(f'<ul>{"".join(items)}</ul>')
    return (f'<section class="handout-contents"><h2>{e(src.strings["handout_tensions"])}</h2>'
            + "".join(out) + "</section>")


def front(src: Sources) -> str:
    """What the handout is, the six tensions, the evening, the addresses."""
    e, strings = html.escape, src.strings
    return (f'<section class="handout-front">'
            f'<p class="handout-book">{e(src.book)}</p><h1>{e(strings["handout_title"])}</h1>'
            f'<p class="handout-subtitle">{e(src.agenda)}</p>'
            f'<p class="handout-intro">{e(strings["handout_intro"])}</p>'
            f'<p class="handout-intro">{e(strings["handout_guide"])}</p>'
            f'{contents(src)}{parts.evening_box(src.guide, strings)}{addresses(src)}</section>')


def addresses(src: Sources) -> str:
    """The agenda and the guide online; and how to reach any paragraph from its number, with the
    first paragraph a tension draws on as the example."""
    e = html.escape
    example = paragraph_url(src.web, src.guide.tensions[0].draws_on[0])
    return ('<p class="address">' + e(src.strings["handout_online"]).format(
        agenda=f'<a class="url" href="{src.agenda_address}">{e(src.agenda_address)}</a>',
        guide=f'<a class="url" href="{src.guide_address}">{e(src.guide_address)}</a>') + "</p>"
        + '<p class="address">' + e(src.strings["handout_paragraph_address"]).format(
            example=f'<a class="url" href="{e(example)}">{e(example)}</a>') + "</p>")


def handout_html(src: Sources, settings: PrintSettings) -> str:
    """The front page and every tension."""
    tensions = [tension_section(src, t) for t in src.guide.tensions]
    return (head(src.lang, f"{src.strings['handout_title']}: {src.book}", src.author, src.strings["handout_subject"],
                 settings.edition_date.isoformat())
            + '<body class="handout">\n'
            + f'<div class="handout-address" data-address="{html.escape(src.agenda_address)}"></div>\n'
            + front(src) + "\n" + "\n".join(tensions) + "\n</body>\n</html>\n")


def text_id(tension: Tension) -> str:
    return f"text-{tension.id}"


def text_pages(tensions: list[Tension]):
    """The `adjust` of write_pdf: each sheet says on which of its tension's pages the text to read
    aloud starts (data-page, not target-counter(): WeasyPrint lays a page out three times to
    fill one in). The pages are counted as the tension numbers them, from 1 on the page of its
    title (print-edition.css, @page tension:nth(1 of tension)). Returns the HTML with the right
    numbers if one was wrong, else None."""
    def adjust(document, page_html: str) -> str | None:
        page_of: dict[str, int] = {}  # an element's first page (a box split over pages has its anchor on each)
        for number, page in enumerate(document.pages):
            for anchor in page.anchors:
                page_of.setdefault(anchor, number)
        found = {}
        for tension in tensions:
            title, text = page_of.get(f"t-{tension.id}"), page_of.get(text_id(tension))
            if title is None or text is None or text < title:
                raise PrintError(f"handout: tension '{tension.id}': its text to read aloud is not on a page from its title on")
            found[text_id(tension)] = str(text - title + 1)

        def right(match: re.Match) -> str:
            return match.group(1) + found[match.group(2)] + '"'
        adjusted = parts.XREF.sub(right, page_html)
        return None if adjusted == page_html else adjusted
    return adjust


def build_handout_pdf(project, site: Path, lang: str, settings: PrintSettings,
                      cache: Path | None = None) -> list[Path]:
    """The handout, and each tension's pages of it as a PDF of their own; returns their paths."""
    edition = site / lang
    src = load_sources(project, edition, lang)
    target = edition / settings.handout_file
    extracts = {t.id: (edition / settings.tension_file(t.id),
                       f"{src.strings['handout_title']}: {t.title} – {src.book}") for t in src.guide.tensions}
    write_pdf(handout_html(src, settings), [project.theme / "assets" / "stylesheets" / "print-edition.css"],
              target, base=edition, roots=[edition], cache=cache, extracts=extracts, adjust=text_pages(src.guide.tensions))
    return [target, *(path for path, _ in extracts.values())]
