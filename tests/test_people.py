"""The index of people and organisations: every interviewee with their role as in the source,
the authors, the organisations and projects, the paragraphs that name them and the quotes."""
import re

import pytest
from bs4 import BeautifulSoup

from conftest import article, page_file
from edition.concepts import people
from edition.project import LANGUAGES
from edition.project import default_project

PROJECT = default_project()

ORGANISATIONS = ["Combiwerk", "Stuurvrouwen", "Educheque", "DOK", "Delft Mama", "Woonbron",
                 "Verwey-Jonker Instituut", "De Haagse Hogeschool", "Shell"]
AUTHORS = ["Saskia Bolten", "Marjan de Gruijter"]


def source_list(lang):
    """(names, role) of each line under "Gesprekspartners" in the Markdown source."""
    text = (PROJECT.docs / lang / "voorbeelden.md").read_text(encoding="utf-8")
    section = text[text.index("{ #gesprekspartners }"):]
    return re.findall(r"^- \*\*(.+?)\*\* — (.+)$", section, re.MULTILINE)


def plain_role(markdown):
    """A role as the page shows it: without emphasis, language attributes or tags."""
    return re.sub(r"<[^>]+>|\{[^}]*\}|\*", "", markdown)


def paragraph(text):
    return BeautifulSoup(f'<p id="p-7-1">{text}</p>', "lxml").p


def entries(*names):
    found = [people.Entry(name, "", []) for name in names]
    people.name_patterns(found)
    return found


def test_a_quote_belongs_to_the_person_named_before_it_in_the_same_sentence_or_after_a_colon():
    lam, menendez = entries("Wouke Lam", "Susana Menéndez")
    people.record_block(paragraph("In de woorden van Wouke Lam “ook al ga je negen keer op je bek”. "
                                  "Volgens Susana Menéndez iets. In haar woorden: “wij behandelen studenten”."),
                        "7.1", [lam, menendez], [])
    assert [q[2] for q in lam.quotes] == ["“ook al ga je negen keer op je bek”"]
    assert [q[2] for q in menendez.quotes] == ["“wij behandelen studenten”"]


def test_quoted_words_in_a_later_sentence_without_a_colon_are_nobodys_quote():
    (schikhof,) = entries("Marcel Schikhof")
    people.record_block(paragraph("Marcel Schikhof vertelt iets. Vrouwen zijn trots op het predikaat “Stuurvrouw”."),
                        "7.1", [schikhof], [])
    assert schikhof.quotes == [] and schikhof.mentions == [("7.1", "p-7-1")]


def test_an_english_quote_keeps_the_dutch_original_beside_it():
    (kat,) = entries("Eelco Kat")
    people.record_block(paragraph('Eelco says: “let go” <span class="original" lang="nl">(“loslaten”)</span>.'),
                        "7.1", [kat], [])
    assert kat.quotes == [("7.1", "p-7-1", "“let go”", "“loslaten”")]


@pytest.fixture(scope="module")
def index(site):
    """Per language, each entry of the built index: heading -> the elements of its section."""
    found = {}
    for lang in LANGUAGES:
        found[lang] = []
        for heading in article(site / lang / "personen-en-organisaties" / "index.html").select("h3"):
            section = []
            for sibling in heading.find_next_siblings():
                if sibling.name in ("h2", "h3"):
                    break
                section.append(sibling)
            found[lang].append((heading.get_text(strip=True), section))
    return found


def first(section, selector):
    return next((e for e in section if e.select_one(selector) or e in e.parent.select(selector)), None)


def squeeze(text):
    return re.sub(r"\s+", "", text)


def test_every_interviewee_is_listed_with_the_role_the_source_gives(index):
    for lang in LANGUAGES:
        conjunction = {"nl": " en ", "en": " and "}[lang]
        entries_in_source = source_list(lang)
        assert len(entries_in_source) == 11, f"{lang}: the source lists {len(entries_in_source)} conversations"
        expected = [(name, plain_role(role)) for names, role in entries_in_source
                    for name in names.split(conjunction)]
        listed = [(name, first(section, ".people-role").get_text(strip=True))
                  for name, section in index[lang][:len(expected)]]
        assert listed[:len(expected)] == expected, f"{lang}: {listed[:len(expected)]}"


def test_authors_and_organisations_are_listed(index):
    for lang in LANGUAGES:
        headings = [name for name, _ in index[lang]]
        missing = [name for name in AUTHORS + ORGANISATIONS if name not in headings]
        assert not missing, f"{lang}: {missing} missing from the index"


def test_each_entry_lists_the_paragraphs_that_name_it(site, paragraphs, index):
    problems = []
    also = {"De Haagse Hogeschool": ["Haagse Hogeschool"], "Stuurvrouwen": ["Stuurvrouw"]}
    for lang in LANGUAGES:
        texts = {b["number"]: b["text"] for page in paragraphs[lang].values() for b in page["blocks"]}
        for name, section in index[lang]:
            block = first(section, ".people-mentions")
            if block is None:  # an author who is also an interviewee points there instead
                assert first(section, 'a[href^="#"]') is not None, f"{lang}: {name} has no paragraphs"
                continue
            listed = {a.get_text().split()[-1] for a in block.select("a")}
            named = {n for n, text in texts.items() if any(w in text for w in [name] + also.get(name, []))}
            if not named <= listed or not listed:
                problems.append(f"{lang}: {name}: lists {sorted(listed)}, named in {sorted(named)}")
            for link in block.select("a"):
                url, anchor = link["href"].split("#")
                target = site / lang / "personen-en-organisaties" / url / "index.html"
                if not BeautifulSoup(target.read_text(encoding="utf-8"), "lxml").find(id=anchor):
                    problems.append(f"{lang}: {name}: {link['href']} leads nowhere")
    assert not problems, "\n".join(problems)


def test_quotes_are_verbatim_from_a_paragraph_that_names_the_speaker(paragraphs, index):
    found = {}
    texts = {lang: {b["number"]: b["text"] for page in paragraphs[lang].values() for b in page["blocks"]}
             for lang in LANGUAGES}
    for lang in LANGUAGES:
        found[lang] = []
        for name, section in index[lang]:
            quotes = first(section, "ul.people-quotes")
            for item in quotes.select("li") if quotes else []:
                number = item.select("a")[-1].get_text().split()[-1]
                original = item.select_one('.original[lang="nl"]')
                quote = item.get_text().split(" (“")[0].split(" — ")[0].strip()
                paragraph = squeeze(texts[lang][number])
                assert squeeze(quote) in paragraph and squeeze(name) in paragraph, (lang, name, quote, number)
                if lang == "en" and squeeze(quote) not in squeeze(texts["nl"][number]):
                    assert original is not None, f"{name}: {quote} lacks its Dutch original"
                found[lang].append((name, quote))
    assert ("Marcel Mattijssen", "“vrijheid in gebondenheid”") in found["nl"]
    assert sum(1 for n, _ in found["nl"] if n == "Wouke Lam") == 3
    assert not any("Stuurvrouw" in q or q == "“ik”" for _, q in found["nl"])
    assert [n for n, _ in found["nl"]] == [n for n, _ in found["en"]] and len(found["nl"]) >= 8
