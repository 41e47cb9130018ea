"""scripts/deploy: serve a build as a new release, or go back to the release before.

Deploying: upload the build into a new release folder, check it (the pages a server needs, the
policy made for these very pages), write its nginx lines, switch the one symlink, `nginx -t`,
reload, and prune all but the newest releases. Rolling back: the same switch, test and reload
to the release before the one served. Any failure before the reload leaves the served release as
it was (the symlink is switched back), and says why.

Only the standard library and edition/hosting: it runs on a server with python3 and a checkout
of this repository, without the build's packages.
"""
from __future__ import annotations

import argparse
import fcntl
import shlex
import subprocess
import sys
from pathlib import Path

from edition.hosting import releases
from edition.hosting.releases import Layout, ReleaseError

WWW = Path("/var/www/durftedromen")
CONF = Path("/etc/nginx/durftedromen")
KEEP = 5


def nginx(command: list[str], *options: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run([*command, *options], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        return subprocess.CompletedProcess(command, 1, "", str(error))


def switch_tested(layout: Layout, release: str, command: list[str]) -> None:
    """Switch to the release and keep it only if nginx accepts the configuration with it."""
    previous = releases.switch_to(layout, release)
    tested = nginx(command, "-t")
    if tested.returncode != 0:
        releases.switch_back(layout, previous)
        raise ReleaseError(f"nginx -t refused the configuration with release {release}; "
                           f"still serving {previous or 'nothing'}:\n{tested.stderr.strip()}")


def reload(release: str, command: list[str]) -> None:
    # SIGHUP, as systemctl reload nginx sends: new workers with the new release; the old ones
    # finish their requests (with the old release and policy) and close their idle connections.
    reloaded = nginx(command, "-s", "reload")
    if reloaded.returncode != 0:
        raise ReleaseError(f"release {release} is switched to and passed nginx -t, but nginx did not "
                           f"reload (is it running? it serves the release when it starts):\n"
                           f"{reloaded.stderr.strip()}")


def deploy(layout: Layout, site: Path, command: list[str], reloading: bool = True, keep: int = KEEP) -> str:
    release, _ = releases.upload(layout, site)
    try:
        switch_tested(layout, release, command)
    except ReleaseError:
        releases.remove(layout, release)
        raise
    releases.prune(layout, keep)
    if reloading:
        reload(release, command)
    return release


def rollback(layout: Layout, command: list[str], release: str | None = None, reloading: bool = True) -> str:
    target = release or releases.previous_release(layout)
    if target not in layout.releases():
        raise ReleaseError(f"no release {target} in {layout.www / releases.RELEASES}")
    releases.check_policy(layout.folder(target))  # unchanged since its deployment, or refused
    switch_tested(layout, target, command)
    if reloading:
        reload(target, command)
    return target


def hold_lock(layout: Layout):
    """One deployment at a time: a second one waits until the first is done."""
    layout.conf.mkdir(parents=True, exist_ok=True)
    lock = open(layout.conf / ".deploy.lock", "w")
    fcntl.flock(lock, fcntl.LOCK_EX)
    return lock


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="scripts/deploy", description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", type=Path, help="the built folder (scripts/build.py OUT)")
    parser.add_argument("--rollback", nargs="?", const="", metavar="RELEASE",
                        help="serve the release before the current one again (or the one named)")
    parser.add_argument("--list", action="store_true", help="list the releases kept, * for the one served")
    parser.add_argument("--www", type=Path, default=WWW, help=f"the releases' parent folder ({WWW})")
    parser.add_argument("--conf", type=Path, default=CONF, help=f"nginx's folder for this site ({CONF})")
    parser.add_argument("--keep", type=int, default=KEEP, help=f"releases kept, the current one included ({KEEP})")
    parser.add_argument("--nginx", default="nginx", help="the nginx command, for -t and -s reload "
                        "(default: nginx; a test installation adds -p and -c)")
    parser.add_argument("--no-reload", action="store_true",
                        help="switch and test only: for the first release, before nginx serves the site")
    args = parser.parse_args(argv)
    if (args.site is None) == (args.rollback is None) and not args.list:
        parser.error("give the built folder to deploy, or --rollback, or --list")
    if args.keep < 2:
        parser.error("--keep must be at least 2: the release served and one to roll back to")
    return args


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    layout = Layout(args.www.resolve(), args.conf.resolve())
    command = shlex.split(args.nginx)
    if args.list:
        current = layout.current()
        print("\n".join(f"{'*' if r == current else ' '} {r}" for r in layout.releases()) or "no releases")
        return 0
    with hold_lock(layout):  # closing the file lets the next deployment go
        try:
            if args.rollback is not None:
                release = rollback(layout, command, args.rollback or None, not args.no_reload)
                print(f"deploy: rolled back to release {release}")
            else:
                release = deploy(layout, args.site, command, not args.no_reload, args.keep)
                print(f"deploy: serving release {release} ({layout.folder(release)})")
        except ReleaseError as error:
            print(f"deploy: refused: {error}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
