"""The glossary in the built site: concept links woven into the text, a page per concept with
the paragraphs that link to it, the A–Z index, the popover markup and the concept map."""
import posixpath
import re
from collections import defaultdict

import pytest
from bs4 import BeautifulSoup

from conftest import article, page_file
from edition.concepts.pages import generated_pages
from edition.concepts.model import sort_key
from edition.project import LANGUAGES
from edition.project import default_project

PROJECT = default_project()

CONCEPTS = PROJECT.concepts()
KINDS = PROJECT.kinds()
ESSAY_CHAPTERS = {str(n) for n in range(1, 7)}


def _target(site, lang, from_path, href):
    """The built file a relative link leads to, and its #anchor."""
    url, _, anchor = href.partition("#")
    folder = from_path.parent.relative_to(site / lang).as_posix()
    resolved = posixpath.normpath(posixpath.join(folder, url))
    return site / lang / resolved / "index.html", anchor


@pytest.fixture(scope="module")
def links(site, paragraphs):
    """Per language: (page, block number, concept id, link text, in heading) of every concept link."""
    found = {}
    for lang in LANGUAGES:
        found[lang] = []
        for src in paragraphs[lang]:
            body = article(page_file(site, lang, src))
            for link in body.select("a.concept-link"):
                block = link.find_parent(id=re.compile(r"^p-\d+-\d+$"))
                number = block["id"][2:].replace("-", ".") if block else None
                found[lang].append((src, number, link["data-concept"], link.get_text(),
                                    link.find_parent(re.compile(r"^h\d$")) is not None))
    return found


def test_every_concept_is_linked_from_the_essay_or_for_dialogue_and_interview_notions_anywhere(links):
    problems = []
    for lang in LANGUAGES:
        chapters = defaultdict(set)
        for _, number, concept, _, _ in links[lang]:
            if number:
                chapters[concept].add(number.split(".")[0])
        for concept in CONCEPTS.values():
            wanted = ESSAY_CHAPTERS if KINDS[concept.kind].linked_from == "essay" else None
            if not chapters[concept.id] or (wanted and not chapters[concept.id] & wanted):
                where = "sections 1–6" if wanted else "any numbered paragraph"
                problems.append(f"{lang}: {concept.id} ({concept.kind}) is not linked from {where}")
    assert not problems, "\n".join(problems)


def test_only_the_first_mention_on_a_page_is_linked_and_never_in_a_heading(links):
    problems = []
    for lang in LANGUAGES:
        seen = defaultdict(list)
        for src, number, concept, text, in_heading in links[lang]:
            seen[(src, concept)].append(number)
            if in_heading or number is None:
                problems.append(f"{lang}/{src}: link to {concept} ({text!r}) outside a numbered paragraph")
        problems += [f"{lang}/{src}: {concept} linked {len(n)} times ({', '.join(map(str, n))})"
                     for (src, concept), n in seen.items() if len(n) > 1]
    assert not problems, "\n".join(problems)


def test_both_languages_link_the_same_concepts_from_the_same_paragraphs(links):
    dutch = {(src, number, concept) for src, number, concept, _, _ in links["nl"]}
    english = {(src, number, concept) for src, number, concept, _, _ in links["en"]}
    assert dutch == english, f"only in Dutch: {sorted(dutch - english)}\nonly in English: {sorted(english - dutch)}"


def test_concept_links_in_the_markdown_are_ordinary_relative_links():
    bad = []
    for lang in LANGUAGES:
        for path in (PROJECT.docs / lang).rglob("*.md"):
            depth = len(path.relative_to(PROJECT.docs / lang).parts) - 1
            for target in re.findall(r"\]\(([^)]*begrippen/[^)]*)\)", path.read_text(encoding="utf-8")):
                if not re.fullmatch("../" * depth + r"begrippen/[a-z0-9-]+\.md", target):
                    bad.append(f"{path.relative_to(PROJECT.docs)}: ({target})")
    assert not bad, "concept links must read ../begrippen/<id>.md (relative):\n" + "\n".join(bad)


def test_every_concept_page_has_definition_explanation_related_and_the_edition_label(site):
    problems = []
    for lang in LANGUAGES:
        other = next(l for l in LANGUAGES if l != lang)
        for concept in CONCEPTS.values():
            path = site / lang / "begrippen" / concept.id / "index.html"
            if not path.exists():
                problems.append(f"{lang}: no page for {concept.id}")
                continue
            body = article(path)
            checks = {
                "title": body.h1.get_text(strip=True) == concept.title(lang),
                "definition": body.select_one(".concept-definition").get_text(" ", strip=True) == concept.definition[lang],
                "explanation": concept.explanation[lang][:60] in body.get_text(" "),
                "other term": body.select_one(f'.concept-meta [lang="{other}"]').get_text() == concept.term[other],
                "label": body.select_one(".concept-note") is not None,
                "related": [_target(site, lang, path, a["href"])[0].parent.name for a in body.select("#verwant + div a")]
                == list(concept.related),
            }
            problems += [f"{lang}/begrippen/{concept.id}: {name}" for name, ok in checks.items() if not ok]
    assert not problems, "concept pages lacking:\n" + "\n".join(problems)


