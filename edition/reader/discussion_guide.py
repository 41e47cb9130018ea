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

from edition.data import Data, read_yaml
from edition.site import markdown_title
from edition.text.paragraphs import anchor_for

FILE = "discussion-guide.yml"
PAGE = "gespreksleidraad.md"
MARKER = "<!-- discussion-guide -->"
AGENDA = "dialoog.md"
EVENING_MINUTES = 90
NUMBER = re.compile(r"^(\d+)\.(\d+)$")
CONCEPT_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TENSION_HEADING = re.compile(r"^###\s+(.+?)\s*\{\s*#([\w-]+)\s*\}\s*$", re.MULTILINE)
CONCEPT_SLOT = "<!-- concepts:{id} -->"
# Where the links to the handout PDFs go once they are made (edition/print/download_links.py):
# under the title of the guide (all of them) and of the agenda (one line), and in each
# tension's section of the guide.
HANDOUT_SLOT = "<!-- handout-links -->"
HANDOUT_SHORT_SLOT = "<!-- handout-link -->"  # on the agenda: one line, the rest is in the guide
TENSION_HANDOUT_SLOT = "<!-- handout:{id} -->"


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


def agenda_tensions(project, lang: str) -> dict[str, str]:
    """id -> title of every ### heading of the agenda (its tensions), in the agenda's order."""
    text = (project.content(lang) / AGENDA).read_text(encoding="utf-8")
    return {key: title for title, key in TENSION_HEADING.findall(text)}


def _raw(project) -> Data:
    raw = read_yaml(project.data / FILE, project.shown)
    if not isinstance(raw.value, dict) or not isinstance(raw.value.get("evening"), list) \
            or not isinstance(raw.value.get("tensions"), dict):
        raise raw.error("expected `evening:` (a list of steps) and `tensions:` (per tension id)")
    return raw


def _text(entry: Data, key: str, what: str) -> str:
    return " ".join(entry.text(key, what).split())


def _evening(raw: Data, lang: str) -> list[Step]:
    steps, start = [], 0
    for index, step in enumerate(raw.require("evening"), start=1):
        minutes = step.get("minutes") if isinstance(step.value, dict) else None
        if minutes is None or not isinstance(minutes.value, int) or minutes.value <= 0:
            raise (minutes or step).error(f"evening, step {index}: needs `minutes:` (a whole number)")
        part = step.get(lang)
        if part is None or not isinstance(part.value, dict):
            raise step.error(f"evening, step {index}: no '{lang}' text (`{lang}:` with step and what)",
                             step.key_line(lang) if part is not None else None)
        steps.append(Step(start, minutes.value, _text(part, "step", f"evening, step {index}, {lang}.step"),
                          _text(part, "what", f"evening, step {index}, {lang}.what")))
        start += minutes.value
    if start != EVENING_MINUTES:
        raise raw.error(f"the steps of the evening take {start} minutes, not {EVENING_MINUTES}: "
                        "change their `minutes:`", raw.key_line("evening"))
    return steps


def _numbers(project, entry: Data, key: str) -> list[str]:
    prefixes = {chapter.prefix for chapter in project.chapters()}
    found = entry.get("draws_on")
    if found is None or not isinstance(found.value, list) or not found.value:
        raise entry.error(f"{key}: `draws_on:` needs a list of paragraph numbers, e.g. [\"4.3\"]",
                          entry.key_line("draws_on") if found is not None else None)
    numbers = []
    for item in found:
        number = item.value
        if not isinstance(number, str) or not NUMBER.match(number):
            raise item.error(f"{key}: {number!r} is not a paragraph number in quotes like \"4.3\" "
                             "(unquoted, YAML reads 3.10 as 3.1)")
        if int(NUMBER.match(number).group(1)) not in prefixes:
            raise item.error(f"{key}: no chapter has the paragraphs {number.split('.')[0]}.x (cited as {number})")
        numbers.append(number)
    return numbers


def _concepts(entry: Data, key: str) -> list[str]:
    concepts = entry.sequence("concepts", "concept ids")
    for concept in concepts:
        if not isinstance(concept.value, str) or not CONCEPT_ID.match(concept.value):
            raise concept.error(f"{key}: {concept.value!r} is not a concept id (kebab-case)")
    return [concept.value for concept in concepts]


