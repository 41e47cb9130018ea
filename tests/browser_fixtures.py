"""The session fixtures of the browser gates: one server, one Chromium, one pass through
every page of a language. conftest.py imports them so that every test module can use them."""
from __future__ import annotations

import os
import shutil
import signal
import sys
import threading
import time
from pathlib import Path

import pytest

from browser_support import missing_tools


@pytest.fixture(scope="session")
def site_url(site) -> str:
    """The built site served on 127.0.0.1 (one server for the session)."""
    from edition.hosting.local_server import serve_in_background
    server, url = serve_in_background(site)
    yield url
    server.shutdown()


class Relaunching:
    """The session's Chromium, started again if it is gone (the Watchdog below kills a stuck one)."""

    def __init__(self, launch):
        self._launch = launch
        self._browser = launch()

    def __getattr__(self, name):
        if not self._browser.is_connected():
            self._browser = self._launch()
        return getattr(self._browser, name)

    def close(self) -> None:
        if self._browser.is_connected():
            self._browser.close()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright, one for the session (never a downloaded browser)."""
    missing = missing_tools()
    if missing:
        pytest.fail("the browser gates need " + ", ".join(missing) + ": run scripts/setup")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        WATCHDOG.install()
        chromium = Relaunching(lambda: playwright.chromium.launch(executable_path=shutil.which("chromium"),
                                                                  args=["--no-sandbox"]))
        yield chromium
        chromium.close()


# Closing a browser context once never returned on a fresh clone (all 511 tests passed after
# 9 idle minutes, when the browser was killed by hand), and in another run a call sat 2.5 minutes
# near the end: Chromium sometimes leaves a command (Target.disposeBrowserContext) unanswered, and
# Playwright's close() and evaluate() have no timeout. Every call of the tests that has one ends
# within 30 s, so a single call still waiting after STUCK_CALL gets its worker's Chromium killed:
# the call then fails, or ends if it was a close, and the next test starts a new browser.
STUCK_CALL = 90  # seconds


class Watchdog:
    """Times the Playwright call in progress in this worker (setup, test or teardown)."""

    def __init__(self):
        self.since: float | None = None
        self.installed = False

    def install(self) -> None:
        if self.installed:
            return
        self.installed = True
        from playwright._impl._sync_base import SyncBase
        original = SyncBase._sync

        def timed(api, awaitable):
            outermost = self.since is None  # a call made from an event handler runs inside another
            if outermost:
                self.since = time.monotonic()
            try:
                return original(api, awaitable)
            finally:
                if outermost:
                    self.since = None
        SyncBase._sync = timed
        threading.Thread(target=self._watch, name="playwright-watchdog", daemon=True).start()

    def _watch(self) -> None:
        while True:
            time.sleep(5)
            since = self.since
            if since is not None and time.monotonic() - since > STUCK_CALL:
                _kill_own_chromium(os.environ.get("PYTEST_CURRENT_TEST", "?"))
                self.since = None


WATCHDOG = Watchdog()


def _kill_own_chromium(nodeid: str) -> None:
    """SIGKILL the Chromium browser processes started under this worker (not their helpers)."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                parents[int(entry.name)] = int(stat[stat.rindex(")") + 2:].split()[1])
            except (OSError, ValueError):
                continue

    def ours(pid: int) -> bool:
        while pid > 1:
            pid = parents.get(pid, 1)
            if pid == os.getpid():
                return True
        return False
    killed = []
    for pid in parents:
        try:
            # Chromium rewrites its helpers' command lines into one string: split on spaces too.
            command = (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").split()
        except OSError:
            continue
        if command and b"chromium" in command[0] and not any(part.startswith(b"--type=") for part in command) and ours(pid):
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)
    if killed:
        print(f"\n{nodeid}: a Playwright call was stuck for {STUCK_CALL} s; killed the worker's Chromium "
              f"(pids {killed}), a new one starts for the next test that needs it", file=sys.__stderr__)


@pytest.fixture(scope="session")
def page_audit(site, site_url, browser):
    """The every-page gates' pass through a language (tests/page_audit.py), made when a test of
    that language first asks for it: page_audit("nl"). conftest keeps a language's tests on one worker."""
    from page_audit import audit_language
    done = {}

    def of(lang: str):
        if lang not in done:
            done[lang] = audit_language(site, site_url, browser, lang)
        return done[lang]
    return of