def test_where_the_essay_discusses_it_lists_every_linking_paragraph(site, links):
    problems, total, parsed = [], 0, {}

    def soup_of(target):
        if target not in parsed:
            parsed[target] = BeautifulSoup(target.read_text(encoding="utf-8"), "lxml")
        return parsed[target]
    for lang in LANGUAGES:
        expected = defaultdict(set)
        for src, number, concept, text, _ in links[lang]:
            expected[concept].add((page_file(site, lang, src), "p-" + number.replace(".", "-"), number, text))
        for concept in CONCEPTS:
            path = site / lang / "begrippen" / concept / "index.html"
            listed = set()
            for item in article(path).select("ul.concept-mentions > li"):
                target, anchor = _target(site, lang, path, item.a["href"])
                number = item.select_one(".concept-mention-number").get_text()
                title = soup_of(target).h1.get_text(strip=True)
                if item.select_one(".concept-mention-page").get_text() != title:
                    problems.append(f"{lang}/{concept} {number}: page title is not {title!r}")
                words = item.select_one(".concept-mention-excerpt strong").get_text()
                if not soup_of(target).find(id=anchor):
                    problems.append(f"{lang}/{concept}: {item.a['href']} leads nowhere")
                listed.add((target, anchor, number, words))
            total += len(listed)
            if listed != expected[concept]:
                problems.append(f"{lang}/{concept}: lists {sorted(x[2] for x in listed)}, "
                                f"the text links from {sorted(x[2] for x in expected[concept])}")
    assert total > 2 * len(CONCEPTS)
    assert not problems, "\n".join(problems)


def test_glossary_lists_every_concept_a_to_z_with_its_definition(site):
    for lang in LANGUAGES:
        body = article(site / lang / "begrippen" / "index.html")
        terms = [dt.a.get_text() for dt in body.select("dl dt")]
        definitions = [dd.get_text(" ", strip=True) for dd in body.select("dl dd")]
        assert terms == [c.title(lang) for c in sorted(CONCEPTS.values(), key=lambda c: c.sort_key(lang))]
        assert definitions == [CONCEPTS[_cid(t, lang)].definition[lang] for t in terms]
        assert terms == sorted(terms, key=sort_key), f"{lang}: not A–Z"
        letters = [a["href"] for a in body.select("nav.glossary-letters a")]
        assert letters == [f"#{h['id']}" for h in body.select("h2[id^=letter-]")]


def _cid(title, lang):
    return next(c.id for c in CONCEPTS.values() if c.title(lang) == title)


def test_glossary_is_in_the_nav_after_the_dialogue(site):
    for lang in LANGUAGES:
        soup = BeautifulSoup((site / lang / "index.html").read_text(encoding="utf-8"), "lxml")
        hrefs = [a["href"] for a in soup.select("nav.md-nav--primary a.md-nav__link[href]")]
        assert "dialoog/" in hrefs and "begrippen/" in hrefs
        assert hrefs.index("begrippen/") == hrefs.index("dialoog/") + 1, hrefs


def test_every_concept_page_is_in_the_menu_a_to_z_after_the_index_and_the_map(site):
    for lang in LANGUAGES:
        soup = BeautifulSoup((site / lang / "begrippen" / "index.html").read_text(encoding="utf-8"), "lxml")
        section = soup.select_one('nav.md-nav--primary a.md-nav__link[href="./"]').find_parent("li")
        hrefs = [a["href"] for a in section.select("nav a.md-nav__link[href]")]
        expected = ["./", "kaart/"] + [f"{c.id}/" for c in sorted(CONCEPTS.values(), key=lambda c: c.sort_key(lang))]
        assert hrefs == expected, f"{lang}: the menu's glossary section is {hrefs[:5]} …"


