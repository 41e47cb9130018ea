"""The web edition's own page steps: the language links in each page's head and in the
sitemap, Material's bundle without its sitemap lookup, the contents page, what the search
indexes, and Material's markup corrected."""
from __future__ import annotations

import gzip
from pathlib import Path

from edition.pipeline.step import Step
from edition.site import fill_marker
from edition.web import alternates, contents_page, material_markup, search_markup


class LanguageSwitch(Step):
    """hreflang alternates of this very page in <head>; sitemaps with hreflang."""

    def finished(self, page, output):
        root = alternates.edition_root(self.edition.site_url, self.edition.lang)
        return alternates.absolute_head_links(output, root, page.url, self.edition.project.source_language)

    def written(self):
        ed = self.edition
        site = Path(ed.site_dir)
        sitemap = site / "sitemap.xml"
        if sitemap.exists():
            root = alternates.edition_root(ed.site_url, ed.lang)
            sitemap.write_text(alternates.sitemap_with_alternates(
                sitemap.read_text(encoding="utf-8"), root, ed.lang, ed.project.languages), encoding="utf-8")
            _gzip(sitemap)
        for bundle in (site / "assets" / "javascripts").glob("bundle.*.min.js"):
            patched = alternates.disable_material_sitemap_lookup(bundle.read_text(encoding="utf-8"), str(bundle))
            # A new name for new content: the bundle is served with long-lived immutable caching.
            renamed = bundle.with_name(alternates.fingerprinted_name(bundle.name, patched))
            renamed.write_text(patched, encoding="utf-8")
            bundle.unlink()
            for page in site.rglob("*.html"):
                text = page.read_text(encoding="utf-8")
                if bundle.name in text:
                    page.write_text(text.replace(bundle.name, renamed.name), encoding="utf-8")


def _gzip(path: Path) -> None:
    # mtime=0: the same sitemap gives the same bytes.
    with open(f"{path}.gz", "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as target:
        target.write(path.read_bytes())


class ContentsPage(Step):
    """inhoud/: every page with its sections, the way in without searching (contents_page.py)."""

    def generated_pages(self):
        return {contents_page.PAGE: (contents_page.page_markdown(self.edition.strings), False)}

    def late(self, page):
        if page.src != contents_page.PAGE:
            return
        ed = self.edition
        page.content = fill_marker(page.content, contents_page.MARKER, lambda: contents_page.contents_html(
            ed.project.site_config()["nav"], ed.pages, lambda src: ed.href(src, page)), page.path, "the contents")


class SearchMarkup(Step):
    """Pagefind's attributes in the finished page: what is text, its numbers, names' weight."""

    def finished(self, page, output):
        return search_markup.marked(output, self.edition.lang, page.url)


class MaterialMarkup(Step):
    """Material markup that is invalid or unnamed, corrected on every finished page."""

    def finished(self, page, output):
        return material_markup.corrected(output)

    def template(self, name, output):  # the 404 page
        return material_markup.corrected(output)
