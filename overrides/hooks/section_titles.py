"""A nav section takes the title of its index page, so the nav holds no typed titles."""


def on_page_content(html, page, config, files):
    parent = page.parent
    if parent is not None and page.file.src_uri.endswith("index.md") and parent.children[0] is page:
        parent.title = page.title
    return html