def test_concept_links_carry_their_definition_for_screen_readers_and_no_title(site, paragraphs):
    problems = []
    for lang in LANGUAGES:
        for src in paragraphs[lang]:
            soup = BeautifulSoup(page_file(site, lang, src).read_text(encoding="utf-8"), "lxml")
            holder = soup.select_one(".concept-definitions[hidden]")
            if holder is None or not holder.get("data-touch-hint"):
                problems.append(f"{lang}/{src}: no hidden definitions with a touch hint")
                continue
            for link in soup.select("a.concept-link"):
                described = soup.find(id=link.get("aria-describedby"))
                concept = CONCEPTS[link["data-concept"]]
                if described is None or described.get_text() != concept.definition[lang] \
                        or described.find_parent(class_="concept-definitions") is not holder:
                    problems.append(f"{lang}/{src}: {concept.id} is not described by its definition")
                if link.has_attr("title"):
                    problems.append(f"{lang}/{src}: {concept.id} has a title tooltip")
            if not soup.select_one('script[src$="concepts.js"]'):
                problems.append(f"{lang}/{src}: concepts.js is not loaded")
    assert not problems, "\n".join(problems)


def test_concept_map_links_every_concept_by_kind_with_its_relations_and_an_equivalent_list(site):
    """The map is HTML: a group per kind, every concept a link to its page (reachable by
    keyboard), carrying its related concepts for the marks the script sets; no SVG, no script."""
    related = {cid: set(c.related) for cid, c in CONCEPTS.items()}
    for cid, concept in CONCEPTS.items():
        for other in concept.related:
            related[other].add(cid)
    for lang in LANGUAGES:
        path = site / lang / "begrippen" / "kaart" / "index.html"
        body = article(path)
        figure = body.select_one("figure.concept-map-figure")
        assert figure is not None and not figure.select("svg, script, [tabindex], [aria-hidden]")
        groups = [g.select_one(".concept-map__heading").get_text(strip=True) for g in figure.select(".concept-map__kind")]
        assert groups == [k.heading[lang] for k in KINDS.values()], f"{lang}: the map's groups are not the kinds"
        nodes = {a["data-node"]: a for a in figure.select("a.concept-map__node")}
        assert set(nodes) == set(CONCEPTS), f"{lang}: map nodes differ from the concepts"
        for cid, node in nodes.items():
            assert _target(site, lang, path, node["href"])[0] == site / lang / "begrippen" / cid / "index.html"
            assert node.get_text(strip=True) == CONCEPTS[cid].title(lang)
            assert set(node["data-related"].split()) == related[cid], f"{lang}: {cid}'s relations on the map"
            assert node.find_parent(class_=f"kind-{CONCEPTS[cid].kind}") is not None
        headings = [h.get_text(strip=True) for h in body.select("h3[id^=soort-]")]
        assert headings == [k.heading[lang] for k in KINDS.values()]
        listed = {}
        for item in body.select("ul.concept-map-list > li"):
            first, *others = item.select("a")
            listed[_target(site, lang, path, first["href"])[0].parent.name] = \
                [_target(site, lang, path, a["href"])[0].parent.name for a in others]
        assert listed == {c.id: list(c.related) for c in CONCEPTS.values()}, f"{lang}: the list is not the map"


def test_instructions_name_the_device_and_the_glossary_separates_term_and_translation(site):
    """Pointing (mouse, keyboard) and tapping each have their own instructions, shown by
    concepts.css for the device in hand; the other language's term is in brackets of text."""
    for lang in LANGUAGES:
        strings = PROJECT.strings(lang)
        for src, key in (("begrippen/index.md", "concepts_howto"), ("begrippen/kaart.md", "concepts_map_howto")):
            howto = article(page_file(site, lang, src)).select_one(".edition-screen-only.edition-howto")
            assert howto is not None, f"{lang}/{src}: no instructions"
            assert howto.select_one(".edition-for-pointer").get_text() == strings[f"{key}_pointer"]
            assert howto.select_one(".edition-for-touch").get_text() == strings[f"{key}_touch"]
        for entry in article(page_file(site, lang, "begrippen/index.md")).select("dt"):
            other = entry.select_one(".concept-other-term")
            if other is not None:
                assert re.fullmatch(r"\(.+\)", other.get_text()), f"{lang}: {entry.get_text()!r}"


def test_generated_pages_exist_in_both_languages_and_in_the_sitemap(site):
    for lang in LANGUAGES:
        sitemap = (site / lang / "sitemap.xml").read_text(encoding="utf-8")
        for src in generated_pages(CONCEPTS) + ["personen-en-organisaties.md"]:
            url = src.removesuffix("index.md").removesuffix(".md").rstrip("/")
            assert page_file(site, lang, src).exists(), f"{lang}: {src} not built"
            assert f"/{lang}/{url + '/' if url else ''}</loc>" in sitemap, f"{lang}: {src} not in the sitemap"
