"""The discussion handout: the agenda for the dialogue, laid out for an evening's conversation.

Each tension (a ### heading of dialoog.md) is printed with its own paragraphs (numbers in the
margin), the passages of the essay and the interviews it draws on (paragraph numbers derived
from docs/data/dialogue-references.yml), and room to write. The page's web address is in the
head and in the footer of every page.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

import yaml
from bs4 import BeautifulSoup, Tag

from .errors import ContentError, line_of
from .passages import HEADING, heading_ids, number_ranges, numbers_under
from .print_compose import Chapter
from .print_edition import HOME, head, page_title
from .print_pages import built_page, nav_sources
from .print_render import write_pdf
from .print_settings import PrintSettings
from .paths import DATA
from .strings import interface

DIALOGUE = "dialoog.md"
REFERENCES = "dialogue-references.yml"


@dataclass(frozen=True)
class Passage:
    numbers: list[str]
    title: str
    href: str


def load_references(data: Path = DATA) -> tuple[dict[str, list[str]], str]:
    path = data / REFERENCES
    text = path.read_text(encoding="utf-8")
    table = yaml.safe_load(text) or {}
    where = f"docs/data/{REFERENCES}"
    if not isinstance(table, dict) or not all(
            isinstance(refs, list) and all(isinstance(ref, str) for ref in refs) for refs in table.values()):
        raise ContentError(where, "expected, per tension id, a list of 'page.md' or 'page.md#heading'")
    return table, text


def passages(edition: Path, references: list[str], text: str, web: str) -> list[Passage]:
    where = f"docs/data/{REFERENCES}"
    found = []
    for reference in references:
        src, _, heading = reference.partition("#")
        if src not in nav_sources():
            raise ContentError(where, f"'{reference}': no page {src} in the nav", line_of(text, reference))
        page = built_page(edition, src)
        numbers = numbers_under(page, heading or None)
        if numbers is None:
            raise ContentError(where, f"'{reference}': {src} has no heading #{heading} "
                                      f"(its headings: {', '.join(heading_ids(page))})", line_of(text, reference))
        article = BeautifulSoup(page.article(), "html.parser")
        title = article.find(id=heading).get_text(" ", strip=True) if heading else page_title(page)
        found.append(Passage(numbers, title, web + page.url + (f"#{heading}" if heading else "")))
    return found


def _until_next_heading(start: Tag) -> list[Tag]:
    parts = []
    for sibling in start.find_next_siblings():
        if HEADING.match(sibling.name or ""):
            break
        parts.append(sibling)
    return parts


def draws_on(lang: str, own: list[str], found: list[Passage]) -> str:
    strings = interface(lang)
    items = [f'<li><span class="range">{", ".join(number_ranges(own))}</span> {html.escape(strings["handout_own"])}</li>']
    items += [f'<li><a href="{html.escape(p.href)}"><span class="range">{", ".join(number_ranges(p.numbers))}</span> '
              f'{html.escape(p.title)}</a></li>' for p in found]
    return (f'<div class="draws-on"><p>{html.escape(strings["handout_draws_on"])}:</p> '
            f'<ul>{"".join(items)}</ul></div>')


def handout_html(edition: Path, lang: str, settings: PrintSettings, data: Path = DATA) -> str:
    strings = interface(lang)
    home, dialogue = built_page(edition, HOME), built_page(edition, DIALOGUE)
    web, address = home.canonical(), dialogue.canonical()
    table, text = load_references(data)
    soup = BeautifulSoup(Chapter(dialogue, {}, web, edition).html(), "html.parser")
    prefix = f"{dialogue.key}--"
    tensions = {h3["id"].removeprefix(prefix): h3 for h3 in soup.find_all("h3")}
    for key in table:
        if key not in tensions:
            raise ContentError(f"docs/data/{REFERENCES}", f"'{key}' is not a ### heading of {DIALOGUE} "
                                                           f"(its tensions: {', '.join(tensions)})", line_of(text, f"{key}:"))
    body = []
    for index, (key, h3) in enumerate(tensions.items()):
        if key not in table:
            raise ContentError(f"docs/{lang}/{DIALOGUE}", f"the tension #{key} has no entry in docs/data/{REFERENCES}")
        group = h3.find_previous("h2")
        if group is not None and group.find_next("h3") is h3:  # the first tension of a group
            body.append(str(group) + "".join(map(str, _until_next_heading(group))))
        own = _until_next_heading(h3)
        numbers = numbers_under(dialogue, key)
        # Two tensions a page, each with room to write (a group heading goes with its first).
        page_start = " page-start" if index and index % 2 == 0 else ""
        if page_start and body and body[-1].startswith("<h2"):
            body[-1] = body[-1].replace("<h2", '<h2 class="page-start"', 1)
            page_start = ""
        body.append(f'<section class="tension{page_start}">{h3}{"".join(map(str, own))}'
                    f'{draws_on(lang, numbers, passages(edition, table[key], text, web))}'
                    f'<div class="notes"><p>{html.escape(strings["handout_notes"])}</p><div class="lines"></div></div>'
                    f'</section>')
    book, agenda = page_title(home), page_title(dialogue)
    title = f"{strings['handout_title']}: {book}"
    online = html.escape(strings["handout_online"]).format(url=f'<a href="{address}">{html.escape(address)}</a>')
    return (head(lang, title, home.meta("author"), strings["handout_subject"], settings.edition_date.isoformat())
            + '<body class="handout">\n'
            + f'<div class="handout-head" data-address="{html.escape(address)}">'
            + f'<p class="handout-book">{html.escape(book)}</p><h1>{html.escape(strings["handout_title"])}</h1>'
            + f'<p class="handout-subtitle">{html.escape(agenda)}</p>'
            + f'<p class="handout-intro">{html.escape(strings["handout_intro"])}</p>'
            + f'<p class="address">{online}</p></div>\n'
            + "\n".join(body) + "\n</body>\n</html>\n")


def build_handout_pdf(site: Path, lang: str, settings: PrintSettings, data: Path = DATA) -> Path:
    edition = site / lang
    target = edition / settings.handout_file
    write_pdf(handout_html(edition, lang, settings, data), ["print-edition.css"], target, base=edition, roots=[edition])
    return target
