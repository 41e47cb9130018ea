"""What our additions put under a chapter's title: one container right after the <h1>.

The reading time, the plain-language summary and the citation panel each add a fragment to the
page (in the order of their hooks in mkdocs.yml); hooks/chapter_header.py writes them into the
rendered page. That late, they stay out of the search index (whose previews show the authors'
text, not our additions) and out of the paragraph numbering. The container's class
`edition-note` marks it as not the authors' text (paragraphs.py, reading_time.py);
`edition-reader` names it for the stylesheet and for the print build, which leaves it out.
"""
from __future__ import annotations

from .errors import ContentError
from .print_pages import ARTICLE_START

CONTAINER = "edition-note edition-reader"
ATTRIBUTE = "edition_header"  # on the MkDocs page: {"top": [fragments], "end": [fragments]}


def add(page, fragment: str, at_end: bool = False) -> None:
    """Queue a fragment for under the title (or, at_end, for the end of the page's text)."""
    parts = getattr(page, ATTRIBUTE, None) or {"top": [], "end": []}
    parts["end" if at_end else "top"].append(fragment)
    setattr(page, ATTRIBUTE, parts)


def container(fragments: list[str]) -> str:
    return f'<div class="{CONTAINER}">\n' + "\n".join(fragments) + "\n</div>"


def insert(page_html: str, parts: dict | None, where: str) -> str:
    """The rendered page with the queued fragments after its article's <h1> and before its end."""
    if not parts or not (parts["top"] or parts["end"]):
        return page_html
    start = ARTICLE_START.search(page_html)
    if start is None:
        raise ContentError(where, "no <article> in the rendered page for the additions under the title")
    if parts["end"]:
        end = page_html.rfind("</article>")
        page_html = page_html[:end] + container(parts["end"]) + "\n" + page_html[end:]
    if parts["top"]:
        title_end = page_html.find("</h1>", start.end())
        if title_end < 0:
            raise ContentError(where, "the page has no `# Title`: the additions under the title need one")
        title_end += len("</h1>")
        page_html = page_html[:title_end] + container(parts["top"]) + page_html[title_end:]
    return page_html
