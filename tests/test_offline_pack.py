"""The offline copy (edition/offline/): one ZIP of the site that works unzipped, opened from
files. Read once per session from the built site, unzipped into a temporary folder; the
browser tests open it over file:// in Chromium and record every request."""
from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest

from edition.build import DEFAULT_SITE_URL
from edition.archive import STORED
from edition.offline.pack import load_offline_settings, site_files
from edition.project import LANGUAGES, default_project

PROJECT = default_project()
SETTINGS = load_offline_settings(PROJECT)
CHAPTER = "verkenning/kracht-en-macht/index.html"
# Plurals that are not in the text, only their singular: found by the stemmer alone, each with
# the word the result must mark.
STEMMED = {"nl": ("omgevingen", "omgeving"), "en": ("neighbourhoods", "neighbourhood")}
URL_ATTRIBUTES = ("href", "src", "data-contents")
REFRESH = re.compile(r"^\s*\d+\s*;\s*url=(.*)$", re.I)


@pytest.fixture(scope="session")
def archive(site) -> Path:
    return site / SETTINGS.file


@pytest.fixture(scope="session")
def pack(archive, tmp_path_factory) -> Path:
    """The ZIP unzipped: the folder in it."""
    out = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(out)
    return out / SETTINGS.folder


def test_the_zip_holds_every_file_for_readers_and_nothing_for_servers(site, archive):
    with zipfile.ZipFile(archive) as opened:
        names = [name.removeprefix(f"{SETTINGS.folder}/") for name in opened.namelist()]
    outside = [name for name in opened.namelist() if not name.startswith(f"{SETTINGS.folder}/")]
    expected = set(site_files(site, SETTINGS))
    problems = [f"outside the folder {SETTINGS.folder}/: {outside[:5]}"] if outside else []
    missing = sorted(expected - set(names))
    if missing:
        problems.append(f"files of the site not in the ZIP: {missing[:10]}")
    for lang in LANGUAGES:
        pdfs = sorted(path.relative_to(site).as_posix() for path in (site / lang).rglob("*.pdf"))
        if not pdfs or set(pdfs) - set(names):
            problems.append(f"{lang}: the PDFs {pdfs} are not all in the ZIP")
    server = [name for name in names if name.endswith((".gz", ".map")) or "/pagefind/" in name
              or name.startswith((".hosting/", ".well-known/")) or posixpath.basename(name) in ("404.html", "sitemap.xml")
              or posixpath.basename(name).startswith(".")]  # the build's own notes (.inline-code.json)
    if server:
        problems.append(f"files for a server only: {server[:10]}")
    if any(name.endswith(".zip") for name in names):
        problems.append("the ZIP holds a ZIP (itself?)")
    tops = {"index.html", *SETTINGS.readme.values()}
    if tops - set(names):
        problems.append(f"not at the top of the folder: {sorted(tops - set(names))}")
    if names != sorted(names) or len(set(names)) != len(names):
        problems.append("the entries are not sorted by name, or one is there twice (reproducibility)")
    assert not problems, "\n".join(problems)


def test_the_zip_is_dated_the_edition_and_stores_compressed_files_as_they_are(archive):
    with zipfile.ZipFile(archive) as opened:
        infos = opened.infolist()
    dates = {info.date_time for info in infos}
    edition = PROJECT.publication().edition_date
    assert dates == {(edition.year, edition.month, edition.day, 12, 0, 0)}, f"dates in the ZIP: {sorted(dates)[:3]}"
    wrong = [info.filename for info in infos
             if (Path(info.filename).suffix.lower() in STORED) != (info.compress_type == zipfile.ZIP_STORED)]
    assert not wrong, f"deflated though compressed already, or stored though text: {wrong[:10]}"


