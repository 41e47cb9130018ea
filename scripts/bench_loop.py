"""The edit loop's figures (issue 12): clean build, HTML beside stock Material in the same run,
the rebuild after a one-paragraph edit, and the test suite's wall time, full and quick."""
from __future__ import annotations

import shutil
import subprocess
import time

from bench import PROJECT, RUNS, Bench, Measurement, median_seconds
from bench_web import build_stock
from edition.build import build_site
from edition.preview.__main__ import rebuild
from edition.preview.server import Status
from edition.project import Project

EDITED = "verkenning/randvoorwaarden.md"
SENTENCE = "Werken aan empowerment is niet eenvoudig."


def clean_build(bench: Bench) -> list[Measurement]:
    """Everything (both languages, their PDFs, the hosting files), no PDF cache: a fresh clone."""
    count = iter(range(RUNS))
    value, runs = median_seconds(lambda: build_site(bench.scratch / f"clean-{next(count)}", cache=None))
    made = bench.scratch / "clean-0"
    files = f"{len(list(made.rglob('*.pdf')))} PDFs, {len(list(made.rglob('*.epub')))} EPUBs"
    # The same into an empty folder with caches from an earlier build of the same sources (a
    # working copy after a pull that changed no page): beside the target, which counts no cache.
    cache = bench.scratch / "warm" / ".cache" / "pdf"
    build_site(bench.scratch / "warm" / "site", cache=cache)
    again = iter(range(RUNS))
    warm, warm_runs = median_seconds(lambda: build_site(bench.scratch / "warm" / f"site-{next(again)}", cache=cache))
    return [Measurement(f"Clean build of everything (HTML, {files}, offline copy, hosting files)", value, "s", 8.0, "<=",
                        runs, f"median of {RUNS}, no cache (a fresh clone); both languages at once, each followed by its downloads"),
            Measurement("The same into an empty folder, caches of an earlier build of the same sources", warm, "s",
                        runs=warm_runs, note=f"median of {RUNS}; every PDF, search index and .gz copy from .cache/")]


def html_beside_stock(bench: Bench) -> list[Measurement]:
    """Our HTML of both languages and stock Material's, alternately, in the same run."""
    ours, stock = [], []
    for run in range(RUNS):
        start = time.perf_counter()
        # No cache of our own (.gz copies, search index), as stock Material has none; Jinja's
        # compiled templates are kept (.cache/jinja), like Python's own bytecode.
        build_site(bench.scratch / f"html-{run}", pdfs=False, cache=None)
        ours.append(round(time.perf_counter() - start, 3))
        start = time.perf_counter()
        build_stock(bench.scratch, bench.scratch / f"stock-html-{run}")
        stock.append(round(time.perf_counter() - start, 3))
    ours_value, stock_value = sorted(ours)[RUNS // 2], sorted(stock)[RUNS // 2]
    # Stock Material builds the Markdown files only; ours also makes the pages derived from the
    # data (concepts, people, side-by-side views, contents): the work per page, beside the total.
    ours_pages, stock_pages = themed_pages(bench.scratch / "html-0"), themed_pages(bench.scratch / "stock-html-0")
    return [Measurement("HTML of both languages", ours_value, "s", round(2 * stock_value, 3), "<=", ours,
                        f"median of {RUNS}, without our caches; budget: 2 × stock Material in the same run", baseline=stock_value),
            Measurement("HTML of both languages / stock Material", round(ours_value / stock_value, 2), "×", 2.0,
                        "<=", note="ratio of the medians"),
            Measurement("HTML per page made with Material's templates", round(1000 * ours_value / ours_pages, 1), "ms",
                        baseline=round(1000 * stock_value / stock_pages, 1),
                        note=f"the medians above over {ours_pages} pages (ours, both languages) and {stock_pages} (stock)")]


def themed_pages(site) -> int:
    """The HTML files of a build that Material's templates made (its header), not the forwarding
    pages of the short addresses or the projector's slides."""
    return sum('class="md-header' in page.read_text(encoding="utf-8") for page in site.rglob("*.html"))


def warm_rebuild(bench: Bench) -> list[Measurement]:
    """A Dutch paragraph edited in a built copy, rebuilt as the live preview does it: both
    languages' pages (the English shows the drift notice), then the PDFs that changed."""
    copy = bench.scratch / "edit"
    shutil.copytree(PROJECT.docs, copy / "docs")
    project, site = Project(docs=copy / "docs"), copy / "site"
    cache = copy / ".cache" / "pdf"
    build_site(site, project, cache=cache)
    page = copy / "docs" / "nl" / EDITED
    times = []
    for run in range(RUNS):
        page.write_text(page.read_text(encoding="utf-8").replace(SENTENCE, SENTENCE[:-1] + f" ({run}).", 1)
                        if run == 0 else page.read_text(encoding="utf-8").replace(f"({run - 1}).", f"({run}).", 1),
                        encoding="utf-8")
        start = time.perf_counter()
        rebuild(project, site, project.languages, Status(), cache=cache)
        times.append(round(time.perf_counter() - start, 3))
    value = sorted(times)[RUNS // 2]
    return [Measurement("Rebuild after a one-paragraph edit, with the affected PDFs", value, "s", 4.0, "<=", times,
                        f"median of {RUNS}; Dutch edit in {EDITED}: both languages' pages, then their PDFs "
                        "(cache hits for the unchanged ones)")]


def test_suite(bench: Bench) -> list[Measurement]:
    """scripts/test and scripts/test --quick, wall time (each ends with its own setup check)."""
    found = []
    for label, args, budget in (("Test suite, full (scripts/test)", [], 360), ("Test suite, quick (scripts/test --quick)",
                                                                                ["--quick"], 90)):
        start = time.perf_counter()
        result = subprocess.run(["scripts/test", *args, "-q", "-p", "no:cacheprovider"], cwd=PROJECT.root,
                                capture_output=True, text=True)
        seconds = round(time.perf_counter() - start, 1)
        summary = (result.stdout.strip().splitlines() or ["(no output)"])[-1]
        found.append(Measurement(label, seconds, "s", budget, "<=", [seconds], summary.strip("= ")))
    return found
