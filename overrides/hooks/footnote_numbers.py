"""Footnotes show the printed numbers (1-19) and every call has its note."""
from edition import footnotes
from edition.hook_support import language, page_path, stops_build
from edition.strings import interface


@stops_build
def on_page_content(html, page, config, files):
    if "[^" not in page.file.content_string:  # no footnote: nothing to check or renumber
        return html
    footnotes.check_calls(page.file.content_string, html, page_path(page, config))
    html, _ = footnotes.restore_numbers(html, interface(language(config))["footnote_back"])
    return html
