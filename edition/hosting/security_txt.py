"""/.well-known/security.txt (RFC 9116), on the Dutch list of mandatory open standards.

The one place where the build reads the clock: the file must say when it expires, and RFC 9116
recommends less than a year ahead. The expiry is midnight (UTC) at the start of the build day plus
365 days, so a build is the same all day, and always less than a year ahead of the build.
SOURCE_DATE_EPOCH (the reproducible-builds convention) fixes the build day when set.
A deployed site must therefore be rebuilt and redeployed at least once a year.
"""
from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

from edition.errors import ContentError

LOCATION = ".well-known/security.txt"
CONTACT_SCHEMES = ("mailto:", "https://", "tel:")


def build_day(environ=os.environ) -> datetime:
    if environ.get("SOURCE_DATE_EPOCH"):
        moment = datetime.fromtimestamp(int(environ["SOURCE_DATE_EPOCH"]), timezone.utc)
    else:
        moment = datetime.now(timezone.utc)
    return moment.replace(hour=0, minute=0, second=0, microsecond=0)


def security_txt(contact: str, site_url: str, languages: list[str], day: datetime) -> str:
    expires = (day + timedelta(days=365)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return "".join([
        f"Contact: {contact}\n",
        f"Expires: {expires}\n",
        f"Preferred-Languages: {', '.join(languages)}\n",
        f"Canonical: {site_url}{LOCATION}\n",
    ])


def write_security_txt(site: Path, extra: dict, site_url: str, languages: list[str],
                       config: Path, environ=os.environ) -> Path:
    """Write site/.well-known/security.txt with the contact in mkdocs.yml (extra.security_contact)."""
    contact = str(extra.get("security_contact") or "")
    if not contact.startswith(CONTACT_SCHEMES):
        raise ContentError(config, "extra.security_contact must be a mailto:, https:// or tel: URI "
                           f"(RFC 9116 Contact), found {contact!r}")
    target = site / LOCATION
    target.parent.mkdir(exist_ok=True)
    target.write_text(security_txt(contact, site_url, languages, build_day(environ)), encoding="utf-8")
    return target
