"""Citations [@id] link to the sources page, which lists every work from the data."""
from edition import sources
from edition.errors import ContentError
from edition.hook_support import docs_root, fill_marker, language, page_path, relative_url, stops_build

BRONNEN = "bronnen.md"


@stops_build
def on_page_content(html, page, config, files):
    bronnen = files.get_file_from_path(BRONNEN)
    if bronnen is None:
        raise ContentError(f"docs/{language(config)}/{BRONNEN}", "the sources page is missing")
    href = relative_url(bronnen.url, page.url)
    data = docs_root(config) / "data"
    html, _ = sources.link_citations(html, page.file.content_string, page_path(page, config), href,
                                     language(config), data)
    if page.file.src_uri == BRONNEN:
        html = fill_marker(html, sources.BIBLIOGRAPHY_MARKER,
                           lambda: sources.bibliography_html(language(config), data),
                           page_path(page, config), "where the list of sources goes")
        # So that links to bronnen.md#<id> pass MkDocs' anchor validation.
        page.present_anchor_ids.update(sources.load_sources(data))
    return html
