"""What a web server needs besides the pages: the last step of every build.

security.txt first and the pre-compressed copies last, so that the .gz files cover every text
file, the generated ones included. See overrides/hosting/ for the nginx configuration.
"""
from __future__ import annotations

from pathlib import Path

from edition.hosting.csp import write_policy
from edition.hosting.precompress import precompress
from edition.hosting.security_txt import write_security_txt


def write_hosting_files(site: Path, config: dict, site_url: str, config_file: Path) -> dict:
    """security.txt, the Content-Security-Policy include, then file.gz for the text files."""
    languages = [alt["lang"] for alt in config["extra"]["alternate"]]
    write_security_txt(site, config["extra"], site_url, languages, config_file)
    policy = write_policy(site)
    return {"content_security_policy": policy, "precompressed": precompress(site)}
