"""What our additions put under a chapter's title: one container right after the <h1>.

The reading time, the plain-language summary and the citation panel each add a fragment to the
page (in the order of their steps in edition/pipeline/steps.py); the ChapterHeader step writes
them into the rendered page. That late, they stay out of the search index (whose previews show the authors'
text, not our additions) and out of the paragraph numbering. The container's class
`edition-note` marks it as not the authors' text (paragraphs.py, reading_time.py);
`edition-reader` names it for the stylesheet and for the print build, which leaves it out.
"""
from __future__ import annotations

from edition.errors import ContentError
from edition.site import ARTICLE_START

CONTAINER = "edition-note edition-reader"


def container(fragments: list[str]) -> str:
    return f'<div class="{CONTAINER}">\n' + "\n".join(fragments) + "\n</div>"


def insert(page_html: str, top: list[str], end: list[str], where: str) -> str:
    """The rendered page with the fragments after its article's <h1> (top) and before its end."""
    if not (top or end):
        return page_html
    start = ARTICLE_START.search(page_html)
    if start is None:
        raise ContentError(where, "no <article> in the rendered page for the additions under the title")
    if end:
        close = page_html.rfind("</article>")
        page_html = page_html[:close] + container(end) + "\n" + page_html[close:]
    if top:
        title_end = page_html.find("</h1>", start.end())
        if title_end < 0:
            raise ContentError(where, "the page has no `# Title`: the additions under the title need one")
        title_end += len("</h1>")
        page_html = page_html[:title_end] + container(top) + page_html[title_end:]
    return page_html
