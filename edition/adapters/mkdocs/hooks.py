"""The MkDocs adapter: MkDocs' events, turned into the stages of edition/pipeline/.

The only module (with nav.py and support.py beside it) that knows MkDocs: moving to another
generator means writing this adapter again for its events; the pipeline and every step stay.
mkdocs.yml registers this file as its one hook.
"""
from __future__ import annotations

from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from mkdocs.structure.files import File, InclusionLevel

from edition.adapters.mkdocs import nav as mkdocs_nav
from edition.adapters.mkdocs.support import language, project_of, stops_build
from edition.pipeline.page import Edition, PageView
from edition.pipeline.steps import Pipeline
from edition.web import alternates
from edition.web.theme_files import is_published, is_used

_build: dict = {}  # this build's pipeline (MkDocs calls hooks as plain functions)


def _pipeline() -> Pipeline:
    return _build["pipeline"]


def _view(page) -> PageView:
    """The page as the steps see it, kept in step with MkDocs' page."""
    view = _pipeline().edition.view(page.file.src_uri, page.url, page.file.content_string, page.meta)
    view.title = page.title
    return view


@stops_build
def on_config(config):
    lang = language(config)
    edition = Edition(project_of(config), lang, config["site_url"], Path(config["site_dir"]),
                      config["site_name"], config["site_author"],
                      drift_is_error=config["extra"].get("drift", "error") != "notice")
    _build["pipeline"] = Pipeline(edition)
    strings = edition.strings
    # Interface text of the theme options we set, in the edition's language.
    light, dark = config["theme"]["palette"]
    light["toggle"]["name"] = strings["palette_to_dark"]
    dark["toggle"]["name"] = strings["palette_to_light"]
    # For templates (the 404 page): the same strings, never an if-language chain.
    config["extra"]["interface"] = strings
    # The search's own (partials/search.html hands them to search.js): not all of them on every page.
    config["extra"]["search_strings"] = {key: text for key, text in strings.items() if key.startswith("search_")}
    _build["languages"] = {alt["lang"]: alt["name"] for alt in config["extra"]["alternate"]}
    return config


@stops_build
def on_files(files, config):
    edition = _pipeline().edition
    # overrides/ is the theme folder: MkDocs would publish everything in it.
    custom_dir = Path(config["theme"].custom_dir).resolve()
    for file in list(files):
        source = file.abs_src_path
        if source and Path(source).resolve().is_relative_to(custom_dir) and not is_published(file.src_uri):
            files.remove(file)
        elif not is_used(file.src_uri):
            files.remove(file)
    alternates.check_counterparts(edition.project.docs, edition.project.languages)
    for src, (content, in_nav_file) in _pipeline().generated_pages().items():
        inclusion = InclusionLevel.UNDEFINED if in_nav_file else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, src, content=content, inclusion=inclusion))
    edition.files = {file.src_uri for file in files.documentation_pages()}
    return files


@stops_build
def on_nav(nav, config, files):
    for index_src, sources in _pipeline().nav_additions():
        mkdocs_nav.add_to_section(nav, files, index_src, sources)
    return nav


@stops_build
def on_page_markdown(markdown, page, config, files):
    return _pipeline().markdown(_view(page), markdown)


@stops_build
def on_page_content(html, page, config, files):
    # A nav section takes the title of its index page, so the nav holds no typed titles.
    parent = page.parent
    if parent is not None and page.file.src_uri.endswith("index.md") and parent.children[0] is page:
        parent.title = page.title
    view = _view(page)
    html = _pipeline().content(view, html)
    view.content = html
    # So that links to these ids (paragraphs, sources) pass MkDocs' anchor validation.
    page.present_anchor_ids.update(view.anchors)
    return html


@stops_build
def on_env(env, config, files):
    _pipeline().all_rendered()
    # Material's templates compiled once, not in every build (compiling them is about a third of
    # the time Jinja takes): Jinja keeps the code by its template's file and source checksum.
    cache = _pipeline().edition.project.root / ".cache" / "jinja"
    cache.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(cache))
    return env


@stops_build
def on_page_context(context, page, config, nav):
    # The language selector links to the same page in the other language.
    config["extra"]["alternate"] = alternates.switch_links(page.url, language(config), _build["languages"])
    view = _view(page)
    view.content = page.content
    _pipeline().late(view)
    page.content = view.content
    return context


@stops_build
def on_post_page(output, page, config):
    return _pipeline().finished(_view(page), output)


@stops_build
def on_post_template(output_content, template_name, config):
    return _pipeline().template(template_name, output_content)


@stops_build
def on_post_build(config):
    _pipeline().written()
