"""The numbered blocks of the source language, from its Markdown: what a translation translates.

A translation's drift check compares its record with these, and the termbase check compares
each translated block (and footnote) with them. They are rendered here, from the source files
and with the same Markdown extensions and text steps as the web build (footnote numbers,
citations, paragraph numbers), so a translation can be built without the source language's
build, at the same time as it. tests/test_english_edition.py checks that they equal the blocks
of the built source edition.
"""
from __future__ import annotations

import markdown

from edition.site import split_front_matter
from edition.text import footnotes, paragraphs, sources


def render(project, text: str) -> str:
    """A page's Markdown (front matter removed) as the web build renders its text."""
    extensions = project.site_config()["markdown_extensions"]
    converter = markdown.Markdown(extensions=list(extensions),
                                  extension_configs={name: config for name, config in extensions.items() if config})
    return converter.convert(split_front_matter(text)[0])


def _numbered_pages(project) -> dict[str, tuple[str, list[paragraphs.Block]]]:
    """Per chapter of the source language (its src), its numbered HTML and blocks (rendered once
    per project: drift and the termbase both read them)."""
    def render_all():
        lang = project.source_language
        strings, works = project.strings(lang), project.sources()
        found = {}
        for chapter in project.chapters():
            text = (project.content(lang) / chapter.src).read_text(encoding="utf-8")
            html, _ = footnotes.restore_numbers(render(project, text), strings["footnote_back"])
            html, _ = sources.link_citations(html, text, f"docs/{lang}/{chapter.src}", "", strings, works)
            found[chapter.src] = paragraphs.number_blocks(html, chapter.prefix, strings["paragraph"])
        return found
    return project.once("source-pages", render_all)


def source_blocks(project) -> dict[str, list[paragraphs.Block]]:
    """Per chapter of the source language (its src), its numbered blocks."""
    return {src: blocks for src, (_, blocks) in _numbered_pages(project).items()}


def source_places(project) -> dict[str, dict[str, str]]:
    """Per chapter, the text of each numbered block ("4.3") and footnote ("[^7]"), in order."""
    return project.once("source-places", lambda: {
        src: {**{block.number: block.text for block in blocks}, **footnotes.note_texts(html)}
        for src, (html, blocks) in _numbered_pages(project).items()})


def source_fingerprints(project) -> dict[str, dict[str, str]]:
    """page -> number -> fingerprint of the source language's blocks (what drift compares)."""
    return project.once("source-fingerprints", lambda: {
        src: {block.number: block.fingerprint for block in blocks} for src, blocks in source_blocks(project).items()})
