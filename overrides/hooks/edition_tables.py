"""The table of editorial corrections on the page about this edition, from the data."""
from edition import corrections
from edition.errors import ContentError
from edition.hook_support import docs_root, language, relative_url, stops_build
from edition.strings import interface

PAGE = "over-deze-uitgave.md"


@stops_build
def on_page_context(context, page, config, nav):
    if page.file.src_uri != PAGE:
        return context
    if corrections.CORRECTIONS_MARKER not in page.content:
        raise ContentError(f"docs/{language(config)}/{PAGE}",
                           f"the page needs the line {corrections.CORRECTIONS_MARKER}")
    records = corrections.load_corrections(docs_root(config) / "data" / "corrections")
    titles = {p.file.src_uri: p.title for p in nav.pages}
    links = {p.file.src_uri: relative_url(p.url, page.url) for p in nav.pages}
    strings = interface(language(config))
    headers = {key: strings[f"corrections_{key}"] for key in ("where", "page", "original", "corrected", "why")}
    page.content = page.content.replace(
        corrections.CORRECTIONS_MARKER, corrections.corrections_table(records, headers, titles, links, language(config)))
    return context
