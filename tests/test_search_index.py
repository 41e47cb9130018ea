"""The search index as built (no browser): one Pagefind index per language under /nl/ and /en/,
made of one record per numbered paragraph (and per concept, person, footnote, source and
heading), from pages that say with Pagefind's attributes what is text."""
import json
import re

from bs4 import BeautifulSoup

from conftest import page_file
from edition.concepts.pages import generated_pages
from edition.project import LANGUAGES, default_project
from edition.web.search_index import edition_records

PROJECT = default_project()
# What a browser fetches of the index; nothing else of Pagefind's output is kept.
KEPT = re.compile(r"^(pagefind\.js|pagefind-entry\.json|pagefind\.(nl|en)_[0-9a-f]+\.pf_meta|wasm\.(nl|en)\.pagefind"
                  r"|search\.json|vocabulary\.json|index|fragment)(\.gz)?$")


def test_each_edition_has_its_own_index_in_its_language_and_nothing_unused(site):
    for lang in LANGUAGES:
        folder = site / lang / "pagefind"
        entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert list(entry["languages"]) == [lang], entry
        assert (folder / f"wasm.{lang}.pagefind").exists()
        extra = sorted(p.name for p in folder.iterdir() if not KEPT.match(p.name) or p.name.startswith(f"wasm.") and lang not in p.name)
        assert not extra, f"{lang}/pagefind/ holds files the search does not use: {extra}"
        assert not (site / lang / "search").exists(), "Material's search index is still built"


def test_every_numbered_paragraph_is_a_record_of_its_own(site, paragraphs):
    for lang in LANGUAGES:
        pages, records = edition_records(site / lang)
        entry = json.loads((site / lang / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert entry["languages"][lang]["page_count"] == len(records)
        by_url = {record.url: record for _, record in records}
        missing = [f"{page['url']}#{block['anchor']}" for page in paragraphs[lang].values() for block in page["blocks"]
                   if f"{page['url']}#{block['anchor']}" not in by_url]
        assert not missing, f"{lang}: paragraphs without a record of their own: {missing[:10]}"
        # The number is the result's, not the text's: no "6.3Ten tweede" in a snippet.
        numbered = [r for r in by_url.values() if r.anchor.startswith("p-")]
        run_in = [r.url for r in numbered if re.match(r"\d+\.\d+", r.text)]
        assert not run_in, f"{lang}: records that begin with their paragraph number: {run_in[:5]}"
        data = json.loads((site / lang / "pagefind" / "search.json").read_text(encoding="utf-8"))
        assert data["pages"] == pages and data["stopWords"] == PROJECT.stop_words(lang)


def test_concepts_and_people_are_records_named_for_ranking_first(site):
    concept_pages = {src[:-3] + "/" for src in generated_pages(PROJECT.concepts())} - {"begrippen/index/", "begrippen/kaart/"}
    for lang in LANGUAGES:
        _, records = edition_records(site / lang)
        named = {record.url: record.name for _, record in records if record.name}
        for concept in PROJECT.concepts().values():
            assert named.get(f"begrippen/{concept.id}/") == concept.title(lang), (lang, concept.id)
        people = BeautifulSoup(page_file(site, lang, "personen-en-organisaties.md").read_text(encoding="utf-8"), "lxml")
        for heading in people.select("article h3[id]"):
            assert named.get(f"personen-en-organisaties/#{heading['id']}") == heading.get_text(strip=True)
        one_each = [r.url for _, r in records if r.page in concept_pages and r.url != r.page]
        assert not one_each, f"{lang}: a concept page split into several results: {one_each[:5]}"


def test_pages_say_with_pagefinds_attributes_what_is_text(site):
    for lang in LANGUAGES:
        soup = BeautifulSoup(page_file(site, lang, "verkenning/doel-en-doelgroepen.md").read_text(encoding="utf-8"), "lxml")
        body = soup.select("[data-pagefind-body]")
        assert [b.name for b in body] == ["article"], "only the article is indexed"
        assert all(a.has_attr("data-pagefind-ignore") for a in soup.select("a.paranum"))
        assert all(s.has_attr("data-pagefind-ignore") for s in soup.select("sup[id^='fnref']"))
        assert all(n.has_attr("data-pagefind-ignore") for n in soup.select("article > .edition-note"))
        blocks = soup.select("article [id^='p-']")
        assert blocks and all(b["data-pagefind-meta"] == "number:" + b["id"][2:].replace("-", ".") for b in blocks)
        other = [e for e in soup.select("article [lang]") if e["lang"] != lang and not e.has_attr("data-pagefind-ignore")]
        assert not other, f"{lang}: text in another language is indexed: {other[:3]}"


def test_the_vocabulary_for_suggestions_is_the_editions_own(site):
    expected = {"nl": {"empowerment", "zelfbeleving", "gemeente"}, "en": {"empowerment", "resilience", "municipality"}}
    for lang in LANGUAGES:
        data = json.loads((site / lang / "pagefind" / "vocabulary.json").read_text(encoding="utf-8"))
        words = data["words"]
        assert data["lang"] == lang and expected[lang] <= set(words)
        assert words == [w.casefold() for w in words] and len(set(words)) == len(words)
        assert words.index("empowerment") < 20, "the most frequent words come first"
    assert "zelfbeleving" not in json.loads((site / "en" / "pagefind" / "vocabulary.json").read_text())["words"]
