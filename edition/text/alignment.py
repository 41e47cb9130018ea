"""Compare a translated page with its source page, block for block."""
from __future__ import annotations

from bs4 import BeautifulSoup


def structure(page_html: str) -> list[tuple]:
    """The page's skeleton: headings (level, id) and numbered blocks (number, kind, footnotes)."""
    soup = BeautifulSoup(page_html, "html.parser")
    article = soup.select_one("article.md-content__inner") or soup
    skeleton = []
    for element in article.find_all(True):
        if element.name in ("h1", "h2", "h3", "h4") and element.get("id"):
            skeleton.append(("heading", element.name, element["id"]))
        elif element.get("id", "").startswith("p-"):
            notes = [a.get_text() for a in element.select("sup[id^='fnref'] a")]
            cites = [a["href"].rsplit("#", 1)[-1] for a in element.select("a.citation")]
            skeleton.append(("block", element["id"], element.name, tuple(notes), tuple(cites)))
        elif element.name == "li" and element.get("id", "").startswith("fn:"):
            cites = [a["href"].rsplit("#", 1)[-1] for a in element.select("a.citation")]
            skeleton.append(("footnote", element["id"], tuple(cites)))
    return skeleton


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
    source, translation = structure(source_html), structure(translation_html)
    for index in range(max(len(source), len(translation))):
        a = source[index] if index < len(source) else None
        b = translation[index] if index < len(translation) else None
        if a != b:
            return f"the source has {_describe(a)} where the translation has {_describe(b)}"
    return None
