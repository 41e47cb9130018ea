"""The table of editorial corrections on the page about this edition, from the data."""
from edition import corrections
from edition.hook_support import docs_root, fill_marker, language, relative_url, stops_build
from edition.strings import interface

PAGE = "over-deze-uitgave.md"


@stops_build
def on_page_context(context, page, config, nav):
    if page.file.src_uri != PAGE:
        return context
    records = corrections.load_corrections(docs_root(config) / "data" / "corrections")
    titles = {p.file.src_uri: p.title for p in nav.pages}
    links = {p.file.src_uri: relative_url(p.url, page.url) for p in nav.pages}
    strings = interface(language(config))
    headers = {key: strings[f"corrections_{key}"] for key in ("where", "page", "original", "corrected", "why")}
    page.content = fill_marker(
        page.content, corrections.CORRECTIONS_MARKER,
        lambda: corrections.corrections_table(records, headers, titles, links, language(config)),
        f"docs/{language(config)}/{PAGE}", "where the table of corrections goes")
    return context
