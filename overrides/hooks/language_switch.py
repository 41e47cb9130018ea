"""Language switch: per-page selector links, hreflang alternates, sitemaps with hreflang."""
from pathlib import Path

from edition import alternates
from edition.hook_support import docs_root, language, stops_build
from edition.paths import LANGUAGES, SOURCE_LANGUAGE


@stops_build
def on_files(files, config):
    alternates.check_counterparts(docs_root(config), LANGUAGES)
    return files


def on_page_context(context, page, config, nav):
    names = {alt["lang"]: alt["name"] for alt in config["extra"]["alternate"]}
    config["extra"]["alternate"] = alternates.switch_links(page.url, language(config), names)
    return context


def on_post_page(output, page, config):
    root = alternates.edition_root(config["site_url"], language(config))
    return alternates.absolute_head_links(output, root, page.url, SOURCE_LANGUAGE)


@stops_build
def on_post_build(config):
    site = Path(config["site_dir"])
    lang = language(config)
    sitemap = site / "sitemap.xml"
    if sitemap.exists():
        root = alternates.edition_root(config["site_url"], lang)
        sitemap.write_text(alternates.sitemap_with_alternates(
            sitemap.read_text(encoding="utf-8"), root, lang, LANGUAGES), encoding="utf-8")
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
    import gzip
    # mtime=0: the same sitemap gives the same bytes.
    with open(f"{path}.gz", "wb") as raw, gzip.GzipFile(
            filename="", mode="wb", fileobj=raw, mtime=0) as target:
        target.write(path.read_bytes())
