"""The discussion guide (docs/data/discussion-guide.yml): our addition for discussion evenings.

load_guide(lang) gives the guide of one language as plain data (for the web page here and for
other code, such as the handout PDF); guide_markdown() writes the page gespreksleidraad.md.
The titles of the tensions come from the ### headings of dialoog.md, the chapter titles from the
pages: only what is ours is in the data.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .chapters import chapters, markdown_title
from .concepts import load_concepts
from .errors import ContentError, line_of
from .paths import DATA, DOCS, LANGUAGES
from .paragraphs import anchor_for

FILE = "discussion-guide.yml"
WHERE = f"docs/data/{FILE}"
PAGE = "gespreksleidraad.md"
MARKER = "<!-- discussion-guide -->"
AGENDA = "dialoog.md"
EVENING_MINUTES = 90
NUMBER = re.compile(r"^(\d+)\.(\d+)$")
CONCEPT_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TENSION_HEADING = re.compile(r"^###\s+(.+?)\s*\{\s*#([\w-]+)\s*\}\s*$", re.MULTILINE)
CONCEPT_SLOT = "<!-- concepts:{id} -->"


@dataclass(frozen=True)
class Step:
    start: int  # minutes after the start of the evening
    minutes: int
    title: str
    text: str


@dataclass(frozen=True)
class Tension:
    id: str  # the id of its ### heading in dialoog.md
    title: str  # that heading's text, in the guide's language
    sentence: str
    questions: list[str]
    draws_on: list[str]  # paragraph numbers, "4.3"
    concepts: list[str]  # concept ids


@dataclass(frozen=True)
class Guide:
    lang: str
    evening: list[Step]
    tensions: list[Tension]


def agenda_tensions(lang: str, docs: Path = DOCS) -> dict[str, str]:
    """id -> title of every ### heading of the agenda (its tensions), in the agenda's order."""
    text = (docs / lang / AGENDA).read_text(encoding="utf-8")
    return {key: title for title, key in TENSION_HEADING.findall(text)}


def _raw(data: Path) -> tuple[dict, str]:
    path = data / FILE
    if not path.exists():
        raise ContentError(WHERE, "the discussion guide is missing")
    text = path.read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    if not isinstance(raw, dict) or not isinstance(raw.get("evening"), list) or not isinstance(raw.get("tensions"), dict):
        raise ContentError(WHERE, "expected `evening:` (a list of steps) and `tensions:` (per tension id)")
    return raw, text


def _text(value, what: str, line: int | None) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ContentError(WHERE, f"{what} is missing or empty", line)
    return " ".join(value.split())


def _evening(raw: list, lang: str, text: str) -> list[Step]:
    steps, start = [], 0
    for index, step in enumerate(raw, start=1):
        line = line_of(text, f"minutes: {step.get('minutes')}") if isinstance(step, dict) else None
        if not isinstance(step, dict) or not isinstance(step.get("minutes"), int) or step["minutes"] <= 0:
            raise ContentError(WHERE, f"evening, step {index}: needs `minutes:` (a whole number)", line)
        part = step.get(lang)
        if not isinstance(part, dict):
            raise ContentError(WHERE, f"evening, step {index}: no '{lang}' text (`{lang}:` with step and what)", line)
        steps.append(Step(start, step["minutes"], _text(part.get("step"), f"evening, step {index}, {lang}.step", line),
                          _text(part.get("what"), f"evening, step {index}, {lang}.what", line)))
        start += step["minutes"]
    if start != EVENING_MINUTES:
        raise ContentError(WHERE, f"the steps of the evening take {start} minutes, not {EVENING_MINUTES}: "
                                  "change their `minutes:`", line_of(text, "evening:"))
    return steps


def _numbers(value, key: str, text: str, line: int | None) -> list[str]:
    prefixes = {chapter.prefix for chapter in chapters()}
    if not isinstance(value, list) or not value:
        raise ContentError(WHERE, f"{key}: `draws_on:` needs a list of paragraph numbers, e.g. [\"4.3\"]", line)
    numbers = []
    for number in value:
        if not isinstance(number, str) or not NUMBER.match(number):
            raise ContentError(WHERE, f"{key}: {number!r} is not a paragraph number in quotes like \"4.3\" "
                                      "(unquoted, YAML reads 3.10 as 3.1)", line)
        if int(NUMBER.match(number).group(1)) not in prefixes:
            raise ContentError(WHERE, f"{key}: no chapter has the paragraphs {number.split('.')[0]}.x "
                                      f"(cited as {number})", line_of(text, f'"{number}"') or line)
        numbers.append(number)
    return numbers


def load_guide(lang: str, data: Path = DATA, docs: Path = DOCS) -> Guide:
    """The guide in one language: the evening's steps and each tension, in the agenda's order."""
    if lang not in LANGUAGES:
        raise ValueError(f"no language {lang!r} (languages: {', '.join(LANGUAGES)})")
    raw, text = _raw(data)
    agenda = agenda_tensions(lang, docs)
    for key in raw["tensions"]:
        if key not in agenda:
            raise ContentError(WHERE, f"'{key}' is not a tension of the agenda (the ### headings of "
                                      f"docs/{lang}/{AGENDA}: {', '.join(agenda)})", line_of(text, f"{key}:"))
    tensions = []
    for key, title in agenda.items():
        entry = raw["tensions"].get(key)
        if not isinstance(entry, dict):
            raise ContentError(WHERE, f"the tension '{key}' ({title}) is missing from the guide", line_of(text, "tensions:"))
        line = line_of(text, f"  {key}:")
        part = entry.get(lang)
        if not isinstance(part, dict):
            raise ContentError(WHERE, f"{key}: no '{lang}' text (`{lang}:` with tension and questions)", line)
        questions = part.get("questions")
        if not isinstance(questions, list) or not 3 <= len(questions) <= 4:
            raise ContentError(WHERE, f"{key}, {lang}: give three or four `questions:`", line)
        concepts = entry.get("concepts") or []
        for concept in concepts:
            if not isinstance(concept, str) or not CONCEPT_ID.match(concept):
                raise ContentError(WHERE, f"{key}: {concept!r} is not a concept id (kebab-case)", line)
        tensions.append(Tension(
            key, title, _text(part.get("tension"), f"{key}, {lang}.tension", line),
            [_text(q, f"{key}, {lang}, a question", line) for q in questions],
            _numbers(entry.get("draws_on"), key, text, line), list(concepts)))
    return Guide(lang, _evening(raw["evening"], lang, text), tensions)


