"""Privacy: a reader's browser talks to this site only, and keeps no cookie from it."""
import re
from urllib.parse import urlsplit

import pytest

from browser_support import every_html_file
from edition.project import LANGUAGES

pytestmark = pytest.mark.gate("privacy")
# What a page may load from elsewhere: nothing. (Links a reader follows are not requests.)
EXTERNAL_LOAD = re.compile(
    r"""<(?:script|img|iframe|audio|video|source|embed)\b[^>]*\bsrc=["']?(?:https?:)?//"""
    r"""|<link\b(?=[^>]*\brel=["']?(?:stylesheet|preload|prefetch|preconnect|dns-prefetch|modulepreload|icon|manifest))"""
    r"""[^>]*\bhref=["']?(?:https?:)?//""", re.I)
CSS_EXTERNAL = re.compile(r"""(?:@import\s+|url\(\s*)["']?(?:https?:)?//""", re.I)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_request_goes_to_the_local_server(page_audit, site_url, lang):
    """Every page and a search, as the pass of tests/page_audit.py recorded them."""
    visits = page_audit(lang).visits
    local = urlsplit(site_url).netloc
    elsewhere = [f"{v.path}: {r}" for v in visits for r in v.requests
                 if urlsplit(r).scheme in ("http", "https", "ws", "wss") and urlsplit(r).netloc != local]
    odd = [f"{v.path}: {r}" for v in visits for r in v.requests
           if urlsplit(r).scheme not in ("http", "https", "data", "blob")]
    assert sum(len(v.requests) for v in visits) > len(visits)
    searches = [v for v in visits if "(search" in v.path]
    assert searches and all(any("/pagefind/index/" in r for r in v.requests) for v in searches), \
        "the searches were not recorded (their index requests are missing)"
    assert not elsewhere + odd, "requests to other servers:\n" + "\n".join(elsewhere + odd)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_cookie_is_set(page_audit, lang):
    cookies = page_audit(lang).cookies
    assert not cookies, "cookies:\n" + "\n".join(cookies)


def test_no_page_or_stylesheet_loads_a_font_script_or_style_from_elsewhere(site):
    found = []
    for file in every_html_file(site):
        for match in EXTERNAL_LOAD.finditer(file.read_text(encoding="utf-8")):
            found.append(f"{file.relative_to(site)}: {match.group(0)[:120]}")
    for sheet in site.rglob("*.css"):
        for match in CSS_EXTERNAL.finditer(sheet.read_text(encoding="utf-8")):
            found.append(f"{sheet.relative_to(site)}: {match.group(0)}")
    assert not found, "loads from other servers (use system fonts and local files):\n" + "\n".join(found)
