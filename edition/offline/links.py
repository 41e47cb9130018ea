"""The built pages made to work from files (file://), where no server turns a folder's address
into its index.html: every link, source and forwarding (meta refresh) to a folder gets its
index.html (`verkenning/` -> `verkenning/index.html`, `../#p-1-2` -> `../index.html#p-1-2`), and a
link to a page of the site by its full address becomes a relative one.

Left as they are: addresses elsewhere (they are not requests until a reader follows one), and
the site's full address where it names the page rather than leads to it: the canonical and
alternate <link>s, og:url, the structured data and the citations, which must cite the web
address, not a file on someone's laptop.
"""
from __future__ import annotations

import posixpath
import re

# The attributes that lead somewhere; data-contents is the search's way to the contents page.
LINK = re.compile(r'(\s(?:href|src|data-contents)=")([^"]*)(")')
REFRESH = re.compile(r'(\scontent="\d+;\s*url=)([^"]*)(")', re.I)
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
TAG = re.compile(r"<([a-z][a-z0-9-]*)", re.I)
# Tags whose address names the page (rel=canonical, alternate): not followed by a browser.
NAMING_TAGS = {"link"}


def file_url(url: str) -> str:
    """A relative address as it must be among files: a folder's gets its index.html."""
    if not url or url.startswith(("#", "//", "?")) or SCHEME.match(url):
        return url
    path, mark, rest = _split(url)
    if path.endswith("/"):
        path += "index.html"
    elif path in (".", "..") or path.endswith(("/.", "/..")):
        path += "/index.html"
    return path + mark + rest


def _split(url: str) -> tuple[str, str, str]:
    """path, the first of ? or #, and what follows it."""
    cut = min((i for i in (url.find("?"), url.find("#")) if i >= 0), default=len(url))
    return url[:cut], url[cut:cut + 1], url[cut + 1:]


def local(url: str, page: str, site_url: str) -> str:
    """A full address of a page of the site, relative to the page at `page` (a path in the site)."""
    target = url[len(site_url):]
    path, mark, rest = _split(target)
    relative = posixpath.relpath(path or ".", posixpath.dirname(page) or ".")
    if path.endswith("/") or not path:
        relative += "/"
    return relative + mark + rest


def rewrite_page(text: str, page: str, site_url: str) -> str:
    """A built page (at `page`, e.g. "nl/verkenning/inleiding/index.html") for reading from files."""
    def link(match: re.Match) -> str:
        url = match.group(2)
        if site_url and url.startswith(site_url):
            tag = TAG.search(text, text.rfind("<", 0, match.start()))
            if tag and tag.group(1).lower() in NAMING_TAGS:
                return match.group(0)
            url = local(url, page, site_url)
        return match.group(1) + file_url(url) + match.group(3)
    text = LINK.sub(link, text)
    return REFRESH.sub(lambda m: m.group(1) + file_url(m.group(2)) + m.group(3), text)