def test_two_builds_give_the_same_zip(site, second_site):
    """The second build makes it anew (no cache): the same bytes."""
    assert (site / SETTINGS.file).read_bytes() == (second_site / SETTINGS.file).read_bytes(), \
        "the offline ZIP differs between two builds: a date, an order or a path of the build in it?"


def test_both_home_pages_link_the_zip_with_its_size(site, archive):
    size = archive.stat().st_size
    for lang in LANGUAGES:
        page = lxml.html.fromstring((site / lang / "index.html").read_bytes())
        links = page.xpath("//*[contains(@class, 'edition-offline')]//a[@href]")
        assert len(links) == 1, f"{lang}/index.html: one link to the offline copy expected, found {len(links)}"
        href = links[0].get("href")
        assert (site / lang / href).resolve() == archive.resolve(), f"{lang}: the link {href} misses the ZIP"
        megabytes = f"{size / 1_000_000:.1f}".replace(".", "," if lang == "nl" else ".")
        assert f"ZIP, {megabytes} MB" in links[0].text_content(), f"{lang}: the size is not {megabytes} MB"


def _targets(path: Path, page):
    """(attribute, address) of everything on the page that leads or loads somewhere."""
    for element in page.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute in URL_ATTRIBUTES:
            value = element.get(attribute)
            if value is not None:
                yield element, attribute, value
        if (element.get("http-equiv") or "").lower() == "refresh":
            found = REFRESH.match(element.get("content") or "")
            yield element, "refresh", found.group(1) if found else ""


def test_every_link_and_source_of_every_page_is_a_file_of_the_copy(pack):
    """No folder addresses (no server turns them into index.html), no anchor missing, and no
    way to the site online but the <link>s that name a page's address (canonical, alternate)."""
    ids: dict[Path, set[str]] = {}

    def anchors(file: Path) -> set[str]:
        if file not in ids:
            ids[file] = set(lxml.html.fromstring(file.read_bytes()).xpath("//@id"))
        return ids[file]

    problems = []
    pages = sorted(pack.rglob("*.html"))
    for path in pages:
        page = lxml.html.fromstring(path.read_bytes())
        shown = path.relative_to(pack).as_posix()
        for element, attribute, url in _targets(path, page):
            parts = urlsplit(url)
            if url.startswith(DEFAULT_SITE_URL):
                if element.tag != "link":
                    problems.append(f"{shown}: <{element.tag} {attribute}> leads to the site online: {url}")
                continue
            if parts.scheme in ("mailto", "data") or (parts.scheme == "https" and element.tag == "a"):
                continue  # a letter, an inline image, another website: none is fetched by itself
            if parts.scheme or url.startswith("//"):
                problems.append(f"{shown}: <{element.tag} {attribute}={url}> is not a file of the copy")
                continue
            if not parts.path:
                target = path
            else:
                target = (path.parent / unquote(parts.path)).resolve()
                if not target.is_file() or pack.resolve() not in target.parents:
                    problems.append(f"{shown}: <{element.tag} {attribute}={url}> is no file in the copy")
                    continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html" and fragment not in anchors(target):
                problems.append(f"{shown}: <{element.tag} {attribute}={url}>: no id {fragment!r} there")
    assert pages and not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:30])


def test_the_readmes_say_how_to_open_it_in_their_language(pack):
    for lang, name in SETTINGS.readme.items():
        text = (pack / name).read_bytes().decode("utf-8")
        assert "index.html" in text and DEFAULT_SITE_URL in text, f"{name}: says neither index.html nor the address online"
        assert text == PROJECT.strings(lang)["offline_readme"].format(
            folder=SETTINGS.folder, url=DEFAULT_SITE_URL, cite=PROJECT.strings(lang)["cite_title"],
            licenses="LICENSES.txt").replace("\n", "\r\n")
    licenses = (pack / "LICENSES.txt").read_text(encoding="utf-8")
    assert "lunr 2.3.9" in licenses and "MIT" in licenses and "Mozilla Public License" in licenses


