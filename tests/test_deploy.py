"""scripts/deploy against the real nginx: releases, one switch, reload, rollback, and refusals.

One installation per module and worker (edition/hosting/local_nginx.py), deployed to by the
script itself; release A is the session's build, B the same with one more inline script (so
another policy). Each test leaves A served, whatever ran before it on its worker: B replaces A
and a rollback brings A back within one test, and the refusals change nothing.
"""
from __future__ import annotations

import shlex
import shutil
import socket
import subprocess
import threading
import time

import pytest

import nginx_support as nginx
from edition.hosting.csp import NGINX_INCLUDE, PLAIN_POLICY, POLICY_DIR, write_policy
from edition.hosting import releases
from edition.hosting.releases import CARRIED, RELEASES, Layout
from edition.project import default_project

DEPLOY = default_project().root / "scripts" / "deploy"
MARKER = b'<script>window.release = "B";</script>'
PROBE = "/nl/deploy-probe.bin"  # larger than loopback's socket buffers: a download in progress
PROBE_SIZE = 8 * 1024 * 1024
OLD_BUNDLE = "/nl/assets/javascripts/bundle.0badcafe.min.js"  # only in A: a file B carries over


class Installation:
    def __init__(self, prefix, ports: nginx.Ports, builds):
        self.prefix, self.ports = prefix, ports
        self.layout = Layout(prefix / "www", prefix / nginx.FOLDER)
        self.policies = {False: policy_of(builds[0]), True: policy_of(builds[1])}  # by MARKER in the page

    def run(self, *arguments) -> subprocess.CompletedProcess:
        options = ["--www", str(self.layout.www), "--conf", str(self.layout.conf),
                   "--nginx", shlex.join(nginx.nginx_command(self.prefix))]
        return subprocess.run([str(DEPLOY), *map(str, arguments), *options], capture_output=True, text=True,
                              timeout=120)

    def get(self, path: str = "/nl/") -> nginx.Response:
        return nginx.fetch(self.ports.origin, path)

    def wait_for(self, marked: bool) -> nginx.Response:
        """The reload is a signal: poll (bounded) until new connections see the release; every
        page seen on the way comes with its own release's policy."""
        deadline = time.monotonic() + 10
        while True:
            response = self.get()
            seen = MARKER in response.body
            assert response.header("content-security-policy") == self.policies[seen], "page and policy differ"
            if seen == marked:
                return response
            assert time.monotonic() < deadline, "the reload did not take effect within 10 s"
            time.sleep(0.02)


def policy_of(site) -> str:
    return (site / POLICY_DIR / PLAIN_POLICY).read_text(encoding="utf-8").strip()


@pytest.fixture(scope="module")
def builds(site, tmp_path_factory):
    """Release A (the build, with a probe file and an old bundle) and B (one more inline script)."""
    a = tmp_path_factory.mktemp("release-a") / "site"
    shutil.copytree(site, a)
    with open(a / PROBE.lstrip("/"), "wb") as probe:
        probe.truncate(PROBE_SIZE)  # sparse
    (a / OLD_BUNDLE.lstrip("/")).write_text("/* the bundle of an older build */\n", encoding="utf-8")
    b = tmp_path_factory.mktemp("release-b") / "site"
    shutil.copytree(a, b, ignore=shutil.ignore_patterns("bundle.0badcafe.min.js"))
    page = b / "nl" / "index.html"
    page.write_bytes(page.read_bytes().replace(b"</head>", MARKER + b"</head>", 1))
    (b / "nl" / "index.html.gz").unlink()
    write_policy(b)
    assert policy_of(a) != policy_of(b)
    return a, b


@pytest.fixture(scope="module")
def installed(builds, tmp_path_factory):
    nginx.require_nginx()
    prefix = tmp_path_factory.mktemp("deploy")
    ports = nginx.Ports(*nginx.free_ports(3))
    nginx.install(prefix, ports)
    installation = Installation(prefix, ports, builds)
    first = installation.run(builds[0], "--no-reload")
    assert first.returncode == 0, first.stderr
    server = nginx.start(prefix, ports)
    yield installation
    server.stop()


