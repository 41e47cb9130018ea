"""The accessibility statement shows the facts of the last recorded run of the quality gates."""
from edition import accessibility_run
from edition.hook_support import docs_root, language, page_path, stops_build
from edition.strings import interface

PAGE = "toegankelijkheid.md"


@stops_build
def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri != PAGE:
        return markdown
    run = accessibility_run.load_run(docs_root(config) / "data")
    return accessibility_run.render(markdown, run, language(config), interface(language(config)),
                                    page_path(page, config))
