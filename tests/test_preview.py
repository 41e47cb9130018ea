"""The live preview (scripts/serve): a saved change is rebuilt and the open page reloads itself;
a content error shows in the terminal and on the page, and the server keeps serving."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
import urllib.request

import pytest

from edition.hosting.local_nginx import free_ports
from edition.project import default_project

PROJECT = default_project()
PAGE = "verkenning/randvoorwaarden.md"
SENTENCE = "Werken aan empowerment is niet eenvoudig."
# The error test edits another sentence: the module's tests share one preview, so the first test's
# saved change is still in the file when the second runs.
OTHER = "Het is ook een proces van lange adem"


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _status(base: str) -> dict:
    return json.loads(_get(f"{base}/__preview__/status"))


def _wait(condition, seconds: float, what: str):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            value = condition()
            if value:
                return value
        except OSError:
            pass
        time.sleep(0.3)
    pytest.fail(f"the preview did not {what} within {seconds} s")


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    """One preview for the module's tests (each starts a build): they run in order, on one worker."""
    tmp_path = tmp_path_factory.mktemp("preview")
    docs = tmp_path / "docs"
    shutil.copytree(PROJECT.docs, docs)
    (port,) = free_ports(1)
    process = subprocess.Popen([sys.executable, "-m", "edition.preview", str(tmp_path / "site"), "--port", str(port),
                                "--docs", str(docs), "--no-pdfs"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, cwd=PROJECT.root)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(lambda: _status(base)["version"] == 0 and _status(base), 120, "start")
        yield base, docs, process
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=10)
        print(output)  # shown with a failure: what the editor would have seen in the terminal


def test_a_saved_change_is_rebuilt_and_the_page_reloads(preview):
    base, docs, _ = preview
    page = f"{base}/nl/verkenning/randvoorwaarden/"
    html = _get(page)
    assert "/__preview__/reload.js" in html, "the page has no reload script"
    assert "location.reload()" in _get(f"{base}/__preview__/reload.js")
    path = docs / "nl" / PAGE
    path.write_text(path.read_text(encoding="utf-8").replace(SENTENCE, "Werken aan empowerment is lastig."),
                    encoding="utf-8")
    _wait(lambda: _status(base)["version"] >= 1, 90, "rebuild after a saved change")
    assert "Werken aan empowerment is lastig." in _get(page)


def test_a_content_error_shows_on_the_page_and_the_server_keeps_serving(preview):
    base, docs, _ = preview
    path = docs / "nl" / PAGE
    text = path.read_text(encoding="utf-8")
    assert OTHER in text, f"{PAGE} no longer has the sentence this test edits: {OTHER!r}"
    path.write_text(text.replace(OTHER, f"{OTHER} [kapot](bestaat-niet.md)"), encoding="utf-8")
    status = _wait(lambda: _status(base)["error"] and _status(base), 90, "report the broken link")
    assert ("the nl edition did not build" in status["error"] and "'verkenning/randvoorwaarden.md'" in status["error"]
            and "bestaat-niet.md" in status["error"]), status["error"]
    assert OTHER in _get(f"{base}/nl/verkenning/randvoorwaarden/"), "the last good build is no longer served"
    assert "preview-error" in _get(f"{base}/__preview__/reload.js"), "the page cannot show the error"
    path.write_text(text, encoding="utf-8")
    _wait(lambda: _status(base)["error"] is None, 90, "clear the error once it was fixed")
