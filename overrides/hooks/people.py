"""People and organisations: a generated page with the interviewees, the authors and the
organisations and projects, each with the paragraphs that name them (and the interviewees'
quotes), found in the numbered paragraphs of the text."""
import re
from pathlib import Path

from bs4 import BeautifulSoup
from mkdocs.structure.files import File

from edition import people, people_page
from edition.concept_links import BLOCK_ID
from edition.errors import ContentError
from edition.hook_support import docs_root, fill_marker, language, page_path, relative_url, stops_build
from edition.strings import interface

_state: dict = {}


def _title(path: Path) -> str:
    heading = next(line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("# "))
    return re.sub(r"\s*\{[^}]*\}\s*$", "", heading[2:]).strip()


@stops_build
def on_files(files, config):
    lang, docs = language(config), Path(config["docs_dir"])
    strings = interface(lang)
    source = docs / people.SOURCE_PAGE
    interviewees = people.interviewees(source.read_text(encoding="utf-8"), strings["people_conjunction"],
                                       f"docs/{lang}/{people.SOURCE_PAGE}")
    authors, organisations = people.load_data(docs_root(config) / "data", lang)
    people.name_patterns(interviewees + authors)
    titles = {page: _title(docs / page) for author in authors for page in author.wrote}
    _state.clear()
    _state.update(people=interviewees + authors, interviewees=interviewees, organisations=organisations, chapters={},
                  listed=people_page.with_section(interviewees, authors, organisations))
    files.append(File.generated(config, people.PAGE, content=people_page.page_markdown(
        interviewees, authors, organisations, titles, strings)))
    return files


def on_page_content(html, page, config, files):
    if 'id="p-' not in html:  # no numbered paragraphs: nothing to find
        return html
    soup = BeautifulSoup(html, "html.parser")  # a parse of our own: record_block may change it
    for element in soup.find_all(id=BLOCK_ID):
        chapter, k = BLOCK_ID.match(element["id"]).groups()
        _state["chapters"][chapter] = (page.url, page.title)
        people.record_block(element, f"{chapter}.{k}", _state["people"], _state["organisations"])
    return html


@stops_build
def on_env(env, config, files):
    # Every entry must be found in the text: a name that matches nothing is a typo.
    for entry in _state["interviewees"] + _state["organisations"]:
        if not entry.mentions:
            raise ContentError(f"docs/data/{people.DATA_FILE}", f"'{entry.name}' is named in no numbered "
                                                               f"paragraph of docs/{language(config)}/")
    return env


@stops_build
def on_page_context(context, page, config, nav):
    if page.file.src_uri == people.PAGE:
        strings = interface(language(config))
        for entry in _state["listed"]:
            page.content = fill_marker(page.content, people.MARKER.format(entry.slug), lambda entry=entry:
                                       people_page.entry_html(entry, _state["chapters"], page.url, strings, relative_url),
                                       page_path(page, config), entry.name)
    return context
