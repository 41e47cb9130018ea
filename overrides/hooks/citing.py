"""Cite and share: the "Cite" panel under the title of each chapter and at the end of the home
page, the data for the copy-link and cite script, and the .bib and .ris files in <edition>/cite/."""
from pathlib import Path

from edition import chapter_header, cite_panel
from edition.chapters import chapter_of, markdown_title
from edition.citation_formats import ANCHOR_TOKEN, EXTENSIONS, NUMBER_TOKEN, Reference, all_formats
from edition.hook_support import docs_root, language, relative_url, stops_build
from edition.publication import load_publication
from edition.strings import interface

CITE_DIR = "cite"
PUBLICATION_FILE = "durf-te-dromen"
_state: dict = {}


@stops_build
def on_config(config):
    _state["publication"] = load_publication(config["site_author"], docs_root(config) / "data")
    _state["files"] = {}
    return config


def _files(name: str, lang: str, formats: dict, page_url: str) -> dict:
    """Register the static .bib and .ris files of one reference; their links from the page."""
    up = relative_url("", page_url)
    links = {}
    for fmt, ext in EXTENSIONS.items():
        _state["files"][f"{name}.{ext}"] = formats[fmt]
        links[fmt] = {"href": f"{up}{CITE_DIR}/{name}.{ext}", "name": f"{PUBLICATION_FILE}-{lang}-{name}.{ext}"
                      if name != PUBLICATION_FILE else f"{PUBLICATION_FILE}-{lang}.{ext}"}
    return links


@stops_build
def on_page_content(html, page, config, files):
    chapter = chapter_of(page.file.src_uri, docs_root(config))
    if chapter is None and not page.is_homepage:
        return html
    lang = language(config)
    strings = interface(lang)
    pub = _state["publication"]
    root = config["site_url"]
    book = markdown_title(docs_root(config) / lang / "index.md")
    key = f"durftedromen{pub.year}-{lang}"
    whole = Reference(lang, book, root, key, pub.publisher)
    whole_formats = all_formats(whole, pub, strings)
    cite = {"publication": {"label": strings["cite_publication"], "formats": whole_formats,
                            "files": _files(PUBLICATION_FILE, lang, whole_formats, page.url)}}
    current = "publication"
    if chapter is not None:
        author = pub.author_of(chapter.src)
        this = Reference(lang, book, root + page.url, f"{key}-{chapter.prefix}", author, page.title)
        paragraph = Reference(lang, book, f"{root}{page.url}#{ANCHOR_TOKEN}", f"{key}-{NUMBER_TOKEN}", author,
                              page.title, NUMBER_TOKEN)
        this_formats = all_formats(this, pub, strings)
        cite["chapter"] = {"label": strings["cite_chapter"].format(title=page.title), "formats": this_formats,
                           "files": _files(chapter.key, lang, this_formats, page.url)}
        cite["paragraph"] = {"label": strings["cite_paragraph"], "formats": all_formats(paragraph, pub, strings),
                             "name": f"{PUBLICATION_FILE}-{lang}-{NUMBER_TOKEN}"}
        current = "chapter"
    shown = cite[current]
    title = "cite_title" if chapter is not None else "cite_title_publication"
    fragment = (cite_panel.panel_html(shown["label"], shown["formats"], shown["files"], strings, title) + "\n"
                + cite_panel.data_block(lang, strings, {**cite, "current": current}))
    # On the home page at the end, after its section on referring and citing: not before the
    # introduction a first-time reader comes for.
    chapter_header.add(page, fragment, at_end=chapter is None)
    return html


def on_post_build(config):
    folder = Path(config["site_dir"]) / CITE_DIR
    folder.mkdir(exist_ok=True)
    for name, text in sorted(_state["files"].items()):
        # RIS wants CRLF line ends; BibTeX does not mind them either way.
        (folder / name).write_bytes(text.replace("\n", "\r\n").encode("utf-8") if name.endswith(".ris")
                                    else text.encode("utf-8"))