# ---- in Chromium, over file:// ------------------------------------------------------------------

@pytest.fixture(scope="module")
def offline(browser, pack):
    """A browser context that records every request and every script error of its pages."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    seen = {"requests": [], "errors": []}
    context.on("request", lambda request: seen["requests"].append(request.url))
    context.on("page", lambda page: page.on("pageerror", lambda error: seen["errors"].append(f"{page.url}: {error}")))
    yield context, seen
    context.close()


def _open(offline, pack: Path, path: str):
    context, _ = offline
    page = context.new_page()
    page.goto((pack / path).as_uri())
    return page


def _not_files(offline) -> list[str]:
    return sorted({url for url in offline[1]["requests"] if not url.startswith("file:")})


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_finds_a_stemmed_word_and_its_result_lands_on_the_paragraph(offline, pack, lang):
    from browser_support import search
    query, marked = STEMMED[lang]
    page = _open(offline, pack, f"{lang}/{CHAPTER}")
    results = search(page, query)
    assert results, f"{lang}: no result for {query!r} (the offline search or its stemmer)"
    assert all(url.startswith((pack / lang).as_uri() + "/") for url in results), f"{lang}: results outside the copy: {results[:3]}"
    # a result that is a numbered paragraph (others may be a page's or a section's top)
    page.locator("a.edition-search__hit[href*='#p-']").first.click()
    page.wait_for_load_state()
    anchor = unquote(urlsplit(page.url).fragment)
    assert anchor, f"{lang}: the result {page.url} leads to no paragraph"
    page.wait_for_function("id => document.activeElement && document.activeElement.id === id", arg=anchor, timeout=5_000)
    words = page.eval_on_selector_all("mark.edition-hit", "marks => marks.map(m => m.textContent.toLowerCase())")
    assert marked in words, f"{lang}: {marked!r} is not marked on the page the result opened (marked: {words[:5]})"
    page.close()
    assert not offline[1]["errors"], offline[1]["errors"]
    assert not _not_files(offline), f"requests that are not files: {_not_files(offline)}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_language_switch_leads_to_the_same_chapter_in_the_other_language(offline, pack, lang):
    other = next(code for code in LANGUAGES if code != lang)
    page = _open(offline, pack, f"{lang}/{CHAPTER}")
    page.locator(f"a.md-select__link[hreflang={other}]").dispatch_event("click")
    page.wait_for_url(re.compile(re.escape((pack / other / CHAPTER).as_uri()) + r"(#.*)?$"))
    assert page.evaluate("document.documentElement.lang") == other
    page.close()


def test_the_pdf_links_and_the_concept_popover_work_from_files(offline, pack):
    page = _open(offline, pack, f"nl/{CHAPTER}")
    pdfs = page.eval_on_selector_all("a[type='application/pdf']", "links => links.map(a => a.href)")
    assert pdfs, "no link to a PDF on the chapter"
    missing = [url for url in pdfs if not Path(unquote(urlsplit(url).path)).is_file()]
    assert not missing, f"PDF links that are no file in the copy: {missing}"
    link = page.locator("article a.concept-link").first
    link.hover()
    popover = page.locator(".concept-popover")
    popover.wait_for(state="visible", timeout=5_000)
    assert popover.inner_text().strip(), "the concept popover opened empty"
    page.close()


def test_no_request_leaves_the_files(offline, pack):
    """The pages of every kind, with their scripts: every request a file of the copy."""
    for path in ("index.html", "nl/index.html", "en/index.html", f"en/parallel/{CHAPTER}", "nl/begrippen/kaart/index.html",
                 "en/inhoud/index.html", "nl/g/1/index.html"):
        page = _open(offline, pack, path)
        page.wait_for_load_state("load")
        page.close()
    assert not offline[1]["errors"], "script errors:\n" + "\n".join(offline[1]["errors"])
    assert offline[1]["requests"] and not _not_files(offline), f"requests that are not files: {_not_files(offline)}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_short_address_leads_to_its_place_in_the_copy(pack, paragraphs, lang):
    """/nl/3.4 and /nl/eigen-kracht as folders of the copy: each one's page forwards to the file
    of its paragraph (its anchor there) or concept page."""
    from test_short_addresses import expected_targets
    wrong = []
    for address, expected in expected_targets(paragraphs, lang).items():
        forward = pack / lang / address / "index.html"
        found = REFRESH.match(lxml.html.fromstring(forward.read_bytes()).xpath("//meta[@http-equiv='refresh']/@content")[0]
                              if forward.is_file() else "")
        page, _, anchor = expected.partition("#")
        target = posixpath.normpath(posixpath.join(address, found.group(1))) if found else None
        if target != posixpath.normpath(f"{page}index.html") + (f"#{anchor}" if anchor else ""):
            wrong.append(f"{lang}/{address}: {target}")
    assert not wrong, f"short addresses that do not lead to their place in the copy: {wrong[:10]}"


def test_a_short_address_opened_from_files_lands_on_its_paragraph(offline, pack):
    page = _open(offline, pack, "en/3.4/index.html")
    page.wait_for_url((pack / "en/verkenning/doel-en-doelgroepen/index.html").as_uri() + "#p-3-4")
    page.close()


def test_forwarding_pages_and_links_by_the_sites_address_are_made_files():
    """Any forwarding page (a meta refresh, such as the short addresses) and a link to the site
    by its full address lead to files; the <link>s that name the page keep its address."""
    from edition.offline.links import rewrite_page
    page = ('<link rel="canonical" href="https://durftedromen.delft.nl/nl/4.7/">'
            '<meta http-equiv="refresh" content="0; url=../verkenning/kracht-en-macht/#p-4-7">'
            '<a href="../verkenning/kracht-en-macht/#p-4-7">4.7</a> <a href="https://durftedromen.delft.nl/en/">en</a>'
            '<a href="..">up</a> <a href="#p-1">here</a> <a href="https://www.delft.nl/">Delft</a>')
    assert rewrite_page(page, "nl/4.7/index.html", DEFAULT_SITE_URL) == (
        '<link rel="canonical" href="https://durftedromen.delft.nl/nl/4.7/">'
        '<meta http-equiv="refresh" content="0; url=../verkenning/kracht-en-macht/index.html#p-4-7">'
        '<a href="../verkenning/kracht-en-macht/index.html#p-4-7">4.7</a> <a href="../../en/index.html">en</a>'
        '<a href="../index.html">up</a> <a href="#p-1">here</a> <a href="https://www.delft.nl/">Delft</a>')


def test_a_module_the_offline_bundle_cannot_take_stops_the_build_naming_its_line(tmp_path):
    from edition.offline.scripts import ScriptError, bundle
    (tmp_path / "search.js").write_text('import { fold } from "./search-text.js";\n'
                                        'export const a = 1;\nconst b = import("./other.js");\n', encoding="utf-8")
    (tmp_path / "search-text.js").write_text("export function fold(word) { return word; }\n", encoding="utf-8")
    sources = {path.name: path for path in tmp_path.glob("*.js")}
    with pytest.raises(ScriptError) as error:
        bundle("search.js", sources, lambda path: f"overrides/assets/javascripts/{path.name}")
    assert str(error.value) == ('overrides/assets/javascripts/search.js:3: the offline copy bundles plain imports and '
                                'exports only (import { a } from "./x.js"; export function/const), not `import(`')
    (tmp_path / "search.js").write_text('import { fold } from "./search-text.js";\nexport const a = fold(1);\n', encoding="utf-8")
    script = bundle("search.js", sources, lambda path: path.name)
    assert script.index('modules["search-text.js"]') < script.index('modules["search.js"]'), "imports first"
    assert "export" not in script and "return { fold }" in script and "return { a }" in script
