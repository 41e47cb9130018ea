"""The built site through nginx with overrides/hosting/ (tests/nginx_support.py starts it and
deploys the build as its first release).

Block 3 of nginx.conf (the plain HTTP origin) serves the tests; block 2 (TLS) is checked for HSTS
and block 1 for the redirect to HTTPS. Responses by status: test_hosting_status.py; limits:
test_hosting_limits.py; deployments: test_deploy.py.
"""
from __future__ import annotations

import gzip
import re
from datetime import datetime, timedelta, timezone

import pytest

import nginx_support as nginx
from browser_support import sitemap_paths
from edition.hosting.csp import PLAIN_POLICY, POLICY_DIR
from edition.project import LANGUAGES
from edition.hosting.precompress import SUFFIXES
from edition.build import DEFAULT_SITE_URL
from edition.project import default_project

PROJECT = default_project()

SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}
SHORT = "public, max-age=300"
IMMUTABLE = "public, max-age=31536000, immutable"
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(css|js)$")


def get(served, path, **options) -> nginx.Response:
    return nginx.fetch(served[1].origin, path, **options)


def policy(served) -> str:
    return (served[0] / POLICY_DIR / PLAIN_POLICY).read_text(encoding="utf-8").strip()


def pdfs(served) -> list[str]:
    return sorted(p.relative_to(served[0]).as_posix() for p in served[0].glob("*/pdf/*.pdf"))


def test_nginx_accepts_the_configuration(served):
    result = nginx.check(served[2])
    assert result.returncode == 0 and "test is successful" in result.stderr, result.stderr
    assert "[warn]" not in result.stderr, f"nginx -t warns:\n{result.stderr}"


def test_root_sends_readers_to_the_dutch_edition(served):
    response = get(served, "/")
    assert (response.status, response.header("location")) == (302, "/nl/")


def test_every_page_of_both_sitemaps_is_served(served):
    failures = [f"/{path}: {status}" for lang in LANGUAGES for path in sitemap_paths(served[0], lang)
                if (status := get(served, f"/{path}").status) != 200]
    assert not failures, "pages not served:\n" + "\n".join(failures)


@pytest.mark.parametrize("path, lang", [("/nl/bestaat-niet/", "nl"), ("/en/does-not-exist/", "en"),
                                        ("/nl/verkenning/x.html", "nl"), ("/no-prefix", "nl")])
def test_a_missing_page_gets_its_languages_404_page(served, path, lang):
    response = get(served, path)
    page = (served[0] / lang / "404.html").read_bytes()
    assert response.status == 404
    assert response.body == page, f"{path} did not get {lang}/404.html"
    assert f'<html lang="{lang}"'.encode() in page


def test_a_directory_without_index_is_neither_listed_nor_revealed(served):
    folders = [f for f in (served[0] / "nl").rglob("*") if f.is_dir() and not (f / "index.html").exists()]
    assert folders, "the site has no folder without index.html to try"
    for folder in folders:
        response = get(served, "/" + folder.relative_to(served[0]).as_posix() + "/")
        assert response.status == 404 and b"Index of" not in response.body, folder


def test_a_folder_without_its_slash_is_redirected_to_it(served):
    response = get(served, "/nl/bronnen")
    assert (response.status, response.header("location")) == (301, "/nl/bronnen/")


def test_the_server_files_of_the_build_are_not_served(served):
    assert get(served, f"/{POLICY_DIR}/csp.conf").status == 404


def header_problems(path: str, response: nginx.Response, expected_policy: str) -> list[str]:
    problems = [f"{path}: {name} is {response.header(name)!r}, expected {value!r}"
                for name, value in SECURITY_HEADERS.items() if response.header(name) != value]
    if response.header("content-security-policy") != expected_policy:
        problems.append(f"{path}: Content-Security-Policy differs from the build's {PLAIN_POLICY}")
    if not response.header("permissions-policy").startswith("accelerometer=()"):
        problems.append(f"{path}: Permissions-Policy is {response.header('permissions-policy')!r}")
    if response.header("server") != "nginx":
        problems.append(f"{path}: Server header {response.header('server')!r} (server_tokens off?)")
    if response.header("strict-transport-security"):
        problems.append(f"{path}: HSTS on plain HTTP (RFC 6797 forbids it)")
    return problems


def test_every_kind_of_response_has_the_security_headers(served):
    paths = ["/", "/nl/", "/en/verkenning/inleiding/", "/nl/bronnen", "/en/nope",
             "/nl/assets/stylesheets/edition.css", "/.well-known/security.txt", *map("/{}".format, pdfs(served))]
    paths += ["/nl/assets/javascripts/" + p.name for p in (served[0] / "nl/assets/javascripts").glob("bundle.*.js")]
    problems = [p for path in paths for p in header_problems(path, get(served, path), policy(served))]
    assert not problems, "\n".join(problems)


def test_the_policy_allows_only_the_sites_origin_and_hashed_inline_code(served):
    directives = dict(d.strip().split(" ", 1) for d in policy(served).split(";"))
    tokens = policy(served).replace(";", " ").split()
    assert "'unsafe-inline'" not in tokens and "'unsafe-eval'" not in tokens and "'unsafe-hashes'" not in tokens
    for name in ("default-src", "script-src", "style-src", "connect-src", "font-src"):
        sources = [s for s in directives[name].split() if not (name == "script-src" and s == "'wasm-unsafe-eval'")]
        assert sources[0] == "'self'" and all(s.startswith("'sha256-") for s in sources[1:]), name
    # The search's WebAssembly needs 'wasm-unsafe-eval', and only that; it runs without a worker.
    assert "'wasm-unsafe-eval'" in directives["script-src"].split() and directives["worker-src"] == "'none'"
    assert (directives["frame-ancestors"], directives["object-src"]) == ("'none'", "'none'")
    assert directives["script-src"].count("sha256-") >= 2, "Material's inline scripts were not hashed"


