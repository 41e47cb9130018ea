"""The web edition's own page steps: pages not to be indexed, the language links in each page's
head and in the sitemap, Material's bundle without its sitemap lookup, the contents page, what
the search indexes, Material's markup corrected, and the inline code's hashes for the CSP."""
from __future__ import annotations

import gzip
from pathlib import Path

from edition.pipeline.step import Step
from edition.hosting import csp
from edition.site import fill_marker
from edition.web import alternates, contents_page, material_markup, robots, search_markup


class NotIndexed(Step):
    """A page whose front matter says `robots: noindex` asks search engines to leave it out, and
    is left out of the sitemap."""

    def __init__(self, edition):
        super().__init__(edition)
        self.unlisted: list[str] = []

    def finished(self, page, output):
        value = page.meta.get("robots")
        if not value:
            return output
        if "noindex" in value:
            self.unlisted.append(self.edition.site_url + page.url)
        return robots.with_robots_meta(output, value)

    def written(self):
        sitemap = Path(self.edition.site_dir) / "sitemap.xml"
        if self.unlisted and sitemap.exists():
            # Before LanguageSwitch adds the alternates and writes its compressed copy.
            sitemap.write_text(robots.without_pages(sitemap.read_text(encoding="utf-8"), self.unlisted),
                               encoding="utf-8")


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


class InlineCodeHashes(Step):
    """The hashes of each finished page's inline scripts and styles, for the Content-Security-
    Policy, collected as the pages are written (hosting/csp.py reads them instead of parsing
    every page again); an attribute the policy would block stops the build, naming the page."""

    def __init__(self, edition):
        super().__init__(edition)
        self.pages: dict[str, dict[str, list[str]]] = {}

    def _collect(self, name: str, where: str, output: str) -> None:
        self.pages[name] = csp.page_hashes(output, where)

    def finished(self, page, output):
        self._collect(csp.page_file(page.url), page.path, output)
        return output

    def template(self, name, output):
        self._collect(name, f"overrides/{name}", output)
        return output

    def written(self):
        # The pages the other steps wrote themselves (concept cards, projector decks, short
        # addresses): read here, in this language's build, rather than one after another by
        # hosting/csp.py once both languages are built. Last in ORDER: every one is written.
        site_dir = Path(self.edition.site_dir)
        for path in sorted(site_dir.rglob("*.html")):
            name = path.relative_to(site_dir).as_posix()
            if name not in self.pages:
                self.pages[name] = csp.page_hashes(path.read_text(encoding="utf-8"), path)
        csp.save_collected(site_dir, self.pages)