def test_release_a_is_served_with_its_own_policy(installed, builds):
    response = installed.get()
    assert response.status == 200 and MARKER not in response.body
    assert response.header("content-security-policy") == policy_of(builds[0])
    assert installed.run("--list").stdout.startswith("* ")


def read_slowly_until(download: socket.socket, switched: threading.Event, received: list[int]) -> None:
    """A reader on a slow line until the new release is served (so that the download spans the
    reload: send_timeout lets a reader that stops altogether go), then at full speed."""
    while chunk := download.recv(4096 if not switched.is_set() else 1 << 20):
        received[0] += len(chunk)
        if not switched.is_set():
            time.sleep(0.02)  # about 200 kB/s: 8 MB last 40 s, longer than any deployment here


def test_a_new_release_switches_pages_and_policy_together_and_a_rollback_brings_the_old_back(installed, builds):
    a, b = builds
    # A download in progress when the release changes: the old workers finish it (graceful reload).
    download = socket.socket()
    download.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    download.setsockopt(socket.IPPROTO_TCP, socket.TCP_MAXSEG, 1000)  # small buffers (test_hosting_limits.py)
    download.settimeout(30)
    download.connect(("127.0.0.1", installed.ports.origin))
    download.sendall(f"GET {PROBE} HTTP/1.1\r\nHost: durftedromen.delft.nl\r\nConnection: close\r\n\r\n".encode())
    first = b""
    while b"\r\n\r\n" not in first:  # the headers (the policy alone is 1 kB) may come in pieces
        chunk = download.recv(4096)
        assert chunk, f"the connection closed after {first!r}"
        first += chunk
    assert first.startswith(b"HTTP/1.1 200") and policy_of(a).encode() in first
    received, switched = [len(first) - first.index(b"\r\n\r\n") - 4], threading.Event()
    reader = threading.Thread(target=read_slowly_until, args=(download, switched, received))
    reader.start()
    try:
        result = installed.run(b)
        assert result.returncode == 0, result.stderr
        response = installed.wait_for(marked=True)
        assert response.header("content-security-policy") == policy_of(b)
        assert received[0] < PROBE_SIZE, "the download was over before the reload: nothing tested"
    finally:
        switched.set()
        reader.join(timeout=30)
        download.close()
    assert received[0] == PROBE_SIZE, "the download in progress was cut by the reload"
    # B's pages may be read with A's cached: A's fingerprinted files are carried over, once.
    assert installed.get(OLD_BUNDLE).status == 200
    current = installed.layout.folder(installed.layout.current())
    assert OLD_BUNDLE.lstrip("/") in (current / POLICY_DIR / CARRIED).read_text(encoding="utf-8")

    # And back: the release before, with its own policy.
    result = installed.run("--rollback")
    assert result.returncode == 0, result.stderr
    response = installed.wait_for(marked=False)
    assert response.header("content-security-policy") == policy_of(a)
    releases_kept = installed.layout.releases()
    assert installed.layout.current() == releases_kept[-2] and installed.run("--list").stdout.count("*") == 1


def refused(installed, site, reason: str) -> None:
    """The deployment fails with the reason, and nothing served or kept changes."""
    before = (installed.layout.releases(), installed.layout.current(), installed.get().headers["content-security-policy"])
    result = installed.run(site)
    assert result.returncode == 1 and "deploy: refused:" in result.stderr and reason in result.stderr, result.stderr
    after = (installed.layout.releases(), installed.layout.current(), installed.get().headers["content-security-policy"])
    assert after == before
    assert not list((installed.layout.www / RELEASES).glob(".*")), "a partial release was left behind"


