"""What the search indexes, written into each finished page as Pagefind's own attributes.

The index (search_index.py) is made from the built pages, so the pages say what is text:

- data-pagefind-body on the article: the authors' text and our pages, never the header, the nav
  or the footer;
- data-pagefind-ignore on what is not text to search: the paragraph numbers and footnote calls
  (in a snippet they would run into the words: "6.3Ten tweede"), our additions under a title
  (class edition-note: reading time, summary, citing, downloads), boilerplate notes, lists
  that repeat other pages (a concept's related concepts and mentions, the A–Z and the map's
  lists, the paragraphs that name a person, the contents page), and anything in the other language (each
  edition searches only itself: the English term on a Dutch concept page, the Dutch original
  beside an English quotation) except headings, which are names;
- data-pagefind-meta="number:3.4" on each numbered block, the number a result shows;
- data-pagefind-weight on the name of a concept (its page's title) and of a person or
  organisation, so that each ranks first for its own name.

A concept page's subheadings are ignored too: the page's title, definition and explanation
then make one result, and its "related" and "mentions" lists (ignored) add none.
"""
from __future__ import annotations

import re

from edition.concepts.links import FOLDER as GLOSSARY
from edition.concepts.pages import INDEX, MAP
from edition.concepts.people import PAGE as PEOPLE
from edition.site import ARTICLE_START, page_url

# Weight of a name on its own page (Pagefind: 1 for text, 7 for an h1; quadratic in effect).
NAME_WEIGHT = "10"
NUMBERED = re.compile(r'(<(?:p|li|blockquote)\b[^>]*\bid="p-(\d+)-(\d+)")')
IGNORED_CLASSES = ("paranum", "footnote-ref", "footnote-backref", "edition-note", "concept-note",
                   "people-note", "people-mentions", "people-quotes-heading", "people-quotes",
                   "concept-meta", "concept-mentions", "concept-more", "concept-related",
                   "edition-contents")
CLASSED = re.compile(r'(<[a-z][a-z0-9]*\b[^>]*\bclass="(?:[^"]*\s)?(?:' + "|".join(IGNORED_CLASSES)
                     + r')(?:\s[^"]*)?")')
FOOTNOTE_CALL = re.compile(r'(<sup\b[^>]*\bid="fnref:[^"]*")')
CONCEPT_PAGE = re.compile(rf"^{GLOSSARY}/[^/]+/$")
# On the glossary's own pages: the A–Z list and the map (and their headings: letters, kinds)
# repeat every concept's definition, which the concept's page has.
GLOSSARY_PAGES = (page_url(INDEX), page_url(MAP))
GLOSSARY_LISTS = re.compile(r"(<(?:dl|ul|figure|nav|h2|h3)\b)")


def _ignore(match: re.Match) -> str:
    return match.group(1) + " data-pagefind-ignore"


def _other_language(lang: str) -> re.Pattern:
    # Headings are names (an organisation's Dutch name on the English people page): searchable.
    return re.compile(r'(<(?!h[1-6]\b)[a-z][a-z0-9]*\b[^>]*\blang="(?!' + re.escape(lang) + r'")[^"]*")')


def _article(page_html: str) -> tuple[int, int] | None:
    start = ARTICLE_START.search(page_html)
    if start is None:
        return None
    return start.start(), page_html.find("</article>", start.end())


def marked(page_html: str, lang: str, url: str) -> str:
    """The finished page with Pagefind's attributes in its article (a page without one, such as
    the 404 page, is left out of the index)."""
    where = _article(page_html)
    if where is None:
        return page_html
    begin, end = where
    text = page_html[begin:end]
    text = ARTICLE_START.sub(lambda m: m.group(0)[:-1] + " data-pagefind-body>", text, count=1)
    text = CLASSED.sub(_ignore, text)
    text = FOOTNOTE_CALL.sub(_ignore, text)
    text = _other_language(lang).sub(_ignore, text)
    text = NUMBERED.sub(lambda m: f'{m.group(1)} data-pagefind-meta="number:{m.group(2)}.{m.group(3)}"', text)
    if url in GLOSSARY_PAGES:
        text = GLOSSARY_LISTS.sub(_ignore, text)
    elif CONCEPT_PAGE.match(url):
        text = re.sub(r'(<h1\b[^>]*\bid="[^"]*")', rf'\1 data-pagefind-weight="{NAME_WEIGHT}"', text, count=1)
        text = re.sub(r"(<h2\b)", r"\1 data-pagefind-ignore", text)
    elif url == page_url(PEOPLE):
        text = re.sub(r'(<h3\b[^>]*\bid="[^"]*")', rf'\1 data-pagefind-weight="{NAME_WEIGHT}"', text)
    return page_html[:begin] + text + page_html[end:]