def load_guide(project, lang: str) -> Guide:
    """The guide in one language: the evening's steps and each tension, in the agenda's order."""
    if lang not in project.languages:
        raise ValueError(f"no language {lang!r} (languages: {', '.join(project.languages)})")
    raw = _raw(project)
    agenda = agenda_tensions(project, lang)
    table = raw.require("tensions")
    entries = dict(table.items())
    for key in entries:
        if key not in agenda:
            raise table.error(f"'{key}' is not a tension of the agenda (the ### headings of "
                              f"docs/{lang}/{AGENDA}: {', '.join(agenda)})", table.key_line(key))
    tensions = []
    for key, title in agenda.items():
        entry = entries.get(key)
        if entry is None or not isinstance(entry.value, dict):
            raise raw.error(f"the tension '{key}' ({title}) is missing from the guide", raw.key_line("tensions"))
        part = entry.get(lang)
        if part is None or not isinstance(part.value, dict):
            raise entry.error(f"{key}: no '{lang}' text (`{lang}:` with tension and questions)",
                              entry.key_line(lang) if part is not None else table.key_line(key))
        questions = part.get("questions")
        if questions is None or not isinstance(questions.value, list) or not 3 <= len(questions.value) <= 4:
            raise (questions or part).error(f"{key}, {lang}: give three or four `questions:`")
        texts = []
        for question in questions:
            if not isinstance(question.value, str) or not question.value.strip():
                raise question.error(f"{key}, {lang}, a question is missing or empty")
            texts.append(" ".join(question.value.split()))
        tensions.append(Tension(key, title, _text(part, "tension", f"{key}, {lang}.tension"), texts,
                                _numbers(project, entry, key), _concepts(entry, key)))
    return Guide(lang, _evening(raw, lang), tensions)


def _md(text: str) -> str:
    """Data text as literal Markdown text."""
    return re.sub(r"([\\`*_\[\]{}#])", r"\\\1", text).replace("<", "&lt;")


def clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def guide_markdown(project, guide: Guide, strings: dict[str, str]) -> str:
    """The page's generated part: the evening, then per tension its sentence, the questions,
    the paragraphs it draws on (grouped by chapter, each number a link) and a slot for its
    concepts (filled in once every page exists: see the hook)."""
    pages = {chapter.prefix: chapter.src for chapter in project.chapters()}
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
                TENSION_HANDOUT_SLOT.format(id=tension.id) + "\n",
                f"### {_md(strings['guide_questions'])} {{ #{tension.id}-vragen }}\n"]
        out += [f"1. {_md(question)}" for question in tension.questions]
        out += ["", f"### {_md(strings['guide_draws_on'])} {{ #{tension.id}-bronnen }}\n"]
        groups: dict[str, list[str]] = {}
        for number in tension.draws_on:
            groups.setdefault(pages[int(number.split(".")[0])], []).append(number)
        for src, numbers in sorted(groups.items(), key=lambda item: int(item[1][0].split(".")[0])):
            links = ", ".join(f'[{n}]({src}#{anchor_for(n)}){{ aria-label="{strings["guide_paragraph"].format(n=n)}" }}'
                              for n in numbers)
            out.append(f"- [{_md(markdown_title(project.content(guide.lang) / src))}]({src}): {links}")
        out += ["", CONCEPT_SLOT.format(id=tension.id), ""]
    return "\n".join(out)


def _item(project, key: str, field: str, value: str) -> Data:
    """The data of one value in a tension's list (`concepts:`, `draws_on:`), for its line."""
    entry = _raw(project).require("tensions").require(key)
    return next((item for item in entry.sequence(field) if item.value == value), entry)


def check_concepts(project, guide: Guide) -> None:
    """Every concept id of the guide must be one of the concepts."""
    known = set(project.concepts())
    for tension in guide.tensions:
        for concept in tension.concepts:
            if concept not in known:
                raise _item(project, tension.id, "concepts", concept).error(
                    f"{tension.id}: no concept '{concept}' in docs/data/concepts/ "
                    f"(known: {', '.join(sorted(known)) or 'none'})")


def missing_paragraphs(project, guide: Guide, anchors: dict[str, set[str]]) -> list[tuple[str, str, str]]:
    """(tension, number, page) of each cited paragraph that its page does not have.

    anchors: per page source, the ids of its elements in the built page."""
    pages = {chapter.prefix: chapter.src for chapter in project.chapters()}
    return [(tension.id, number, pages[int(number.split(".")[0])]) for tension in guide.tensions
            for number in tension.draws_on
            if anchor_for(number) not in anchors.get(pages[int(number.split(".")[0])], set())]


def check_paragraphs(project, guide: Guide, anchors: dict[str, set[str]]) -> None:
    missing = missing_paragraphs(project, guide, anchors)
    if missing:
        key, number, src = missing[0]
        raise _item(project, key, "draws_on", number).error(
            f"{key}: there is no paragraph {number} in docs/{guide.lang}/{src}")


def concepts_html(links: list[tuple[str, str]], strings: dict[str, str]) -> str:
    """The related concepts of a tension as links (title, href) to their pages."""
    if not links:
        return ""
    items = ", ".join(f'<a href="{html.escape(href)}">{html.escape(title)}</a>' for title, href in links)
    return f'<p class="edition-guide-concepts"><strong>{html.escape(strings["guide_concepts"])}:</strong> {items}</p>'