def broken_copy(builds, tmp_path, damage) -> object:
    site = tmp_path / "site"
    shutil.copytree(builds[1], site)
    damage(site / POLICY_DIR / NGINX_INCLUDE, builds[0])
    return site


def test_a_policy_from_another_build_is_refused(installed, builds, tmp_path):
    stale = broken_copy(builds, tmp_path, lambda include, a: shutil.copy(a / POLICY_DIR / NGINX_INCLUDE, include))
    refused(installed, stale, "does not match the inline scripts and styles")


@pytest.mark.parametrize("damage, reason", [
    (lambda include, _: include.write_text("", encoding="utf-8"), "empty"),
    (lambda include, _: include.write_text("# add_header Content-Security-Policy\n", encoding="utf-8"), "empty"),
    (lambda include, _: include.unlink(), "missing"),
], ids=["empty", "only a comment", "missing"])
def test_an_empty_or_missing_policy_is_refused(installed, builds, tmp_path, damage, reason):
    refused(installed, broken_copy(builds, tmp_path, damage), reason)


def test_a_release_nginx_does_not_accept_is_refused_and_the_switch_undone(installed, builds):
    headers = installed.layout.conf / "headers.conf"
    original = headers.read_text(encoding="utf-8")
    headers.write_text(original + "add_header;\n", encoding="utf-8")
    try:
        refused(installed, builds[1], "nginx -t refused")
    finally:
        headers.write_text(original, encoding="utf-8")


# ---- the release folders, without nginx ----------------------------------------------------------

def fake_release(layout: Layout, release: str, files: dict[str, str]) -> None:
    for name, text in files.items():
        (layout.folder(release) / name).parent.mkdir(parents=True, exist_ok=True)
        (layout.folder(release) / name).write_text(text, encoding="utf-8")
    layout.config(release).parent.mkdir(parents=True, exist_ok=True)
    layout.config(release).write_text("# fake\n", encoding="utf-8")


def test_pruning_keeps_the_newest_and_never_the_one_served(tmp_path):
    layout = Layout(tmp_path / "www", tmp_path / "conf")
    for release in ("20260101T000000Z", "20260201T000000Z", "20260301T000000Z", "20260401T000000Z"):
        fake_release(layout, release, {"index.html": release})
    releases.switch_to(layout, "20260101T000000Z")  # rolled back to the oldest
    assert releases.prune(layout, 2) == ["20260201T000000Z"]
    assert layout.releases() == ["20260101T000000Z", "20260301T000000Z", "20260401T000000Z"]
    assert not layout.config("20260201T000000Z").exists()
    with pytest.raises(releases.ReleaseError, match="oldest kept"):
        releases.previous_release(layout)


def test_fingerprinted_files_are_carried_over_for_one_release_only(tmp_path):
    layout = Layout(tmp_path / "www", tmp_path / "conf")
    old, bundle = "nl/assets/javascripts/bundle.0badcafe.min.js", "nl/assets/javascripts/bundle.5eed5eed.min.js"
    fake_release(layout, "a", {old: "a", "nl/assets/stylesheets/edition.css": "a", ".hosting/x": ""})
    fake_release(layout, "b", {bundle: "b", ".hosting/x": ""})
    fake_release(layout, "c", {".hosting/x": ""})
    assert releases.carry_over(layout.folder("a"), layout.folder("b")) == [old]  # not edition.css
    assert releases.carry_over(layout.folder("b"), layout.folder("c")) == [bundle]  # not a's again


def test_release_ids_sort_by_time_and_are_unique_within_a_second(tmp_path):
    from datetime import datetime, timezone
    layout = Layout(tmp_path / "www", tmp_path / "conf")
    moment = datetime(2026, 6, 1, 12, 0, 0, tzinfo=timezone.utc)
    assert releases.new_id(layout, moment) == "20260601T120000Z"
    fake_release(layout, "20260601T120000Z", {"index.html": ""})
    assert releases.new_id(layout, moment) == "20260601T120000Z-2"
