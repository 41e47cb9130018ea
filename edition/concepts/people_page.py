"""The page of people and organisations: Markdown with a heading per entry (so that MkDocs
builds its table of contents), and per entry the paragraphs and quotes, filled in once the
whole text has been read."""
from __future__ import annotations

import html
import itertools

from edition.project import SOURCE_LANGUAGE
from edition.concepts.people import MARKER, Entry


def _order(item: tuple) -> tuple[int, int]:
    chapter, k = item[0].split(".")
    return int(chapter), int(k)


def with_section(interviewees: list[Entry], authors: list[Entry], organisations: list[Entry]) -> list[Entry]:
    """The entries whose paragraphs and quotes the page lists (an author who was also
    interviewed points to that entry instead)."""
    names = {e.name for e in interviewees}
    return interviewees + [a for a in authors if a.name not in names] + organisations


def page_markdown(interviewees: list[Entry], authors: list[Entry], organisations: list[Entry],
                  titles: dict[str, str], strings: dict[str, str], lang: str = SOURCE_LANGUAGE) -> str:
    interviewed = {e.name: e for e in interviewees}
    # In search, each person or organisation ranks first for its own name (web/search_markup.py).
    parts = [f"# {strings['people_title']} {{ #personen-en-organisaties }}", strings["people_intro"],
             f'<p class="people-note" role="note">{html.escape(strings["people_note"])}</p>',
             f"## {strings['people_interviewees']} {{ #gesprekspartners }}"]
    for entry in interviewees:
        parts += [f"### {entry.name} {{ #{entry.slug} }}", f"{entry.about}\n{{ .people-role }}", MARKER.format(entry.slug)]
    parts.append(f"## {strings['people_authors']} {{ #auteurs }}")
    for entry in authors:
        wrote = ", ".join(f"[{titles[page]}]({page})" for page in entry.wrote)
        parts += [f"### {entry.name} {{ #auteur-{entry.slug} }}",
                  f"{entry.about}. {strings['people_wrote']} {wrote}.\n{{ .people-role }}"]
        if entry.name in interviewed:
            parts.append(f"[{strings['people_see_interviewee']}](#{entry.slug})")
        else:
            parts.append(MARKER.format(entry.slug))
    parts.append(f"## {strings['people_organisations']} {{ #organisaties-en-projecten }}")
    # The names of the organisations and projects are Dutch (and stay so): marked as such elsewhere.
    named = f" lang={SOURCE_LANGUAGE}" if lang != SOURCE_LANGUAGE else ""
    for entry in organisations:
        parts += [f"### {entry.name} {{ #{entry.slug}{named} }}", entry.about, MARKER.format(entry.slug)]
    return "\n\n".join(parts) + "\n"


def entry_html(entry: Entry, pages: dict[str, tuple[str, str]], from_url: str, strings: dict[str, str],
               relative_url) -> str:
    """Where the text names the entry (numbers grouped by page) and the entry's quotes.

    `pages` maps a chapter number ("7") to that page's (url, title)."""
    def link(number: str, anchor: str) -> str:
        url = pages[number.split(".")[0]][0]
        return (f'<a href="{html.escape(relative_url(url, from_url))}#{anchor}">'
                f'<span class="concept-sr-only">{html.escape(strings["paragraph"])} </span>{number}</a>')
    groups = []
    for chapter, mentions in itertools.groupby(sorted(entry.mentions, key=_order), key=lambda m: m[0].split(".")[0]):
        numbers = ", ".join(link(number, anchor) for number, anchor in mentions)
        groups.append(f"{html.escape(pages[chapter][1])}: {numbers}")
    out = (f'<p class="people-mentions"><strong>{html.escape(strings["people_mentioned"])}</strong> '
           + "; ".join(groups) + "</p>")
    if entry.quotes:
        items = "".join(
            f"<li>{html.escape(quote)}"
            + (f' <span class="original" lang="{SOURCE_LANGUAGE}">({html.escape(original)})</span>' if original else "")
            + f" — {link(number, anchor)}</li>" for number, anchor, quote, original in sorted(entry.quotes, key=_order))
        out += (f'<p class="people-quotes-heading"><strong>{html.escape(strings["people_quotes"])}</strong></p>'
                f'<ul class="people-quotes">{items}</ul>')
    return out
