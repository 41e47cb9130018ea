"""Short addresses (edition/reader/short_addresses.py): /nl/3.4 for every numbered paragraph and
/nl/<id> for every concept, in both languages, as files (a page that forwards without a script)
and through the shipped nginx (a redirect made from those pages: edition/hosting/redirects.py);
an unknown number is the language's 404 page with its hint."""
from __future__ import annotations

import dataclasses
import posixpath
import re

import pytest
from bs4 import BeautifulSoup

import nginx_support as nginx
from conftest import PROJECT
from edition.errors import ContentError
from edition.reader import short_addresses

LANGUAGES = PROJECT.languages
REFRESH = re.compile(r"^0; url=(.+)$")


def expected_targets(paragraphs, lang: str) -> dict[str, str]:
    """Short address below the edition ("3.4", "eigen-kracht") -> where it must lead, from the data."""
    targets = {block["number"]: f"{page['url']}#{block['anchor']}"
               for page in paragraphs[lang].values() for block in page["blocks"]}
    targets.update({concept_id: f"begrippen/{concept_id}/" for concept_id in PROJECT.concepts()})
    return targets


def forwards_to(site, lang: str, address: str) -> str | None:
    """Where the page at /<lang>/<address> forwards, below the edition; None if there is none."""
    file = site / lang / address / "index.html"
    if not file.is_file():
        return None
    soup = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")
    refresh = REFRESH.match(soup.find("meta", attrs={"http-equiv": "refresh"})["content"])
    link = soup.find("main").find("a")["href"]
    if refresh is None or link != refresh.group(1):
        return f"(a refresh {refresh} and a link {link} that differ)"
    target, _, fragment = refresh.group(1).partition("#")
    resolved = posixpath.normpath(posixpath.join(address + "/", target)) + "/"
    return resolved + (f"#{fragment}" if fragment else "")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_paragraph_and_concept_has_a_short_address_that_leads_to_it(site, paragraphs, lang):
    targets = expected_targets(paragraphs, lang)
    wrong = []
    for address, expected in targets.items():
        found = forwards_to(site, lang, address)
        if found != expected:
            wrong.append(f"/{lang}/{address} -> {found} (expected {expected})")
            continue
        page, _, anchor = expected.partition("#")
        html = (site / lang / page / "index.html").read_text(encoding="utf-8")
        if anchor and f'id="{anchor}"' not in html:
            wrong.append(f"/{lang}/{address}: {page} has no #{anchor}")
    assert len(targets) > 100 and not wrong, f"{lang}: short addresses that do not lead where they should: {wrong}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_forwarding_pages_are_in_the_language_and_not_indexed(site, lang):
    page = BeautifulSoup((site / lang / "3.4" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert page.html["lang"] == lang
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert page.find("link", rel="canonical")["href"].endswith(f"/{lang}/verkenning/doel-en-doelgroepen/#p-3-4")
    sitemap = (site / lang / "sitemap.xml").read_text(encoding="utf-8")
    assert f"/{lang}/3.4/" not in sitemap and f"/{lang}/eigen-kracht/" not in sitemap


@pytest.mark.parametrize("lang", LANGUAGES)
def test_nginx_redirects_every_short_address_at_once(served, paragraphs, lang):
    wrong = []
    for address, expected in expected_targets(paragraphs, lang).items():
        for form in (f"/{lang}/{address}", f"/{lang}/{address}/"):
            response = nginx.fetch(served[1].origin, form)
            if (response.status, response.header("location")) != (302, f"/{lang}/{expected}"):
                wrong.append(f"{form}: {response.status} {response.header('location')}")
    assert not wrong, f"short addresses nginx does not redirect to their place: {wrong[:10]}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_unknown_number_is_the_languages_404_page_with_a_hint(served, lang):
    strings = PROJECT.strings(lang)
    for address in (f"/{lang}/9.99", f"/{lang}/4.70", f"/{lang}/geen-begrip"):
        response = nginx.fetch(served[1].origin, address)
        page = BeautifulSoup(response.body.decode("utf-8"), "lxml")
        assert response.status == 404 and page.html["lang"] == lang, f"{address}: {response.status}"
        hint = page.find(string=re.compile(re.escape(strings["not_found_short"][:40])))
        assert hint is not None, f"{address}: the 404 page does not say where the paragraph numbers are"
        links = {a.get_text(): a["href"] for a in hint.parent.find_all("a")}
        assert links == {strings["not_found_contents"]: f"/{lang}/inhoud/",
                         strings["not_found_concepts"]: f"/{lang}/begrippen/"}, links


def test_a_concept_cannot_take_an_address_the_edition_already_has(tmp_path):
    (tmp_path / "bronnen").mkdir()
    (tmp_path / "bronnen" / "index.html").write_text("<!doctype html><title>Bronnen</title>", encoding="utf-8")
    concept = next(iter(PROJECT.concepts().values()))
    clash = dataclasses.replace(concept, id="bronnen", source="docs/data/concepts/bronnen.yml")
    with pytest.raises(ContentError) as error:
        short_addresses.write_concept_forwards(tmp_path, "nl", "https://example.org/nl/", [clash],
                                               {"bronnen": "begrippen/bronnen/"}, {"bronnen": "Bronnen"})
    assert str(error.value) == ("docs/data/concepts/bronnen.yml: concept 'bronnen': its short address /nl/bronnen "
                                "is already the address of /nl/bronnen/ in the edition: give the concept another "
                                "id (the file's name)")


def test_a_concept_cannot_take_the_name_of_a_folder_written_after_the_pages(tmp_path):
    concept = dataclasses.replace(next(iter(PROJECT.concepts().values())), id="pdf",
                                  source="docs/data/concepts/pdf.yml")
    with pytest.raises(ContentError, match=r"^docs/data/concepts/pdf.yml: concept 'pdf': its short address /en/pdf "):
        short_addresses.write_concept_forwards(tmp_path, "en", "https://example.org/en/", [concept],
                                               {"pdf": "begrippen/pdf/"}, {"pdf": "PDF"}, later={"pdf", "pagefind"})
