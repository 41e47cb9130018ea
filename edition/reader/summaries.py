"""Plain-language summaries (language level B1) of the chapters: our addition, not the authors'.

Every chapter (chapters.py) has docs/data/summaries/<key>.yml holding its summary in each
language (`nl: |`, `en: |`): paragraphs separated by a blank line; lines starting with "- "
make a list; *emphasis* and a word kept in another language (*gemeente*{ lang=nl }) are
written as edition/text/inline_markup.py says. The summary is shown, collapsed, under the
chapter's title and, open, on the page "In het kort" / "In brief" (in-het-kort.md), which the
build fills from the same data.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from edition.data import read_yaml
from edition.site import Chapter, markdown_title
from edition.errors import ContentError
from edition.text import inline_markup

FOLDER = "summaries"
BRIEF_PAGE = "in-het-kort.md"
BRIEF_MARKER = "<!-- summaries -->"
WORD = re.compile(r"\w[\w'’-]*")


@dataclass(frozen=True)
class Summary:
    chapter: Chapter
    texts: dict[str, str]  # language -> text
    where: str  # docs/data/summaries/<key>.yml

    def words(self, lang: str) -> int:
        return len(WORD.findall(inline_markup.plain(self.texts[lang])))


def load_summaries(project) -> dict[str, Summary]:
    """Per chapter source (inleiding.md, ...), its summary; every chapter in every language."""
    folder = project.data / FOLDER
    languages = project.languages
    found = {}
    for chapter in project.chapters():
        path = folder / f"{chapter.key}.yml"
        where = project.shown(path)
        if not path.exists():
            raise ContentError(where, f"the chapter {chapter.src} has no plain-language summary: "
                                      f"add this file with {', '.join(f'{lang}: |' for lang in languages)}")
        table = read_yaml(path, where)
        if not isinstance(table.value, dict):
            raise table.error("expected the summary per language: " + ", ".join(f"{lang}: |" for lang in languages))
        for lang in languages:
            text = table.get(lang)
            if text is None or not isinstance(text.value, str) or not text.value.strip():
                raise ContentError(where, f"the summary has no '{lang}' text: add `{lang}: |` "
                                          f"followed by the summary in that language",
                                   table.key_line(lang) if text is not None else table.line)
        unknown = [(key, value) for key, value in table.items() if key not in languages]
        if unknown:
            raise unknown[0][1].error(f"unknown language(s) {', '.join(key for key, _ in unknown)}: "
                                      f"expected {', '.join(languages)}", table.key_line(unknown[0][0]))
        found[chapter.src] = Summary(chapter, {lang: table.value[lang].strip() for lang in languages}, where)
    keys = {chapter.key for chapter in project.chapters()}
    for path in sorted(folder.glob("*.yml")):
        if path.stem not in keys:
            raise ContentError(project.shown(path),
                               f"no chapter for this summary (chapters: {', '.join(sorted(keys))})")
    return found


def blocks(text: str) -> list[tuple[str, list[str]]]:
    """A summary's paragraphs ("p", [text]) and lists ("ul", [item, ...])."""
    parts = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if all(line.startswith("- ") for line in lines):
            parts.append(("ul", [line[2:].strip() for line in lines]))
        else:
            parts.append(("p", [" ".join(lines)]))
    return parts


def plain_sentences(text: str) -> str:
    """The summary as running text for a readability formula: each list item a sentence."""
    sentences = []
    for kind, items in blocks(inline_markup.plain(text)):
        for item in items:
            item = item.rstrip(";,")
            sentences.append(item if item[-1:] in ".!?" else item + ".")
    return " ".join(sentences)


def text_html(text: str) -> str:
    parts = []
    for kind, items in blocks(text):
        if kind == "ul":
            parts.append("<ul>" + "".join(f"<li>{inline_markup.to_html(item)}</li>" for item in items) + "</ul>")
        else:
            parts.append(f"<p>{inline_markup.to_html(items[0])}</p>")
    return "\n".join(parts)


def summary_details(text: str, strings: dict[str, str], brief_href: str) -> str:
    """The summary under a chapter's title: a disclosure, closed until the reader opens it.

    Closed on every chapter, so that the authors' text comes first and the page behaves the same
    everywhere; the page "In het kort" shows all of them open.
    """
    e = html.escape
    return (f'<details class="edition-summary">\n'
            f'<summary>{e(strings["summary_label"])} <span class="edition-summary__by">— '
            f'{e(strings["summary_not_by_authors"])}</span></summary>\n'
            f'<div class="edition-summary__text">\n{text_html(text)}\n</div>\n'
            f'<p class="edition-summary__about">{e(strings["summary_about"])} '
            f'<a href="{e(brief_href)}">{e(strings["summary_all"])}</a></p>\n'
            f'</details>')


def first_sentences(text: str, limit: int = 200) -> str:
    """The summary's opening sentences, at most `limit` characters (for a page description)."""
    first = blocks(inline_markup.plain(text))[0][1][0]
    sentences = re.findall(r"[^.!?]+[.!?]+(?:\s|$)", first) or [first]
    chosen = ""
    for sentence in sentences:
        if chosen and len(chosen) + len(sentence) > limit:
            break
        chosen += sentence
    return chosen.strip()


def brief_markdown(lang: str, docs: Path, summaries: dict[str, Summary], strings: dict[str, str]) -> str:
    """The chapters' summaries for the page "In het kort": a heading (a link to the chapter,
    so the page's table of contents lists them) and the summary, for each chapter in order."""
    parts = []
    for src, summary in summaries.items():
        title = markdown_title(docs / lang / src)
        parts.append(f"## [{title}]({src}) {{ #{summary.chapter.key} }}\n\n"
                     f'<div class="edition-brief">\n{text_html(summary.texts[lang])}\n</div>\n')
    return "\n".join(parts)
