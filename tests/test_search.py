"""The search in the browser (Pagefind, assets/javascripts/search.js): what readers type finds the
page or paragraph they mean, a result opens at its paragraph with the words marked, the box works
with the keyboard and tells its count, and bad input gets a calm answer.

One page per language searches the whole table (the session's built site, one Chromium)."""
from urllib.parse import parse_qs, urlsplit

import pytest

from browser_support import SEARCH_FIELD, SEARCH_RESULT, VIEWPORTS, search

MORE = "button.edition-search__more"

pytestmark = pytest.mark.gate("browser")

# (query as a reader types it, where it must lead: a page, or a page#paragraph), checked among
# the first three results; NAMES must come first. Inflections and plurals the text does not use
# in that form, names, two-word concepts, and typos.
QUERIES = {
    "nl": [
        ("krachten", "begrippen/kracht-en-macht/"),
        ("werkloosheid", "voorbeelden/#p-7-30"),
        ("gemeenten", "dialoog/#en-hoe-kan-de-gemeente-daar-een-rol-in-spelen"),
        ("droom", "begrippen/dromen-en-daden/"),
        ("dromen", "begrippen/dromen-en-daden/"),
        ("zelfbeleving", "verkenning/doel-en-doelgroepen/"),
        ("kritisch bewustzijn", "verkenning/doel-en-doelgroepen/#p-3-4"),
        ("kwetsbare ouderen", "verkenning/doel-en-doelgroepen/#p-3-1"),
        ("uitkeringsgerechtigden", "verkenning/doel-en-doelgroepen/#p-3-1"),
        ("professionals", "verkenning/rol-van-overheid-en-professionals/"),
        ("randvoorwaarden", "verkenning/randvoorwaarden/"),
        ("aangeleerde hulpeloosheid", "verkenning/kracht-en-macht/#p-4-3"),
        ("vrijwilligers", "verkenning/randvoorwaarden/#p-6-3"),
        ("ecologisch mensbeeld", "begrippen/ecologisch-mensbeeld/"),
        ("trots", "voorbeelden/#de-waarde-van-trots"),
        ("veilig netwerk", "voorbeelden/#het-belang-van-een-veilig-netwerk"),
        ("Laverack", "verkenning/rol-van-overheid-en-professionals/"),
        ("wethouder", "inleiding/"),
        ("Marjan de Gruijter", "personen-en-organisaties/#auteur-marjan-de-gruijter"),
        ("Stuurvrouwen", "personen-en-organisaties/#stuurvrouwen"),
        ("empowermnet", "begrippen/empowerment/"),
        ("emancipatei", "begrippen/emancipatie/"),
    ],
    "en": [
        ("strengths", "begrippen/eigen-kracht/"),
        ("municipalities", "dialoog/#en-hoe-kan-de-gemeente-daar-een-rol-in-spelen"),
        ("dreaming", "begrippen/dromen-en-daden/"),
        ("dreams", "begrippen/dromen-en-daden/"),
        ("critical awareness", "verkenning/doel-en-doelgroepen/"),
        ("vulnerable older people", "verkenning/doel-en-doelgroepen/#p-3-1"),
        ("professionals", "verkenning/rol-van-overheid-en-professionals/"),
        ("preconditions", "verkenning/randvoorwaarden/"),
        ("learned helplessness", "verkenning/kracht-en-macht/#p-4-3"),
        ("volunteers", "verkenning/randvoorwaarden/#p-6-3"),
        ("safe network", "voorbeelden/#het-belang-van-een-veilig-netwerk"),
        ("resilience", "voorbeelden/#p-7-10"),
        ("Laverack", "verkenning/rol-van-overheid-en-professionals/"),
        ("alderwoman", "personen-en-organisaties/#saskia-bolten"),
        ("Marjan de Gruijter", "personen-en-organisaties/#auteur-marjan-de-gruijter"),
        ("Stuurvrouwen", "personen-en-organisaties/#stuurvrouwen"),
        ("self-perceptoin", "begrippen/zelfbeleving/"),
        ("empowermnet", "begrippen/empowerment/"),
        ("emancipaton", "begrippen/emancipatie/"),
        ("helplesness", "begrippen/aangeleerde-hulpeloosheid/"),
    ],
}
# A concept's or person's own name: their page (or entry) is the first result.
NAMES = {
    "nl": [("eigen kracht", "begrippen/eigen-kracht/"), ("empowerment", "begrippen/empowerment/"),
           ("participatie", "begrippen/participatie/"), ("actief burgerschap", "begrippen/actief-burgerschap/"),
           ("trots", "begrippen/trots/"), ("Saskia Bolten", "personen-en-organisaties/#saskia-bolten"),
           ("Combiwerk", "personen-en-organisaties/#combiwerk")],
    "en": [("own strength", "begrippen/eigen-kracht/"), ("empowerment", "begrippen/empowerment/"),
           ("participation", "begrippen/participatie/"), ("active citizenship", "begrippen/actief-burgerschap/"),
           ("pride", "begrippen/trots/"), ("Saskia Bolten", "personen-en-organisaties/#saskia-bolten"),
           ("Combiwerk", "personen-en-organisaties/#combiwerk")],
}
# Each section about participation has a paragraph among the results ("more results" shows them all).
PARTICIPATION = {"nl": "participatie", "en": "participation"}
PARTICIPATION_SECTIONS = ("verkenning/actief-burgerschap/", "verkenning/randvoorwaarden/",
                          "verkenning/rol-van-overheid-en-professionals/")