def test_the_tls_block_sends_hsts_and_the_same_headers(served):
    response = nginx.fetch(served[1].tls, "/nl/", tls=True)
    assert response.status == 200
    assert response.header("strict-transport-security") == "max-age=31536000; includeSubDomains"
    assert response.header("content-security-policy") == policy(served)


def test_public_plain_http_is_redirected_to_https(served):
    response = nginx.fetch(served[1].redirect, "/nl/bronnen/?q=1")
    assert response.status == 301
    assert response.header("location") == "https://durftedromen.delft.nl/nl/bronnen/?q=1"


def text_files(root):
    return [p for p in root.rglob("*") if p.suffix in SUFFIXES and POLICY_DIR not in p.parts and p.is_file()]


def test_every_text_file_has_a_deterministic_gzip_copy_unless_that_is_not_smaller(site):
    problems = []
    for path in text_files(site):
        packed = path.with_name(path.name + ".gz")
        if not packed.exists():
            if len(gzip.compress(path.read_bytes(), mtime=0)) < path.stat().st_size:
                problems.append(f"{path.relative_to(site)}: no .gz")
            continue
        data = packed.read_bytes()
        if gzip.decompress(data) != path.read_bytes():
            problems.append(f"{path.relative_to(site)}.gz is not the file")
        if data[4:8] != b"\0\0\0\0" or data[3] & 0x08:  # MTIME 0, no FNAME
            problems.append(f"{path.relative_to(site)}.gz has a time or a name in its header")
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("path", ["/nl/", "/en/pagefind/search.json", "/nl/sitemap.xml",
                                  "/nl/assets/stylesheets/edition.css", "/en/assets/javascripts/edition.js"])
def test_gzip_static_sends_the_precompressed_file(served, path):
    on_disk = served[0] / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))
    zipped = get(served, path, headers={"Accept-Encoding": "gzip"})
    assert zipped.header("content-encoding") == "gzip" and "Accept-Encoding" in zipped.header("vary")
    assert zipped.body == on_disk.with_name(on_disk.name + ".gz").read_bytes(), "not the .gz file"
    plain = get(served, path)
    assert not plain.header("content-encoding") and plain.body == on_disk.read_bytes()


def test_text_without_a_gzip_copy_is_compressed_on_the_fly(served):
    response = get(served, "/nl/gzip-probe.css", headers={"Accept-Encoding": "gzip"})
    assert response.header("content-encoding") == "gzip"
    assert gzip.decompress(response.body) == (served[0] / "nl/gzip-probe.css").read_bytes()


def test_fingerprinted_assets_are_cached_for_a_year_and_the_rest_briefly(served):
    page = (served[0] / "nl" / "index.html").read_text(encoding="utf-8")
    referenced = sorted(set(re.findall(r'(?:src|href)="([^"]+\.(?:css|js))"', page)))
    fingerprinted = [r for r in referenced if FINGERPRINTED.search(r)]
    assert len(fingerprinted) >= 2, referenced
    long = [f"/nl/{r}" for r in fingerprinted]
    short = [f"/nl/{r}" for r in referenced if r not in fingerprinted]
    short += ["/nl/", "/en/bronnen/", "/nl/pagefind/pagefind.js", "/en/sitemap.xml", "/nl/paragraphs.json",
              "/.well-known/security.txt", *map("/{}".format, pdfs(served))]
    wrong = [f"{path}: {got!r}" for paths, expected in ((long, IMMUTABLE), (short, SHORT))
             for path in paths if (got := get(served, path).header("cache-control")) != expected]
    assert not wrong, "Cache-Control:\n" + "\n".join(wrong)


def test_pdfs_are_served_as_pdf_uncompressed(served):
    if not pdfs(served):
        pytest.skip("the build writes no PDFs yet")
    for path in pdfs(served):
        response = get(served, "/" + path, headers={"Accept-Encoding": "gzip"})
        assert response.status == 200 and response.header("content-type") == "application/pdf", path
        assert not response.header("content-encoding"), f"{path} is compressed twice"


def test_epubs_are_served_as_epub(served):
    for lang in LANGUAGES:
        response = get(served, f"/{lang}/{PROJECT.print_settings().epub_file}", headers={"Accept-Encoding": "gzip"})
        assert (response.status, response.header("content-type")) == (200, "application/epub+zip"), lang


def test_security_txt_is_served_with_contact_expiry_languages_and_canonical(served):
    response = get(served, "/.well-known/security.txt")
    assert (response.status, response.header("content-type")) == (200, "text/plain; charset=utf-8")
    fields = dict(line.split(": ", 1) for line in response.body.decode().splitlines())
    config = PROJECT.site_config()
    assert fields["Contact"] == config["extra"]["security_contact"]
    assert fields["Preferred-Languages"] == ", ".join(a["lang"] for a in config["extra"]["alternate"])
    assert fields["Canonical"] == f"{DEFAULT_SITE_URL}.well-known/security.txt"
    expires = datetime.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    now = datetime.now(timezone.utc)
    assert now + timedelta(days=364) < expires <= now + timedelta(days=365), fields["Expires"]
