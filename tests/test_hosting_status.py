"""Responses by status through nginx: what a cache may keep, and the headers, once each.

An error a cache keeps is served to everyone (a 400 provoked by one odd request, say), so only
successes, redirects and the 404 page may be stored; and nginx can send every add_header twice
on a status it makes in a filter (416), so each header is counted, not just looked for.
"""
from __future__ import annotations

import gzip

import pytest

import nginx_support as nginx
from edition.hosting.csp import PLAIN_POLICY, POLICY_DIR

SHORT = "public, max-age=300"
IMMUTABLE = "public, max-age=31536000, immutable"
MISSING = "public, max-age=60"
NEVER = "no-store"
ONCE = ("content-security-policy", "x-content-type-options", "referrer-policy", "permissions-policy",
        "x-frame-options", "cross-origin-opener-policy", "cross-origin-resource-policy", "cache-control")


def bundle(served) -> str:
    return "/nl/assets/javascripts/" + next((served[0] / "nl/assets/javascripts").glob("bundle.*.min.js")).name


def modified_since(served, path: str) -> dict:
    return {"If-None-Match": nginx.fetch(served[1].origin, path).header("etag")}


# (what, path, request options, status, Cache-Control); options may be a function of `served`.
CASES = [
    ("page", "/nl/", {}, 200, SHORT),
    ("fingerprinted asset", bundle, {}, 200, IMMUTABLE),
    ("not modified", "/nl/", lambda s: {"headers": modified_since(s, "/nl/")}, 304, SHORT),
    ("folder without slash", "/nl/bronnen", {}, 301, SHORT),
    ("root", "/", {}, 302, SHORT),
    ("short address", "/nl/3.4", {}, 302, SHORT),
    ("missing page", "/nl/bestaat-niet/", {}, 404, MISSING),
    ("header too large", "/nl/", {"headers": {"X-Padding": "a" * 10_000}}, 400, NEVER),
    ("method not allowed", "/nl/", {"method": "POST"}, 405, NEVER),
    ("method not allowed, missing path", "/nl/bestaat-niet/", {"method": "DELETE"}, 405, NEVER),
    ("URI too long", "/nl/?" + "q" * 10_000, {}, 414, NEVER),
    ("request body too large", "/nl/", {"body": b"x" * 2_000}, 413, NEVER),
]


@pytest.mark.parametrize("what, path, options, status, cache", CASES, ids=[c[0] for c in CASES])
def test_each_status_is_cached_as_it_should_and_sends_each_header_once(served, what, path, options, status, cache):
    path = path(served) if callable(path) else path
    options = options(served) if callable(options) else options
    response = nginx.fetch(served[1].origin, path, **options)
    assert response.status == status
    assert response.header("cache-control") == cache
    policy = (served[0] / POLICY_DIR / PLAIN_POLICY).read_text(encoding="utf-8").strip()
    assert response.header("content-security-policy") == policy
    twice = {name: response.counts.get(name, 0) for name in ONCE if response.counts.get(name, 0) != 1}
    assert not twice, f"headers not sent exactly once: {twice}"


def test_a_405_names_the_methods_allowed_and_no_other_response_does(served):
    assert nginx.fetch(served[1].origin, "/nl/", method="PUT").header("allow") == "GET, HEAD"
    assert nginx.fetch(served[1].origin, "/nl/").header("allow") == ""
    assert nginx.fetch(served[1].origin, "/nl/", method="HEAD").status == 200


@pytest.mark.parametrize("byte_range", ["bytes=99999999-", "bytes=0-99"])
def test_byte_ranges_are_answered_with_the_whole_file(served, byte_range):
    """nginx would send every header twice on a 416: ranges are off (site.conf, max_ranges 0)."""
    pdf = next(served[0].glob("nl/pdf/*.pdf"))
    response = nginx.fetch(served[1].origin, f"/nl/pdf/{pdf.name}", headers={"Range": byte_range})
    assert (response.status, response.header("content-range")) == (200, "")
    assert response.body == pdf.read_bytes() and not response.header("accept-ranges")


def test_a_gzip_copy_asked_for_by_name_is_typed_as_gzip(served):
    response = nginx.fetch(served[1].origin, "/nl/index.html.gz", headers={"Accept-Encoding": "gzip"})
    assert (response.status, response.header("content-type")) == (200, "application/gzip")
    assert not response.header("content-encoding"), "a .gz file sent as an encoding of itself"
    assert gzip.decompress(response.body) == (served[0] / "nl/index.html").read_bytes()

