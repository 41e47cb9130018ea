"""The language switch: every page links to the same page in the other language."""
from __future__ import annotations

import re
from pathlib import Path

from edition.errors import ContentError

HEAD_ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="([\w-]+)">')
# Material's bundle fetches the sitemap next to every <link rel=alternate> to map pages
# between languages. Our links already point at the same page, and that fetch would go to
# the production host (or a per-page path that does not exist), so it is switched off.
MATERIAL_ALTERNATE_LOOKUP = 'M("link[rel=alternate]")'
MATERIAL_ALTERNATE_OFF = 'M("link[rel=alternate][data-md-sitemap]")'


def missing_counterparts(docs_root: Path, languages: tuple[str, ...]) -> list[str]:
    """Every page must exist with the same file name in every language."""
    pages = {lang: {p.relative_to(docs_root / lang).as_posix()
                    for p in (docs_root / lang).rglob("*.md")} for lang in languages}
    problems = []
    for lang in languages:
        for other in languages:
            for name in sorted(pages[lang] - pages[other]):
                problems.append(f"docs/{lang}/{name}: no counterpart docs/{other}/{name} "
                                f"(every page needs the same file name in each language)")
    return problems


def check_counterparts(docs_root: Path, languages: tuple[str, ...]) -> None:
    problems = missing_counterparts(docs_root, languages)
    if problems:
        first = problems[0].split(":", 1)[0]
        raise ContentError(first, "missing translation:\n  " + "\n  ".join(problems))


def edition_root(site_url: str, lang: str) -> str:
    """https://host/nl/ -> https://host/"""
    return re.sub(rf"{re.escape(lang)}/?$", "", site_url)


def switch_links(page_url: str, current: str, names: dict[str, str]) -> list[dict]:
    """Links for Material's selector, relative to the edition's root."""
    return [{"name": name, "lang": lang, "current": lang == current,
             "link": (page_url or "./") if lang == current else f"../{lang}/{page_url}"}
            for lang, name in names.items()]


def absolute_head_links(page_html: str, root: str, page_url: str, default: str) -> str:
    """hreflang alternates in <head> as absolute URLs of this very page, plus x-default."""
    def replace(match: re.Match) -> str:
        lang = match.group(1)
        link = f'<link rel="alternate" href="{root}{lang}/{page_url}" hreflang="{lang}">'
        if lang == default:
            link += f'\n    <link rel="alternate" href="{root}{lang}/{page_url}" hreflang="x-default">'
        return link
    return HEAD_ALTERNATE.sub(replace, page_html)


def sitemap_with_alternates(sitemap: str, root: str, current: str, languages: tuple[str, ...]) -> str:
    """Add xhtml:link hreflang entries to each <url> of a language's sitemap."""
    sitemap = sitemap.replace(
        'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"',
        'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml"', 1)

    def add(match: re.Match) -> str:
        location = match.group(1)
        path = location[len(root) + len(current) + 1:] if location.startswith(root) else ""
        links = "".join(f'\n         <xhtml:link rel="alternate" hreflang="{lang}" href="{root}{lang}/{path}"/>'
                        for lang in languages)
        return f"<loc>{location}</loc>{links}"
    return re.sub(r"<loc>([^<]*)</loc>", add, sitemap)


def disable_material_sitemap_lookup(bundle: str, name: str) -> str:
    if bundle.count(MATERIAL_ALTERNATE_LOOKUP) != 1:
        raise ContentError(name, "Material's language lookup was not found once in its bundle: "
                                 "check edition/web/alternates.py against this Material version")
    return bundle.replace(MATERIAL_ALTERNATE_LOOKUP, MATERIAL_ALTERNATE_OFF)


def fingerprinted_name(name: str, content: str) -> str:
    """bundle.a5f9d56c.min.js -> bundle.<hash of the new content>.min.js"""
    import hashlib
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:8]
    stem, _, rest = name.partition(".")
    return f"{stem}.{digest}.{rest.split('.', 1)[1]}"
