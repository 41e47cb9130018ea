"""Each page's description, Open Graph tags and JSON-LD, put on the page for overrides/main.html."""
import html

from edition import page_metadata as metadata
from edition import summaries
from edition.alternates import edition_root
from edition.chapters import markdown_title
from edition.hook_support import docs_root, language, stops_build
from edition.paths import LANGUAGES, SOURCE_LANGUAGE
from edition.print_settings import load_print_settings
from edition.publication import load_publication
from edition.strings import interface

_state: dict = {}


@stops_build
def on_config(config):
    data = docs_root(config) / "data"
    _state.update(summaries=summaries.load_summaries(data, docs_root(config)),
                  publication=load_publication(config["site_author"], data),
                  settings=load_print_settings(data))
    return config


@stops_build
def on_page_context(context, page, config, nav):
    lang = language(config)
    pub, settings = _state["publication"], _state["settings"]
    summary = _state["summaries"].get(page.file.src_uri)
    # The page's own description as written; a derived one shortened.
    description = page.meta.get("description") or metadata.shorten(
        (summary and summaries.first_sentences(summary.texts[lang]))
        or metadata.first_paragraph(page.content or "") or page.title)
    author = pub.author_of(page.file.src_uri)
    # Material writes these two into <meta> as they are: escape them here.
    page.meta["description"] = html.escape(description)
    if author.is_person:
        page.meta["author"] = html.escape(author.name)
    root = edition_root(config["site_url"], lang)
    url = page.canonical_url
    others = [other for other in LANGUAGES if other != lang]
    # The pages that are ours rather than the brochure's (print.yml: web_only) carry this edition's date.
    published = settings.edition_date.isoformat() if page.file.src_uri in settings.web_only else pub.date
    original = None
    if lang != SOURCE_LANGUAGE:
        original = {"url": f"{root}{SOURCE_LANGUAGE}/{page.url}", "inLanguage": SOURCE_LANGUAGE}
    page.meta["edition_metadata"] = {
        "open_graph": metadata.open_graph(page.title, description, url, interface(lang)["locale"],
                                          [interface(other)["locale"] for other in others], config["site_name"]),
        "json_ld": metadata.json_ld(
            title=page.title, description=description, url=url, lang=lang, author=author, pub=pub,
            book=markdown_title(docs_root(config) / lang / "index.md"), book_url=f"{root}{lang}/",
            published=published, original=original),
    }
    return context
