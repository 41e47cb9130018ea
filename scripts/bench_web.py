"""The web figures of the benchmark (scripts/bench.py): page weight, Lighthouse, and the search
(bench_search.py), each beside the same figure for a stock Material build of the same Markdown.

Pages are served as a gzip server sends them: the build's .gz copy where there is one (as
nginx's gzip_static does), else gzip at level 6. Each function returns keyword dicts for
bench.Measurement (value, budget, baseline = the stock Material figure).
"""
from __future__ import annotations

import gzip
import http.server
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from edition.hosting.local_server import SiteHandler
from edition.project import LANGUAGES, default_project
from edition.build import DEFAULT_SITE_URL

ROOT = default_project().root
DOCS = default_project().docs

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
TEXT_TYPES = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")
LANG = "nl"  # the source language: the pages measured in the browser
# Lighthouse's simulated phone still depends on this machine's load: the median of a few runs.
LIGHTHOUSE_RUNS = 3


class GzipHandler(SiteHandler):
    """SiteHandler that answers Accept-Encoding: gzip like a production server."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in TEXT_TYPES):
            return super().send_head()
        ready = path.with_name(path.name + ".gz")
        body = ready.read_bytes() if ready.is_file() else gzip.compress(path.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), lambda *a: GzipHandler(*a, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


# ---- the stock Material build ----------------------------------------------------------------

def stock_config(lang: str, docs: Path, out: Path) -> dict:
    """A minimal mkdocs.yml: Material as installed, its default font, the same Markdown."""
    ours = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreEnv)
    return {"site_name": ours["site_name"], "site_url": f"{DEFAULT_SITE_URL}{lang}/",
            "docs_dir": str(docs / lang), "site_dir": str(out / lang),
            "theme": {"name": "material", "language": lang},
            "markdown_extensions": ours["markdown_extensions"],  # the content needs them to render
            "plugins": {"search": {"lang": lang}}, "nav": ours.get("nav")}


class _IgnoreEnv(yaml.SafeLoader):
    pass


_IgnoreEnv.add_constructor("!ENV", lambda loader, node: None)


def build_stock(scratch: Path, out: Path) -> None:
    for lang in LANGUAGES:
        config = scratch / f"stock-{lang}.yml"
        config.write_text(yaml.safe_dump(stock_config(lang, DOCS, out), allow_unicode=True), encoding="utf-8")
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--clean", "-q", "-f", str(config)],
                                capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        if result.returncode:
            sys.exit(f"bench: the stock Material build ({lang}) failed:\n{result.stderr}")


def stock_site(bench) -> Path:
    if getattr(bench, "_stock", None) is None:
        bench._stock = bench.scratch / "stock"
        build_stock(bench.scratch, bench._stock)
    return bench._stock


# ---- the pages measured -------------------------------------------------------------------------

def measured_pages(site: Path) -> dict[str, str]:
    """Home page, the longest numbered page (most text) and a concept page when there is one."""
    blocks = json.loads((site / LANG / "paragraphs.json").read_text(encoding="utf-8"))
    longest = max(blocks.values(), key=lambda page: sum(len(b["text"]) for b in page["blocks"]))
    pages = {"home page": f"{LANG}/", f"longest essay page ({longest['url'].strip('/')})": f"{LANG}/{longest['url']}"}
    concepts = sorted(p.parent for p in (site / LANG / "begrippen").glob("*/index.html"))
    if concepts:
        pages[f"concept page ({concepts[0].name})"] = f"{LANG}/begrippen/{concepts[0].name}/"
    return pages


def cold_load(browser, url: str) -> dict:
    """Bytes on the wire (compressed, with headers) and requests of a first visit."""
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    requests = []
    page.on("requestfinished", lambda r: requests.append(r))
    failed = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(500)
    local = urlsplit(url).netloc
    total = 0
    for request in requests:
        sizes = request.sizes()
        total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    elsewhere = [u for u in [r.url for r in requests] + failed if urlsplit(u).netloc not in (local, "")
                 and not u.startswith("data:")]
    context.close()
    return {"bytes": total, "requests": len(requests) + len(failed), "elsewhere": elsewhere}


def lighthouse(url: str, runs: int = LIGHTHOUSE_RUNS) -> dict:
    """Per category the median score of a few runs, and the audits that cost points (any run)."""
    results = [lighthouse_once(url) for _ in range(runs)]
    failed = [r for r in results if "error" in r]
    if failed:
        return failed[0]
    return {name: {"score": statistics.median(r[name]["score"] for r in results),
                   "runs": [r[name]["score"] for r in results],
                   "failing": sorted({a for r in results for a in r[name]["failing"]})} for name in CATEGORIES}


def lighthouse_once(url: str) -> dict:
    env = {**os.environ, "CHROME_PATH": shutil.which("chromium") or ""}
    result = subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
                             "--only-categories=" + ",".join(CATEGORIES),
                             "--chrome-flags=--headless=new --no-sandbox"],
                            capture_output=True, text=True, env=env, timeout=300)
    if result.returncode:
        return {"error": result.stderr.strip()[-300:]}
    report = json.loads(result.stdout)
    scores = {}
    for name in CATEGORIES:
        category = report["categories"][name]
        audits = [report["audits"][ref["id"]] for ref in category["auditRefs"] if ref["weight"] > 0]
        scores[name] = {"score": round(100 * (category["score"] or 0)),
                        "failing": sorted(a["id"] for a in audits if a["score"] is not None and a["score"] < 1)}
    return scores


# ---- the measurements -------------------------------------------------------------------------



def browser_figures(bench) -> list[dict]:
    """Cold load and Lighthouse (mobile) of each measured page, ours and stock."""
    from playwright.sync_api import sync_playwright
    ours_server, ours = serve(bench.site())
    stock_server, stock = serve(stock_site(bench))
    found = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
        for label, path in measured_pages(bench.site()).items():
            mine, theirs = cold_load(browser, f"{ours}/{path}"), cold_load(browser, f"{stock}/{path}")
            essay = label.startswith("longest")
            elsewhere = f"; stock Material also asks {len(theirs['elsewhere'])} other server(s) (fonts), " \
                        "not counted in its bytes" if theirs["elsewhere"] else ""
            found.append(dict(name=f"Cold load, {label}: bytes (gzip)", value=round(mine["bytes"] / 1000, 1),
                              unit="kB", budget=90 if essay else None, baseline=round(theirs["bytes"] / 1000, 1),
                              note=f"{len(mine['elsewhere'])} requests elsewhere" + elsewhere))
            found.append(dict(name=f"Cold load, {label}: requests", value=mine["requests"], unit="",
                              budget=10 if essay else None, baseline=theirs["requests"]))
        browser.close()
        for label, path in measured_pages(bench.site()).items():
            mine, theirs = lighthouse(f"{ours}/{path}"), lighthouse(f"{stock}/{path}")
            for category, budget in CATEGORIES.items():
                if "error" in mine:
                    found.append(dict(name=f"Lighthouse {category}, {label}", value=0, unit="", budget=budget,
                                      comparison=">=", note="Lighthouse failed: " + mine["error"]))
                    continue
                score, failing = mine[category]["score"], mine[category]["failing"]
                found.append(dict(name=f"Lighthouse {category}, {label}", value=score, unit="",
                                  budget=budget, comparison=">=", baseline=theirs.get(category, {}).get("score"),
                                  runs=mine[category]["runs"],
                                  note=f"median of {LIGHTHOUSE_RUNS} mobile runs"
                                  + (("; points lost on: " + ", ".join(failing)) if failing and score < 100 else "")))
    ours_server.shutdown()
    stock_server.shutdown()
    return found


def web_measurements(bench) -> list[dict]:
    from bench_search import search_figures  # the search: first query and index, beside Material's
    return browser_figures(bench) + search_figures(bench)
