"""The discussion handout: the agenda for the dialogue with the discussion guide, for an evening.

One source: the tensions' own text comes from the built agenda page (dialoog.md, its paragraph
numbers in the margin), everything else from the discussion guide (load_guide: the tension in
one sentence, the open questions, the paragraphs it draws on, the 90-minute evening). The guide
is our addition, so its parts sit in marked boxes, apart from the authors' text. The web
addresses of the agenda and the guide are in the head, the agenda's in the footer of every page.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from edition.reader.discussion_guide import PAGE as GUIDE_PAGE, Guide, Tension, clock
from edition.errors import ContentError
from edition.text.paragraphs import anchor_for
from edition.print.compose import Chapter
from edition.print.edition import HOME, head, page_title
from edition.print.pages import built_page
from edition.print.render import write_pdf
from edition.print.settings import PrintSettings

DIALOGUE = "dialoog.md"
# Lines to write on: ruled boxes, not a background pattern (whose tile seam printed a hairline).
LINES = '<div class="lines">' + '<div class="line"></div>' * 3 + '</div>'


def _until_next_heading(start: Tag) -> list[Tag]:
    parts = []
    for sibling in start.find_next_siblings():
        if re.fullmatch(r"h[1-6]", sibling.name or ""):
            break
        parts.append(sibling)
    return parts


def evening_box(guide: Guide, strings: dict[str, str]) -> str:
    """The guide's 90-minute evening, once, as a compact timetable."""
    e = html.escape
    steps = "".join(
        f'<li><span class="when">{clock(step.start)}–{clock(step.start + step.minutes)}</span> '
        f'<strong>{e(step.title)}</strong> ({e(strings["guide_minutes"].format(n=step.minutes))}): {e(step.text)}</li>'
        for step in guide.evening)
    return (f'<section class="evening guide-part"><h2>{e(strings["guide_evening"])}</h2>'
            f'<ol>{steps}</ol></section>')


def draws_on(tension: Tension, urls: dict[int, str], strings: dict[str, str]) -> str:
    """The guide's paragraph numbers, each a link to its paragraph on the web (urls: chapter
    prefix -> the chapter's address), one group a chapter."""
    groups: dict[str, list[str]] = {}
    for number in tension.draws_on:
        groups.setdefault(number.split(".")[0], []).append(number)
    items = "".join(
        "<li>" + ", ".join(f'<a class="number" href="{html.escape(urls[int(prefix)])}#{anchor_for(n)}">{n}</a>'
                           for n in numbers) + "</li>"
        for prefix, numbers in groups.items())
    return (f'<div class="draws-on"><p>{html.escape(strings["guide_draws_on"])}:</p> '
            f'<ul>{items}</ul></div>')


def guide_part(tension: Tension, urls: dict[int, str], strings: dict[str, str]) -> str:
    e = html.escape
    questions = "".join(f"<li>{e(question)}</li>" for question in tension.questions)
    return (f'<div class="guide-part">'
            f'<p class="sentence"><strong>{e(strings["guide_tension"])}:</strong> {e(tension.sentence)}</p>'
            f'<p class="label">{e(strings["guide_questions"])}</p><ol class="questions">{questions}</ol>'
            f'{draws_on(tension, urls, strings)}</div>')


def tensions_html(dialogue_html: str, prefix: str, guide: Guide, urls: dict[int, str], strings: dict[str, str]) -> list[str]:
    soup = BeautifulSoup(dialogue_html, "html.parser")
    headings = {h3["id"].removeprefix(prefix): h3 for h3 in soup.find_all("h3")}
    body = []
    for tension in guide.tensions:
        h3 = headings.get(tension.id)
        if h3 is None:
            raise ContentError(f"docs/{guide.lang}/{DIALOGUE}", f"the guide's tension #{tension.id} is not a "
                                                                f"### heading of the built page")
        section = (f'<section class="tension">{h3}{"".join(map(str, _until_next_heading(h3)))}'
                   f'{guide_part(tension, urls, strings)}'
                   f'<div class="notes"><p>{html.escape(strings["handout_notes"])}</p>{LINES}</div>'
                   f'</section>')
        group = h3.find_previous("h2")
        if group is not None and group.find_next("h3") is h3:
            # A group's heading and opening text are kept on the page of its first tension.
            section = (f'<div class="group-start">{group}{"".join(map(str, _until_next_heading(group)))}'
                       f'{section}</div>')
        body.append(section)
    return body


def handout_html(project, edition: Path, lang: str, settings: PrintSettings) -> str:
    strings = project.strings(lang)
    guide = project.guide(lang)
    home, dialogue = built_page(edition, HOME), built_page(edition, DIALOGUE)
    web, address, guide_address = home.canonical(), dialogue.canonical(), built_page(edition, GUIDE_PAGE).canonical()
    urls = {chapter.prefix: web + chapter.url for chapter in project.chapters()}
    body = tensions_html(Chapter(dialogue, {}, web, edition).html(), f"{dialogue.key}--", guide, urls, strings)
    book, agenda = page_title(home), page_title(dialogue)
    e = html.escape
    online = e(strings["handout_online"]).format(agenda=f'<a class="url" href="{address}">{e(address)}</a>',
                                                 guide=f'<a class="url" href="{guide_address}">{e(guide_address)}</a>')
    return (head(lang, f"{strings['handout_title']}: {book}", home.meta("author"), strings["handout_subject"],
                 settings.edition_date.isoformat())
            + '<body class="handout">\n'
            + f'<div class="handout-head" data-address="{e(address)}">'
            + f'<p class="handout-book">{e(book)}</p><h1>{e(strings["handout_title"])}</h1>'
            + f'<p class="handout-subtitle">{e(agenda)}</p>'
            + f'<p class="handout-intro">{e(strings["handout_intro"])} {e(strings["handout_guide"])}</p>'
            + f'<p class="address">{online}</p></div>\n'
            + evening_box(guide, strings) + "\n"
            + "\n".join(body) + "\n</body>\n</html>\n")


def build_handout_pdf(project, site: Path, lang: str, settings: PrintSettings,
                      cache: Path | None = None) -> Path:
    edition = site / lang
    target = edition / settings.handout_file
    write_pdf(handout_html(project, edition, lang, settings), [project.theme / "assets" / "stylesheets" / "print-edition.css"],
              target, base=edition, roots=[edition], cache=cache)
    return target
