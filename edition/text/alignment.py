"""Compare a translated page with its source page, block for block."""
from __future__ import annotations

from bs4 import BeautifulSoup, Tag

# find_all rather than CSS selectors throughout: soupsieve compiles each selector's regular
# expressions once per process, which costs more than these few pages' walks.


def structure(page: str | BeautifulSoup) -> list[tuple]:
    """The page's skeleton: headings (level, id) and numbered blocks (number, kind, footnotes).
    `page`: its HTML, or a parse of it that the caller has not changed (read only here)."""
    soup = BeautifulSoup(page, "html.parser") if isinstance(page, str) else page
    article = soup.find("article", class_="md-content__inner") or soup
    skeleton = []
    for element in article.find_all(True):
        if element.name in ("h1", "h2", "h3", "h4") and element.get("id"):
            skeleton.append(("heading", element.name, element["id"]))
        elif element.get("id", "").startswith("p-"):
            notes = [a.get_text() for call in element.find_all("sup", id=_footnote_call) for a in call.find_all("a")]
            skeleton.append(("block", element["id"], element.name, tuple(notes), _citations(element)))
        elif element.name == "li" and element.get("id", "").startswith("fn:"):
            skeleton.append(("footnote", element["id"], _citations(element)))
    return skeleton


def _footnote_call(element_id: str | None) -> bool:
    return element_id is not None and element_id.startswith("fnref")


def _citations(element: Tag) -> tuple[str, ...]:
    return tuple(a["href"].rsplit("#", 1)[-1] for a in element.find_all("a", class_="citation"))


def _describe(item: tuple | None) -> str:
    if item is None:
        return "nothing (the page ends)"
    if item[0] == "heading":
        return f"heading {item[1]} #{item[2]}"
    if item[0] == "footnote":
        return f"footnote {item[1][3:]} citing {', '.join(item[2]) or 'no work'}"
    notes = f" with footnote(s) {', '.join(item[3])}" if item[3] else ""
    cites = f" citing {', '.join(item[4])}" if item[4] else ""
    return f"block {item[1][2:].replace('-', '.')} ({item[2]}){notes}{cites}"


def first_divergence(source_html: str, translation_html: str) -> str | None:
    """None when aligned, else a sentence naming the first place where they differ."""
    return divergence_of(structure(source_html), structure(translation_html))


def divergence_of(source: list[tuple], translation: list[tuple]) -> str | None:
    """first_divergence of two pages' structure."""
    for index in range(max(len(source), len(translation))):
        a = source[index] if index < len(source) else None
        b = translation[index] if index < len(translation) else None
        if a != b:
            return f"the source has {_describe(a)} where the translation has {_describe(b)}"
    return None
