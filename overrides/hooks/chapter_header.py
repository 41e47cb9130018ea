"""Writes what the other hooks queued for under a chapter's title into the rendered page
(edition/chapter_header.py says why this late)."""
from edition import chapter_header
from edition.hook_support import page_path, stops_build


@stops_build
def on_post_page(output, page, config):
    return chapter_header.insert(output, getattr(page, chapter_header.ATTRIBUTE, None), page_path(page, config))
