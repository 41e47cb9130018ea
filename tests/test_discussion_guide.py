"""The discussion guide: every tension of the agenda, its questions, the paragraphs it draws on
(each one existing, in both languages) and a 90-minute evening; its concepts once they exist."""
import re

import pytest

from edition.errors import ContentError

from conftest import article, page_file
from edition.reader import discussion_guide as guide_data
from edition.project import LANGUAGES
from edition.project import default_project

PROJECT = default_project()


@pytest.fixture(scope="module")
def guides():
    return {lang: PROJECT.guide(lang) for lang in LANGUAGES}


def test_the_guide_covers_every_tension_of_the_agenda_in_its_order(guides):
    for lang, guide in guides.items():
        assert [t.id for t in guide.tensions] == list(guide_data.agenda_tensions(PROJECT, lang)), lang
        for tension in guide.tensions:
            assert 3 <= len(tension.questions) <= 4, (lang, tension.id)
            assert all(q.endswith("?") for q in tension.questions), (lang, tension.id, "open questions end in '?'")


def test_both_languages_cite_the_same_paragraphs_and_concepts(guides):
    nl, en = (guides[lang] for lang in LANGUAGES)
    assert [(t.id, t.draws_on, t.concepts) for t in nl.tensions] == [(t.id, t.draws_on, t.concepts) for t in en.tensions]


def test_every_cited_paragraph_exists_in_the_built_edition(guides, paragraphs):
    missing = []
    for lang, guide in guides.items():
        numbers = {block["number"] for page in paragraphs[lang].values() for block in page["blocks"]}
        missing += [f"{lang}: {t.id} cites {n}" for t in guide.tensions for n in t.draws_on if n not in numbers]
    assert not missing, "paragraphs that do not exist (see site/<lang>/paragraphs.json):\n" + "\n".join(missing)


def test_the_evening_takes_90_minutes_in_timed_steps(guides):
    for guide in guides.values():
        assert sum(step.minutes for step in guide.evening) == 90
        assert [step.start for step in guide.evening] == [sum(s.minutes for s in guide.evening[:i])
                                                           for i in range(len(guide.evening))]


def test_the_page_shows_each_tension_with_links_to_the_numbered_paragraphs(site, guides, paragraphs):
    for lang, guide in guides.items():
        strings = PROJECT.strings(lang)
        body = article(page_file(site, lang, guide_data.PAGE))
        text = " ".join(body.get_text(" ").split())
        assert strings["guide_note"] in text, f"{lang}: the guide is not labelled as our addition"
        steps = body.find(id="avond").find_next_sibling("ol").find_all("li")
        assert len(steps) == len(guide.evening) and steps[-1].get_text().startswith("1:"), lang
        urls = {page["url"]: page for page in paragraphs[lang].values()}
        for tension in guide.tensions:
            heading = body.find("h2", id=tension.id)
            assert heading is not None and heading.get_text(strip=True) == tension.title, (lang, tension.id)
            section = []
            for sibling in heading.find_next_siblings():
                if sibling.name == "h2":
                    break
                section.append(sibling)
            links = [a for part in section for a in part.find_all("a", href=re.compile(r"#p-\d+-\d+$"))]
            assert [a.get_text() for a in links] == tension.draws_on, (lang, tension.id)
            for link in links:
                url, anchor = link["href"].removeprefix("../").split("#")
                assert anchor in {b["anchor"] for b in urls[url]["blocks"]}, (lang, tension.id, link["href"])
            questions = section[[p.name for p in section].index("h3") + 1].find_all("li")
            assert [q.get_text() for q in questions] == tension.questions, (lang, tension.id)
            assert any(a.get("href") == f"../dialoog/#{tension.id}" for part in section for a in part.find_all("a"))


def test_concepts_are_links_to_their_pages(site, guides):
    known = set(PROJECT.concepts())
    for lang, guide in guides.items():
        body = article(page_file(site, lang, guide_data.PAGE))
        rows = body.select(".edition-guide-concepts")
        linked = {a["href"].strip("/").split("/")[-1] for row in rows for a in row.find_all("a")}
        for tension in guide.tensions:
            for concept in tension.concepts:
                assert concept in known, (tension.id, concept)
                assert concept in linked, (lang, tension.id, concept)


def test_load_guide_gives_plain_data_for_other_code(guides):
    tension = guides["nl"].tensions[0]
    assert isinstance(tension.sentence, str) and isinstance(tension.questions, list)
    assert all(re.match(r"^\d+\.\d+$", n) for n in tension.draws_on)


def test_a_paragraph_that_does_not_exist_fails_the_build_naming_file_and_line(broken_copy):
    docs, build = broken_copy
    path = docs / "data" / guide_data.FILE
    text = path.read_text(encoding="utf-8").replace('"7.23"', '"7.99"')
    path.write_text(text, encoding="utf-8")
    line = text[:text.index('"7.99"')].count("\n") + 1
    error = build()
    assert (f"docs/data/{guide_data.FILE}:{line}: uitdaging-en-veiligheid: there is no paragraph 7.99 "
            "in docs/nl/voorbeelden.md") in error, error


def test_an_unknown_tension_fails_naming_file_and_line(docs_copy):
    path = docs_copy.data / guide_data.FILE
    text = path.read_text(encoding="utf-8").replace("  dromen-en-daden:", "  dromen-en-doen:")
    path.write_text(text, encoding="utf-8")
    line = text[:text.index("  dromen-en-doen:")].count("\n") + 1
    with pytest.raises(ContentError) as error:
        docs_copy.guide("nl")
    assert str(error.value).startswith(f"docs/data/{guide_data.FILE}:{line}: 'dromen-en-doen' is not a tension "
                                       "of the agenda"), error.value
