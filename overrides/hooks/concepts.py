"""Concepts: a page per concept, the A–Z glossary and the concept map (generated pages in
begrippen/), concept links in the text checked and marked for the definition popover, and
each concept page's list of the paragraphs that link to it."""
import json
from pathlib import Path

from mkdocs.structure.files import File, InclusionLevel

from edition import concept_links, concept_map, concept_nav, concept_pages, concepts as concept_data
from edition.hook_support import docs_root, fill_marker, language, page_path, relative_url, stops_build
from edition.strings import interface

_state: dict = {}


@stops_build
def on_config(config):
    data = docs_root(config) / "data"
    _state.clear()
    _state.update(concepts=concept_data.load_concepts(data), kinds=concept_data.load_kinds(data),
                  mentions=[], chapters={}, linked={})
    return config


@stops_build
def on_files(files, config):
    concepts, kinds, lang = _state["concepts"], _state["kinds"], language(config)
    strings = interface(lang)
    pages = {concept_pages.INDEX: concept_pages.index_page(concepts, lang, strings),
             concept_pages.MAP: concept_pages.map_page(concepts, kinds, lang, strings)}
    for concept in concepts.values():
        pages[concept_pages.page_of(concept.id)] = concept_pages.concept_page(concept, concepts, kinds, lang, strings)
    for src, content in pages.items():
        # Concept pages join the nav in on_nav (A–Z), not from mkdocs.yml.
        inclusion = InclusionLevel.NOT_IN_NAV if src not in (concept_pages.INDEX, concept_pages.MAP) \
            else InclusionLevel.UNDEFINED
        files.append(File.generated(config, src, content=content, inclusion=inclusion))
    return files


@stops_build
def on_nav(nav, config, files):
    lang = language(config)
    ordered = sorted(_state["concepts"].values(), key=lambda c: c.sort_key(lang))
    concept_nav.add_to_section(nav, files, concept_pages.INDEX, [concept_pages.page_of(c.id) for c in ordered])
    return nav


@stops_build
def on_page_markdown(markdown, page, config, files):
    known = set(_state["concepts"]) | {Path(p).stem for p in (concept_pages.INDEX, concept_pages.MAP)}
    # The file's own text (with its front matter), so that line numbers are the file's.
    concept_links.check_markdown(page.file.content_string, page_path(page, config), known)
    return markdown


@stops_build
def on_page_content(html, page, config, files):
    src, concepts = page.file.src_uri, _state["concepts"]
    # The glossary's own pages show the definitions already: no popovers there; the map gets
    # its popovers once it is drawn (on_page_context).
    if src.startswith(f"{concept_links.FOLDER}/") or f"{concept_links.FOLDER}/" not in html:
        return html
    html, linked, mentions = concept_links.mark_links(html, page.url, concepts)
    _state["linked"][src] = linked
    if mentions:
        _state["chapters"][mentions[0].number.split(".")[0]] = (page.url, page.title)
        _state["mentions"].extend(mentions)
    return html


@stops_build
def on_env(env, config, files):
    # Every page has been read and rendered: each concept must be linked from the text.
    concept_links.check_every_concept_linked(_state["concepts"], _state["mentions"], language(config))
    return env


def _draw_map(page, config):
    """The map and its lists, in the order in which the text first links each concept."""
    lang, kinds = language(config), _state["kinds"]
    strings = interface(lang)
    ordered = concept_pages.in_text_order(_state["concepts"], _state["mentions"])
    href_of = lambda cid: relative_url(f"{concept_links.FOLDER}/{cid}/", page.url)  # noqa: E731
    where = page_path(page, config)
    content = fill_marker(page.content, concept_pages.MAP_MARKER, lambda: concept_map.map_figure(
        concept_map.concept_map_svg(ordered, kinds, lang, href_of, strings["concepts_map_title"]),
        strings["concepts_map_caption"]), where, "the concept map")
    for kind in kinds.values():
        content = fill_marker(content, concept_pages.KIND_MARKER.format(kind.id), lambda kind=kind:
                              concept_pages.kind_list_html(kind, ordered, lang, strings, href_of), where, kind.id)
    page.content, linked, _ = concept_links.mark_links(content, page.url, ordered)
    _state["linked"][page.file.src_uri] = linked


@stops_build
def on_page_context(context, page, config, nav):
    src = page.file.src_uri
    if src == concept_pages.MAP:
        _draw_map(page, config)
    concept_id = Path(src).stem
    if src.startswith(f"{concept_links.FOLDER}/") and concept_id in _state["concepts"]:
        mentions = [m for m in _state["mentions"] if m.concept == concept_id]
        page.content = fill_marker(page.content, concept_pages.MENTIONS_MARKER, lambda: concept_pages.mentions_html(
            mentions, _state["chapters"], page.url, interface(language(config)), relative_url),
            page_path(page, config), "where the essay discusses the concept")
    return context


def on_post_page(output, page, config):
    if page.file.src_uri.startswith(f"{concept_links.FOLDER}/"):
        output = concept_pages.without_orphan_toc_label(output)
    linked = _state["linked"].get(page.file.src_uri)
    if not linked:
        return output
    lang = language(config)
    definitions = concept_links.definitions_html(linked, _state["concepts"], lang,
                                                 interface(lang)["concepts_touch_hint"], concept_data.plain)
    return concept_links.with_definitions(output, definitions)


def on_post_build(config):
    # Read by the tests and the print edition: per concept its definition and mentions.
    table = concept_links.concepts_table(_state["concepts"], _state["mentions"], _state["chapters"], language(config))
    Path(config["site_dir"], "concepts.json").write_text(json.dumps(table, ensure_ascii=False, indent=1),
                                                         encoding="utf-8")
