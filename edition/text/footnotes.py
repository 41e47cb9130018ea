"""Footnotes keep the numbers of the printed edition (1-19 across the essay's pages).

Python-Markdown numbers footnotes by order of appearance on each page; its ids keep the label
("fn:7"), so the label is the printed number and the displayed text is set back to it.
"""
from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment

from edition.errors import ContentError, line_of
from edition.markup import element

UNRESOLVED_CALL = re.compile(r"\[\^([^\]\s]+)\]")
CALL = element("a", "footnote-ref", parent=element("sup", id_prefix="fnref"))  # sup[id^='fnref'] > a.footnote-ref
NOTE = element("li", id_prefix="fn", parent=element("ol", parent=element("div", "footnote")))  # div.footnote > ol > li[id^='fn']


def check_calls(markdown: str, html: str, path: str) -> None:
    """A call whose note is missing survives as literal "[^n]" text: stop the build."""
    _check(markdown, BeautifulSoup(html, "html.parser"), path)


def _check(markdown: str, soup: BeautifulSoup, path: str) -> None:
    text = "".join(s for s in soup.find_all(string=True)
                   if not isinstance(s, Comment) and s.find_parent(["code", "pre"]) is None)
    match = UNRESOLVED_CALL.search(text)
    if match:
        raise ContentError(
            path,
            f"footnote [^{match.group(1)}] has no note: add '[^{match.group(1)}]: ...' to the page",
            line_of(markdown, match.group(0)),
        )


def checked_and_numbered(markdown: str, html: str, path: str, back_title: str) -> str:
    """check_calls and restore_numbers on one parse of the page."""
    soup = BeautifulSoup(html, "html.parser")
    _check(markdown, soup, path)
    _restore(soup, back_title)
    return str(soup)


def restore_numbers(html: str, back_title: str = "") -> tuple[str, list[str]]:
    """Show each footnote with its label; returns the HTML and the labels in order."""
    soup = BeautifulSoup(html, "html.parser")
    labels = _restore(soup, back_title)
    return str(soup), labels


def _restore(soup: BeautifulSoup, back_title: str) -> list[str]:
    labels = []
    for ref in soup.find_all(CALL):
        label = ref["href"].split(":", 1)[1]
        ref.string = label
    for item in soup.find_all(NOTE):
        label = item["id"].split(":", 1)[1]
        labels.append(label)
        if label.isdigit():
            item["value"] = label
        for back in item.find_all("a", class_="footnote-backref"):
            back["title"] = back_title.format(n=label) if back_title else back.get("title", "")
            if back_title:
                back["aria-label"] = back["title"]
    return labels


def place(label: str) -> str:
    """A footnote as a place in the text, the same in every language: "[^7]" (its Markdown label)."""
    return f"[^{label}]"


def note_texts(html: str) -> dict[str, str]:
    """Each footnote's text by its place ("[^7]"), without the link back to the call."""
    soup = BeautifulSoup(html, "html.parser")
    found = {}
    for item in soup.find_all(NOTE):
        for back in item.find_all("a", class_="footnote-backref"):
            back.decompose()
        found[place(item["id"].split(":", 1)[1])] = " ".join(item.get_text(" ").split())
    return found