def where(url: str, lang: str) -> str:
    """http://host/nl/verkenning/x/?h=..#p-3-1 -> verkenning/x/#p-3-1"""
    parts = urlsplit(url)
    path = parts.path.removeprefix(f"/{lang}/")
    return path + (f"#{parts.fragment}" if parts.fragment else "")


def leads_to(url: str, lang: str, expected: str) -> bool:
    found = where(url, lang)
    return found == expected if "#" in expected else found.split("#")[0] == expected


@pytest.fixture(scope="module")
def searching(site_url, browser):
    """Per language one page that searches, and the console errors it has seen."""
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    pages, errors = {}, []

    def page_for(lang):
        if lang not in pages:
            page = context.new_page()
            page.on("console", lambda m: m.type == "error" and errors.append(m.text))
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(f"{site_url}/{lang}/")
            pages[lang] = page
        return pages[lang]
    yield page_for, errors
    context.close()


@pytest.mark.parametrize("lang", sorted(QUERIES))
def test_readers_queries_find_the_page_or_paragraph_in_the_first_three(searching, lang):
    page_for, errors = searching
    page = page_for(lang)
    missed = []
    for query, expected in QUERIES[lang]:
        found = search(page, query, typed=False)
        if not any(leads_to(url, lang, expected) for url in found[:3]):
            missed.append(f"{query!r}: expected {expected}, got {[where(u, lang) for u in found[:3]]}")
    for query, expected in NAMES[lang]:
        found = search(page, query, typed=False)
        if not found or not leads_to(found[0], lang, expected):
            missed.append(f"{query!r} (a name): expected {expected} first, got {[where(u, lang) for u in found[:3]]}")
    search(page, PARTICIPATION[lang], typed=False)
    while page.locator(MORE).is_visible():  # every result, ten at a time
        shown = page.locator(SEARCH_RESULT).count()
        page.locator(MORE).click()
        page.wait_for_function("n => document.querySelectorAll('a.edition-search__hit').length > n", arg=shown)
    pages = {where(url, lang).split("#")[0] for url in page.eval_on_selector_all(SEARCH_RESULT, "ls => ls.map(a => a.href)")}
    missed += [f"{PARTICIPATION[lang]!r}: no paragraph of {section}" for section in PARTICIPATION_SECTIONS
               if section not in pages]
    assert not missed, f"{len(missed)} queries missed:\n" + "\n".join(missed)
    assert not errors, errors


def test_each_edition_searches_only_itself(searching):
    page_for, _ = searching
    assert search(page_for("en"), "zelfbeleving", typed=False) == []
    assert search(page_for("nl"), "awareness", typed=False) == []
    for lang in QUERIES:
        found = search(page_for(lang), "empowerment", typed=False)
        assert found and all(urlsplit(url).path.startswith(f"/{lang}/") for url in found), found


def test_results_show_the_number_page_and_marked_excerpt_grouped_by_page(searching):
    page = searching[0]("nl")
    search(page, "kwetsbare", typed=False)
    groups = page.eval_on_selector_all(".md-search-result__item", """items => items.map(item => ({
        page: item.querySelector('.edition-search__page').textContent,
        hits: [...item.querySelectorAll('a.edition-search__hit')].map(a => ({
          where: (a.querySelector('.edition-search__where') || {}).textContent || '',
          marks: a.querySelectorAll('mark').length, text: a.textContent}))}))""")
    assert len({g["page"] for g in groups}) == len(groups), "a page's results are not together"
    hits = [hit for group in groups for hit in group["hits"]]
    assert any(hit["where"] == "Alinea 3.1" for hit in hits), hits
    assert all(hit["marks"] for hit in hits), "a result without the hit marked"
    assert not any(hit["text"].startswith(hit["where"] + hit["where"][-1:]) for hit in hits if hit["where"])
    status = page.locator("#edition-search-status")
    assert status.get_attribute("role") == "status" and "resultaten voor ‘kwetsbare’" in status.inner_text()


