"""Release folders on the server: what scripts/deploy lays out, switches between and prunes.

    WWW/releases/<id>/          one build as scripts/build.py wrote it, never changed after
    CONF/releases/<id>.conf     that release's nginx lines: its root and its Content-Security-Policy
    CONF/release.conf           the one symlink that nginx includes: -> releases/<id>.conf

WWW is the web root's parent (/var/www/durftedromen), CONF the configuration folder
(/etc/nginx/durftedromen). The configuration of a release stays with nginx's, root's to write,
while the web folder holds pages only: whoever may write the pages cannot change the server.

A release is checked before it can be served: the pages a server needs are there and its policy
is the one its own pages need (edition/hosting/csp.py), so a stale, empty or missing policy is
refused instead of breaking search and the palette switch, or of going out with no policy at all.
"""
from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from edition.errors import ContentError
from edition.hosting.csp import COLLECTED, NGINX_INCLUDE, POLICY_DIR, inline_hashes, nginx_directive, policy
from edition.hosting.redirects import RedirectError, forwards, nginx_locations

RELEASES = "releases"
SWITCH = "release.conf"  # the symlink in CONF that nginx.conf (site.conf) includes
CARRIED = "carried-over.txt"  # in <release>/.hosting/: the files kept from the release before
# Files a server needs in every release: the root page and each language's 404 page.
REQUIRED = ("index.html", "nl/index.html", "en/index.html", "nl/404.html", "en/404.html")
# Material's fingerprinted files: a page still in a browser's cache (up to five minutes) may ask
# for the previous release's; they are carried over for one release (cf. rsync's protect).
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(css|js)(\.map)?(\.gz)?$")


class ReleaseError(Exception):
    """A release that must not be served, or a switch that cannot be made: nothing changed."""


@dataclass(frozen=True)
class Layout:
    www: Path
    conf: Path

    @property
    def switch(self) -> Path:
        return self.conf / SWITCH

    def folder(self, release: str) -> Path:
        return self.www / RELEASES / release

    def config(self, release: str) -> Path:
        return self.conf / RELEASES / f"{release}.conf"

    def releases(self) -> list[str]:
        """Complete releases (folder and configuration), oldest first: ids sort by time."""
        folders = self.www / RELEASES
        if not folders.is_dir():
            return []
        return sorted(p.name for p in folders.iterdir()
                      if p.is_dir() and not p.name.startswith(".") and self.config(p.name).is_file())

    def current(self) -> str | None:
        if not self.switch.is_symlink():
            return None
        return Path(os.readlink(self.switch)).name.removesuffix(".conf")


def check_policy(folder: Path) -> str:
    """The release's policy, after checking that its nginx include is the one its pages need."""
    include = folder / POLICY_DIR / NGINX_INCLUDE
    if not include.is_file():
        raise ReleaseError(f"{include}: missing: the build writes it (scripts/build.py); deploy a whole build")
    notes = sorted(folder.glob(f"*/{COLLECTED}"))
    if notes:  # the build's own record of the hashes: the check reads the pages themselves
        raise ReleaseError(f"{notes[0]}: the build's working notes are still there: not a finished build")
    directives = [line.strip() for line in include.read_text(encoding="utf-8").splitlines()
                  if line.strip() and not line.lstrip().startswith("#")]
    if not directives:
        raise ReleaseError(f"{include}: empty: the site would go out without a Content-Security-Policy")
    try:
        needed = policy(*inline_hashes(folder))
    except ContentError as error:
        raise ReleaseError(f"a page the policy would break: {error}") from error
    if directives != [nginx_directive(needed).strip()]:
        raise ReleaseError(f"{include}: does not match the inline scripts and styles of the pages beside it "
                           "(a policy from another build?): browsers would block them; rebuild and deploy "
                           "the build as a whole")
    return needed


def check_release(folder: Path) -> str:
    missing = [name for name in REQUIRED if not (folder / name).is_file()]
    if missing:
        raise ReleaseError(f"{folder}: not a built site, missing {', '.join(missing)}")
    return check_policy(folder)


def new_id(layout: Layout, now: datetime | None = None) -> str:
    """A UTC timestamp, so that ids sort by time; a suffix if one is taken in the same second."""
    base = (now or datetime.now(timezone.utc)).strftime("%Y%m%dT%H%M%SZ")
    folders = layout.www / RELEASES
    taken = {p.name.removeprefix(".").removesuffix(".partial") for p in folders.iterdir()} if folders.is_dir() else set()
    release, n = base, 1
    while release in taken:
        n += 1
        release = f"{base}-{n}"
    return release


