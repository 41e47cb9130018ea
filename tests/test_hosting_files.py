"""The files the build writes for the web server, and the faults that stop it."""
from __future__ import annotations

import pytest

from edition.hosting.csp import inline_hashes, sha256_source
from edition.errors import ContentError
from edition.project import LANGUAGES
from edition.hosting.security_txt import write_security_txt
from edition.hosting.source_maps import COMMENT, remove_stale_maps
from edition.project import default_project

PROJECT = default_project()

PAGE = """<!doctype html>
<html lang="nl">
<head><script>var a = 1;</script><style>p{color:red}</style>
<script type="application/json">{"data": true}</script></head>
<body>
<p>tekst</p>
{extra}
</body>
</html>
"""


def test_inline_scripts_and_styles_are_hashed_but_data_blocks_are_not(tmp_path):
    (tmp_path / "index.html").write_text(PAGE.replace("{extra}", ""), encoding="utf-8")
    scripts, styles = inline_hashes(tmp_path)
    assert scripts == [sha256_source("var a = 1;")] and styles == [sha256_source("p{color:red}")]
    # The example of the CSP specification (w3c.github.io/webappsec-csp, "hash-source").
    assert sha256_source("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"


@pytest.mark.parametrize("attribute", ['style="color: red"', 'onclick="go()"', 'href="javascript:go()"'])
def test_an_attribute_the_policy_would_block_stops_the_build(tmp_path, attribute):
    (tmp_path / "nl").mkdir()
    page = tmp_path / "nl" / "index.html"
    page.write_text(PAGE.replace("{extra}", f"<a {attribute}>x</a>"), encoding="utf-8")
    with pytest.raises(ContentError) as error:
        inline_hashes(tmp_path)
    assert str(error.value).startswith(f"{page}:7: <a ")
    assert "Content-Security-Policy blocks" in str(error.value)


@pytest.mark.parametrize("contact", ["", "informatiebeveiliging@delft.nl", "http://www.delft.nl/"])
def test_a_security_contact_that_is_not_a_uri_stops_the_build(tmp_path, contact):
    with pytest.raises(ContentError) as error:
        write_security_txt(tmp_path, {"security_contact": contact}, "https://x.nl/", ["nl"], PROJECT.root / "mkdocs.yml")
    assert str(error.value).startswith(f"{PROJECT.root / 'mkdocs.yml'}: extra.security_contact must be")


def test_security_txt_expires_less_than_a_year_after_the_build_day(tmp_path):
    # 2026-06-01 15:00 UTC, fixed the reproducible-builds way.
    write_security_txt(tmp_path, {"security_contact": "mailto:a@b.nl"}, "https://x.nl/", ["nl", "en"],
                       PROJECT.root / "mkdocs.yml", environ={"SOURCE_DATE_EPOCH": "1780326000"})
    assert (tmp_path / ".well-known" / "security.txt").read_text(encoding="utf-8") == (
        "Contact: mailto:a@b.nl\nExpires: 2027-06-01T00:00:00Z\nPreferred-Languages: nl, en\n"
        "Canonical: https://x.nl/.well-known/security.txt\n")


def test_the_nginx_configuration_and_package_metadata_are_not_published(site):
    for lang in LANGUAGES:
        leaked = [p.name for p in (site / lang).iterdir() if p.name == "hosting" or p.name.endswith(".egg-info")]
        assert not leaked, f"{lang}/: {leaked} copied from overrides/ (hooks/theme_files.py)"


def test_every_source_map_left_is_named_by_its_own_file(site):
    """Material's bundle is patched and renamed by the build: its map no longer describes it."""
    problems = []
    for path in [*site.rglob("*.js"), *site.rglob("*.css")]:
        named = COMMENT.search(path.read_text(encoding="utf-8"))
        if named and (named.group(1) or named.group(2)) != path.name + ".map":
            problems.append(f"{path.relative_to(site)} names {named.group(1) or named.group(2)}")
    for path in site.rglob("*.map"):
        owner = path.with_name(path.name.removesuffix(".map"))
        if not owner.is_file() or path.name not in owner.read_text(encoding="utf-8"):
            problems.append(f"{path.relative_to(site)}: no file names it")
    assert not problems, "\n".join(problems)
    assert not list(site.glob("*/assets/javascripts/bundle.*.map")), "the bundle's map is Material's, not ours"


def test_stale_and_unnamed_maps_are_removed_and_comments_naming_them_too(tmp_path):
    files = {"own.min.js": "a();\n//# sourceMappingURL=own.min.js.map\n", "own.min.js.map": "{}",
             "renamed.5eed5eed.min.js": "b();\n//# sourceMappingURL=renamed.0badcafe.min.js.map",
             "renamed.0badcafe.min.js.map": "{}", "main.min.css": "p{}", "main.min.css.map": "{}",
             "gone.css": "q{}\n/*# sourceMappingURL=gone.css.map */\n"}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert remove_stale_maps(tmp_path) == ["main.min.css.map", "renamed.0badcafe.min.js.map"]
    assert sorted(p.name for p in tmp_path.glob("*.map")) == ["own.min.js.map"]
    assert (tmp_path / "renamed.5eed5eed.min.js").read_text(encoding="utf-8") == "b();\n"
    assert (tmp_path / "gone.css").read_text(encoding="utf-8") == "q{}\n"
    assert (tmp_path / "own.min.js").read_text(encoding="utf-8") == files["own.min.js"]
