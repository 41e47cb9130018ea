"""The concept pages in the menu: in the glossary's section, after its index and the map, A–Z
in the edition's language. So the menu links every page of the site (also without
JavaScript), and "next" leads from one concept to the following one.

mkdocs.yml's nav cannot name pages that exist only in the build, so they join the nav when
it is made (the on_nav event). This uses two helpers of MkDocs 1.6.1's nav module (pinned).
"""
from __future__ import annotations

from mkdocs.structure.nav import Navigation, Section, _add_previous_and_next_links, _get_by_type
from mkdocs.structure.pages import Page

from edition.errors import ContentError


def add_to_section(nav: Navigation, files, index_src: str, sources: list[str]) -> None:
    """Append the pages of `sources` to the section whose first page is `index_src`."""
    section = next((s for s in _get_by_type(nav.items, Section)
                    if s.children and isinstance(s.children[0], Page) and s.children[0].file.src_uri == index_src),
                   None)
    if section is None:
        raise ContentError("mkdocs.yml", f"the nav needs a section whose first page is {index_src} "
                                         f"(the glossary's concept pages are added to it)")
    for src in sources:
        page = files.get_file_from_path(src).page
        page.parent = section
        section.children.append(page)
    nav.pages = _get_by_type(nav.items, Page)
    _add_previous_and_next_links(nav.pages)