def carry_over(previous: Path, folder: Path) -> list[str]:
    """Link the previous release's own fingerprinted files that this one lacks into it."""
    already = previous / POLICY_DIR / CARRIED
    inherited = set(already.read_text(encoding="utf-8").split()) if already.is_file() else set()
    carried = []
    for path in sorted(previous.glob("*/assets/**/*")):
        name = path.relative_to(previous).as_posix()
        target = folder / name
        if path.is_file() and FINGERPRINTED.search(path.name) and name not in inherited and not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(path, target)  # same file system: no copy
            except OSError:
                shutil.copy2(path, target)
            carried.append(name)
    (folder / POLICY_DIR / CARRIED).write_text("".join(f"{name}\n" for name in carried), encoding="utf-8")
    return carried


def short_address_redirects(folder: Path) -> str:
    """The nginx locations of the release's short addresses (redirects.py)."""
    languages = sorted(page.parent.name for page in folder.glob("*/404.html"))
    try:
        return nginx_locations(forwards(folder, languages))
    except RedirectError as error:
        raise ReleaseError(f"{folder}: {error}") from error


def release_config(folder: Path, site_policy: str, redirects: str) -> str:
    return (f"# Release {folder.name}, written by scripts/deploy: do not edit. nginx.conf includes it through\n"
            f"# {SWITCH}; the policy is the one made for these pages (edition/hosting/csp.py), the\n"
            f"# redirects those of its short addresses (edition/hosting/redirects.py).\n"
            f'root "{folder}";\n' + nginx_directive(site_policy) + redirects)


def upload(layout: Layout, site: Path) -> tuple[str, str]:
    """Copy the build into a new release folder and check it there; return (id, policy).

    The copy is made under a hidden name and renamed when complete, so no half-copied release
    is ever listed; a release that fails its check is removed again.
    """
    if not site.is_dir():
        raise ReleaseError(f"{site}: no such folder: build the site first (scripts/build.py)")
    if '"' in str(layout.www) or "\\" in str(layout.www):
        raise ReleaseError(f"{layout.www}: cannot be quoted for nginx's root")
    release = new_id(layout)
    partial = layout.www / RELEASES / f".{release}.partial"
    partial.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(site, partial, symlinks=False)
    try:
        site_policy = check_release(partial)
        redirects = short_address_redirects(partial)
        current = layout.current()
        if current and layout.folder(current).is_dir():
            carry_over(layout.folder(current), partial)
    except BaseException:
        shutil.rmtree(partial)
        raise
    partial.rename(layout.folder(release))
    config = layout.config(release)
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(release_config(layout.folder(release), site_policy, redirects), encoding="utf-8")
    return release, site_policy


def switch_to(layout: Layout, release: str) -> str | None:
    """Point release.conf at the release in one rename (atomic); return the release it pointed at."""
    previous = layout.current()
    temporary = layout.conf / f".{SWITCH}.new"
    temporary.unlink(missing_ok=True)
    temporary.symlink_to(Path(RELEASES) / f"{release}.conf")
    os.replace(temporary, layout.switch)
    return previous


def switch_back(layout: Layout, previous: str | None) -> None:
    if previous:
        switch_to(layout, previous)
    else:
        layout.switch.unlink(missing_ok=True)


def remove(layout: Layout, release: str) -> None:
    layout.config(release).unlink(missing_ok=True)
    shutil.rmtree(layout.folder(release), ignore_errors=True)


def prune(layout: Layout, keep: int) -> list[str]:
    """Remove all but the newest `keep` releases; never the one being served."""
    releases, current = layout.releases(), layout.current()
    old = [r for r in releases[:-keep] if r != current] if keep > 0 else []
    for release in old:
        remove(layout, release)
    return old


def previous_release(layout: Layout) -> str:
    releases, current = layout.releases(), layout.current()
    if current not in releases:
        raise ReleaseError(f"{layout.switch}: no release is being served; nothing to roll back")
    index = releases.index(current)
    if index == 0:
        raise ReleaseError(f"release {current} is the oldest kept: there is none before it")
    return releases[index - 1]
