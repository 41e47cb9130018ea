"""Under each chapter's title its reading time and plain-language summary; the page "In het kort"."""
import html as markup

from edition import chapter_header, reading_time, summaries
from edition.errors import ContentError
from edition.hook_support import docs_root, fill_marker, language, page_path, relative_url, stops_build
from edition.strings import interface

_state: dict = {}


@stops_build
def on_config(config):
    _state["summaries"] = summaries.load_summaries(docs_root(config) / "data", docs_root(config))
    return config


@stops_build
def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri != summaries.BRIEF_PAGE:
        return markdown
    lang = language(config)
    return fill_marker(markdown, summaries.BRIEF_MARKER, lambda: summaries.brief_markdown(
        lang, docs_root(config), _state["summaries"], interface(lang)),
        page_path(page, config), "where the summaries go")


@stops_build
def on_page_content(html, page, config, files):
    summary = _state["summaries"].get(page.file.src_uri)
    if summary is None:
        return html
    lang = language(config)
    strings = interface(lang)
    brief = files.get_file_from_path(summaries.BRIEF_PAGE)
    if brief is None:
        raise ContentError(f"docs/{lang}/{summaries.BRIEF_PAGE}", "the page that collects the summaries is missing")
    fragment = (f'<p class="edition-reading-time">{markup.escape(reading_time.label(reading_time.words(html), strings))}</p>\n'
                + summaries.summary_details(summary.texts[lang], strings, relative_url(brief.url, page.url)))
    chapter_header.add(page, fragment)
    return html
