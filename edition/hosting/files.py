"""What a web server needs besides the pages: the last step of every build.

security.txt and the source maps first and the pre-compressed copies last, so that the .gz files
cover every text file as it is served, the generated ones included. See overrides/hosting/ for the nginx configuration.
"""
from __future__ import annotations

from pathlib import Path

from edition.hosting.csp import write_policy
from edition.hosting.precompress import precompress
from edition.hosting.security_txt import write_security_txt
from edition.hosting.source_maps import remove_stale_maps


def write_hosting_files(site: Path, config: dict, site_url: str, config_file: Path,
                        compressed: dict[str, tuple[str, int | None]] | None = None,
                        gzip_cache: Path | None = None) -> dict:
    """security.txt, no stale source maps, the Content-Security-Policy include, then file.gz
    (`compressed`, `gzip_cache`: the files the languages' builds compressed already and the
    copies made before, see precompress)."""
    languages = [alt["lang"] for alt in config["extra"]["alternate"]]
    write_security_txt(site, config["extra"], site_url, languages, config_file)
    stale_maps = remove_stale_maps(site)
    policy = write_policy(site)
    totals = precompress(site, compressed, gzip_cache)
    del totals["done"]
    return {"content_security_policy": policy, "stale_source_maps": stale_maps, "precompressed": totals}
