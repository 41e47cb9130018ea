"""Footnotes 1-19 keep their numbers and are linked both ways; every work is cited."""
import re
from collections import Counter

from conftest import article, page_file
from edition.project import default_project

PROJECT = default_project()


def essay_articles(site, paragraphs_nl):
    return {src: article(page_file(site, "nl", src)) for src in paragraphs_nl}


def test_footnotes_1_to_19_each_once_linked_both_ways(site, paragraphs):
    for lang in ("nl", "en"):
        notes, calls = Counter(), Counter()
        problems = []
        for src in paragraphs[lang]:
            body = article(page_file(site, lang, src))
            for item in body.select("div.footnote li[id^='fn:']"):
                label = item["id"][3:]
                notes[label] += 1
                if item.get("value") != label:
                    problems.append(f"{lang}/{src}: note {label} is shown as {item.get('value')}")
                back = item.select_one("a.footnote-backref")
                if back is None or body.find(id=back["href"][1:]) is None:
                    problems.append(f"{lang}/{src}: note {label} has no link back to its call")
            for ref in body.select("sup[id^='fnref'] a.footnote-ref"):
                label = ref["href"][4:]
                calls[label] += 1
                if ref.get_text() != label:
                    problems.append(f"{lang}/{src}: call of note {label} shows {ref.get_text()!r}")
                if body.find(id=f"fn:{label}") is None:
                    problems.append(f"{lang}/{src}: call {label} leads to no note")
        expected = Counter({str(n): 1 for n in range(1, 20)})
        assert notes == expected, f"{lang}: notes {sorted(notes.elements(), key=int)}"
        assert calls == expected, f"{lang}: calls {sorted(calls.elements(), key=int)}"
        assert not problems, "\n".join(problems)


def test_every_work_is_cited_and_every_citation_resolves(site, paragraphs):
    works = set(PROJECT.sources())
    for lang in ("nl", "en"):
        bronnen = article(site / lang / "bronnen" / "index.html")
        entries = {li["id"] for li in bronnen.select("ul.bibliography > li")}
        assert entries == works, f"{lang}: sources page lists {sorted(entries)}"
        cited = set()
        for src in list(paragraphs[lang]) + ["index.md"]:
            for link in article(page_file(site, lang, src)).select("a[href*='bronnen/#']"):
                target = link["href"].rsplit("#", 1)[1]
                assert target in entries, f"{lang}/{src}: citation of unknown work {target}"
                cited.add(target)
        assert cited == works, f"{lang}: never cited: {sorted(works - cited)}"


def test_every_footnote_that_cites_a_work_links_to_it(site, paragraphs):
    uncited = []
    for src in paragraphs["nl"]:
        for item in article(page_file(site, "nl", src)).select("div.footnote li[id^='fn:']"):
            text = item.get_text(" ")
            cites_a_work = re.search(r"\(\d{4}\)|ibid\.|e\.a\.|Steenssens|Laverack", text)
            if cites_a_work and not item.select("a.citation"):
                uncited.append(f"{src}: note {item['id'][3:]}")
    assert not uncited, "notes that cite a work without linking it: " + ", ".join(uncited)