# (query, the result to open: page#paragraph) per language
LANDINGS = {
    "nl": [("kwetsbare ouderen", "verkenning/doel-en-doelgroepen/#p-3-1"),
           ("werkloosheid", "voorbeelden/#p-7-30"), ("hulpeloosheid", "verkenning/kracht-en-macht/#p-4-3")],
    "en": [("vulnerable older people", "verkenning/doel-en-doelgroepen/#p-3-1"),
           ("resilience", "voorbeelden/#p-7-10"), ("helplessness", "verkenning/kracht-en-macht/#p-4-3")],
}


@pytest.mark.parametrize("lang", sorted(LANDINGS))
def test_a_result_opens_at_its_paragraph_with_the_words_marked_and_focus_on_it(site_url, browser, lang):
    context = browser.new_context(viewport=VIEWPORTS["mobile"])
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    problems = []
    for n, (query, target) in enumerate(LANDINGS[lang]):
        page.goto(f"{site_url}/{lang}/")
        found = search(page, query, typed=n == 0)  # once key by key on the phone, then pasted
        index = next((i for i, url in enumerate(found) if leads_to(url, lang, target)), None)
        if index is None:
            problems.append(f"{query!r}: no result for {target}")
            continue
        page.locator(SEARCH_RESULT).nth(index).click()
        anchor = target.split("#")[1]
        page.wait_for_selector(f"#{anchor} mark.edition-hit")
        state = page.evaluate("""anchor => { const p = document.getElementById(anchor), box = p.getBoundingClientRect();
            return {focused: document.activeElement === p, top: box.top, bottom: box.bottom,
                    header: document.querySelector('.md-header').getBoundingClientRect().bottom,
                    marks: [...p.querySelectorAll('mark.edition-hit')].map(m => m.textContent)}}""", anchor)
        if not (state["focused"] and state["header"] - 2 <= state["top"] < VIEWPORTS["mobile"]["height"]):
            problems.append(f"{query!r}: paragraph not in view or not focused: {state}")
        words = parse_qs(urlsplit(page.url).query)["h"][0].split()
        if not state["marks"] or not {m.casefold() for m in state["marks"]} <= {w.casefold() for w in words}:
            problems.append(f"{query!r}: marked {state['marks']}, searched {words}")
        page.locator(".edition-hit-note button").click()
        if page.locator("mark.edition-hit").count() or "h=" in page.url:
            problems.append(f"{query!r}: the highlight was not dismissed ({page.url})")
    context.close()
    assert not problems + errors, "\n".join(problems + errors)


def test_the_search_works_with_the_keyboard(site_url, browser):
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    page.goto(f"{site_url}/en/bronnen/")
    page.keyboard.press("/")
    page.wait_for_function("() => document.activeElement.matches('input.md-search__input')")
    assert page.locator("#__search").is_checked(), "the search did not open"
    search(page, "resilience")
    page.keyboard.press("ArrowDown")
    first = page.evaluate("document.activeElement.href")
    assert first == page.locator(SEARCH_RESULT).first.evaluate("a => a.href")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.href") == first
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.matches('input.md-search__input')")
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked(), "Esc did not close the search"
    page.locator(SEARCH_FIELD).focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/begrippen/veerkracht/**")
    context.close()


BAD_INPUT = {"": "Search for a word", " ": "Search for a word", "x" * 500: "long query",
             '<img src=x onerror="alert(1)"> "': "", ".*[(?+\\": "Search for a word",
             "the and of a": "almost every paragraph", "zzzzqqq": "No results"}


def test_bad_input_gets_a_calm_answer_and_no_error(searching):
    page_for, errors = searching
    page = page_for("en")
    for query, says in BAD_INPUT.items():
        search(page, query, typed=False)
        shown = page.locator(".md-search-result").inner_text()
        assert says in shown, f"{query[:40]!r}: {shown[:200]!r}"
    assert page.locator("img[src=x]").count() == 0
    assert not errors, errors


def test_on_a_phone_the_open_search_keeps_the_page_as_wide_as_the_screen(site_url, browser):
    """A phone's browser zooms out to show a page wider than its screen: the results would run off it."""
    context = browser.new_context(viewport=VIEWPORTS["mobile"], is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{site_url}/nl/")
    assert search(page, "omgeving"), "no results to show"
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    context.close()
    assert widths == [VIEWPORTS["mobile"]["width"]] * 2, f"page and window width with the search open: {widths}"
