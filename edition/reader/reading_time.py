"""Reading time of a chapter, derived from the words of its text as the page shows it."""
from __future__ import annotations

import math

from bs4 import BeautifulSoup

from edition.markup import any_of, element

# A reading speed that suits readers of the B1 level too: adults read running Dutch or English
# text at 200-250 words a minute; the lower figure, so the time is not a promise few can keep.
WORDS_PER_MINUTE = 200
# Not part of the reading: the footnotes (references), the paragraph numbers, our additions and
# the links to the PDFs (added to the built pages later: edition/download_links.py).
# div.footnote, a.paranum, .edition-note, .edition-downloads, script
NOT_READ = any_of(element("div", "footnote"), element("a", "paranum"), element(cls="edition-note"),
                  element(cls="edition-downloads"), element("script"))


def words(page_html: str) -> int:
    soup = BeautifulSoup(page_html, "html.parser")
    for extra in soup.find_all(NOT_READ):
        extra.decompose()
    return len(soup.get_text(" ").split())


def minutes(word_count: int) -> int:
    return max(1, math.ceil(word_count / WORDS_PER_MINUTE))


def label(word_count: int, strings: dict[str, str]) -> str:
    """"Leestijd: 6 minuten" / "Reading time: 1 minute"."""
    n = minutes(word_count)
    return strings["reading_time_one" if n == 1 else "reading_time_many"].format(n=n)