def _md(text: str) -> str:
    """Data text as literal Markdown text."""
    return re.sub(r"([\\`*_\[\]{}#])", r"\\\1", text).replace("<", "&lt;")


def clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def guide_markdown(guide: Guide, strings: dict[str, str], docs: Path = DOCS) -> str:
    """The page's generated part: the evening, then per tension its sentence, the questions,
    the paragraphs it draws on (grouped by chapter, each number a link) and a slot for its
    concepts (filled in once every page exists: see the hook)."""
    pages = {chapter.prefix: chapter.src for chapter in chapters(docs)}
    out = [f"{_md(strings['guide_note'])}\n{{ .edition-addition }}\n",
           f"## {_md(strings['guide_evening'])} {{ #avond }}\n"]
    for step in guide.evening:
        span = f"{clock(step.start)}–{clock(step.start + step.minutes)}"
        out.append(f"1. **{span} · {_md(step.title)}** ({strings['guide_minutes'].format(n=step.minutes)}): "
                   f"{_md(step.text)}")
    out.append("")
    for tension in guide.tensions:
        out += [f"## {_md(tension.title)} {{ #{tension.id} }}\n",
                f"**{_md(strings['guide_tension'])}:** {_md(tension.sentence)}\n",
                f"[{_md(strings['guide_in_agenda'])}]({AGENDA}#{tension.id})\n",
                f"### {_md(strings['guide_questions'])} {{ #{tension.id}-vragen }}\n"]
        out += [f"1. {_md(question)}" for question in tension.questions]
        out += ["", f"### {_md(strings['guide_draws_on'])} {{ #{tension.id}-bronnen }}\n"]
        groups: dict[str, list[str]] = {}
        for number in tension.draws_on:
            groups.setdefault(pages[int(number.split(".")[0])], []).append(number)
        for src, numbers in sorted(groups.items(), key=lambda item: int(item[1][0].split(".")[0])):
            links = ", ".join(f'[{n}]({src}#{anchor_for(n)}){{ aria-label="{strings["guide_paragraph"].format(n=n)}" }}'
                              for n in numbers)
            out.append(f"- [{_md(markdown_title(docs / guide.lang / src))}]({src}): {links}")
        out += ["", CONCEPT_SLOT.format(id=tension.id), ""]
    return "\n".join(out)


def known_concepts(data: Path = DATA) -> set[str]:
    """The ids of the concepts, as the concepts module reads and checks them."""
    return set(load_concepts(data))


def _line_in_entry(text: str, key: str, needle: str) -> int | None:
    """The line of `needle` inside the entry of tension `key`."""
    start = text.find(f"  {key}:")
    index = text.find(needle, max(start, 0))
    return None if index < 0 else text.count("\n", 0, index) + 1


def check_concepts(guide: Guide, known: set[str], data: Path = DATA) -> None:
    """Every concept id of the guide must be one of the concepts."""
    text = (data / FILE).read_text(encoding="utf-8")
    for tension in guide.tensions:
        for concept in tension.concepts:
            if concept not in known:
                raise ContentError(WHERE, f"{tension.id}: no concept '{concept}' in docs/data/concepts/ "
                                          f"(known: {', '.join(sorted(known)) or 'none'})",
                                   _line_in_entry(text, tension.id, concept))


def missing_paragraphs(guide: Guide, anchors: dict[str, set[str]], docs: Path = DOCS) -> list[tuple[str, str, str]]:
    """(tension, number, page) of each cited paragraph that its page does not have.

    anchors: per page source, the ids of its elements in the built page."""
    pages = {chapter.prefix: chapter.src for chapter in chapters(docs)}
    return [(tension.id, number, pages[int(number.split(".")[0])]) for tension in guide.tensions
            for number in tension.draws_on
            if anchor_for(number) not in anchors.get(pages[int(number.split(".")[0])], set())]


def check_paragraphs(guide: Guide, anchors: dict[str, set[str]], data: Path = DATA, docs: Path = DOCS) -> None:
    missing = missing_paragraphs(guide, anchors, docs)
    if missing:
        text = (data / FILE).read_text(encoding="utf-8")
        key, number, src = missing[0]
        raise ContentError(WHERE, f"{key}: there is no paragraph {number} in docs/{guide.lang}/{src}",
                           _line_in_entry(text, key, f'"{number}"'))


def concepts_html(links: list[tuple[str, str]], strings: dict[str, str]) -> str:
    """The related concepts of a tension as links (title, href) to their pages."""
    if not links:
        return ""
    items = ", ".join(f'<a href="{html.escape(href)}">{html.escape(title)}</a>' for title, href in links)
    return f'<p class="edition-guide-concepts"><strong>{html.escape(strings["guide_concepts"])}:</strong> {items}</p>'
