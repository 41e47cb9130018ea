"""The benchmark report: bench/report.json and bench/report.md.

Each measurement has a value, a budget and whether it passed. To add one, write a function
that takes the Bench and returns Measurements, and list it in MEASUREMENTS. Timings are the
median of a few runs on this machine (2 cores); they go here, not into timed test asserts.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from edition.project import LANGUAGES, default_project
from edition.print.build import build_pdfs
from edition.build import build_site

PROJECT = default_project()
ROOT = PROJECT.root

RUNS = 3


@dataclass
class Measurement:
    name: str
    value: float
    unit: str
    budget: float | None = None  # None: reported, not judged
    comparison: str = "<="  # value <comparison> budget passes
    runs: list[float] = field(default_factory=list)
    note: str = ""
    baseline: float | None = None  # the same figure for stock Material (bench_web.py) or bare nginx (bench_load.py)

    @property
    def passed(self) -> bool | None:
        if self.budget is None:
            return None
        if self.comparison == ">=":
            return self.value >= self.budget
        return self.value < self.budget if self.comparison == "<" else self.value <= self.budget


class Bench:
    """What the measurements share: a scratch folder and one full build of the site."""

    def __init__(self, scratch: Path, skip_tests: bool = False):
        self.scratch = scratch
        self.skip_tests = skip_tests
        self._site: Path | None = None

    def site(self) -> Path:
        if self._site is None:
            self._site = self.scratch / "site"
            build_site(self._site, cache=None)
        return self._site


def median_seconds(action, runs: int = RUNS) -> tuple[float, list[float]]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(round(time.perf_counter() - start, 3))
    return round(statistics.median(times), 3), times


def pdf_generation(bench: Bench) -> list[Measurement]:
    """The PDFs (complete edition, handout and its one-tension extracts, the concept cards and their
    sets per kind; nl and en) from the built HTML."""
    site = bench.site()
    value, runs = median_seconds(lambda: [build_pdfs(PROJECT, site, lang) for lang in LANGUAGES])
    found = [Measurement("PDF generation, all PDFs (edition, handout, 6 one-tension extracts, concept cards "
                         "and a set per kind; both languages), one after another", value, "s", 10.0, "<", runs,
                         f"median of {RUNS}; WeasyPrint, PDF/UA-1; no cache; the extracts are pages of the "
                         "handout's layout, and the card sets of the cards' one layout, written, not laid out again")]
    settings = PROJECT.print_settings()
    for lang in LANGUAGES:
        for kind, name in settings.files().items():
            path = site / lang / name
            pages = int(next(line.split()[-1] for line in subprocess.run(
                ["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()
                if line.startswith("Pages:")))
            found.append(Measurement(f"PDF size, {lang}/{name}", round(path.stat().st_size / 1000, 1), "kB",
                                     note=f"{pages} pages"))
            if kind == "handout":
                tensions = len(PROJECT.guide(lang).tensions)
                found.append(Measurement(f"Handout pages, {lang}", pages, "pages", 1 + 3 * tensions, "<=",
                                         note="a front page, then per tension its sheet and one or two pages "
                                              "of the text it draws on (issue 14)"))
    return found


def web_figures(bench: Bench) -> list[Measurement]:
    """Page weight, Lighthouse, search index; each beside stock Material's (bench_web.py)."""
    from bench_web import web_measurements
    return [Measurement(**figure) for figure in web_measurements(bench)]


def loop_figures(bench: Bench) -> list[Measurement]:
    from bench_loop import clean_build, html_beside_stock, test_suite, warm_rebuild
    found = clean_build(bench) + html_beside_stock(bench) + warm_rebuild(bench)
    return found + ([] if bench.skip_tests else test_suite(bench))


def load_figures(bench: Bench) -> list[Measurement]:
    """Requests/s, p99 and errors through the shipped nginx, beside a bare one (bench_load.py)."""
    from bench_load import load_figures as measure
    return [Measurement(**figure) for figure in measure(bench.site(), bench.scratch)]


def offline_pack(bench: Bench) -> list[Measurement]:
    """The offline copy (edition/offline/): the ZIP's size, and the seconds it adds to a build,
    made anew and found in its cache (an unchanged site)."""
    from edition.build import DEFAULT_SITE_URL, root_page
    from edition.offline.pack import build_offline_pack
    site, cache = bench.site(), bench.scratch / "offline-cache"
    root = root_page(PROJECT.site_config()["extra"]["alternate"], forward=False)
    pack = lambda into: build_offline_pack(PROJECT, site, DEFAULT_SITE_URL, root, into)  # noqa: E731
    size = pack(None)["bytes"]
    anew, anew_runs = median_seconds(lambda: pack(None))
    pack(cache)
    kept, kept_runs = median_seconds(lambda: pack(cache))
    return [Measurement("Offline copy (ZIP of both editions with the PDFs), size", round(size / 1_000_000, 2), "MB",
                        25.0, note=f"{size} bytes; PDFs and images stored, text deflated"),
            Measurement("Offline copy, build seconds when the site changed", anew, "s", 3.0, "<=", anew_runs,
                        f"median of {RUNS}; links rewritten, search scripts and data, the ZIP"),
            Measurement("Offline copy, build seconds when the site is unchanged (cache)", kept, "s", 0.3, "<=",
                        kept_runs, f"median of {RUNS}; a hash of every input, then a copy from .cache/offline/")]


MEASUREMENTS = [loop_figures, pdf_generation, web_figures, load_figures, offline_pack]


def report_markdown(report: dict) -> str:
    verdict = {True: "pass", False: "**FAIL**", None: "–"}
    lines = ["# Benchmark report", "",
             f"{report['generated']} on {report['machine']['cpus']} cores, Python {report['machine']['python']}, "
             f"load average {report['machine']['load_average_1_5_15_min'][0]} at the end.",
             "", "| measurement | value | budget | result | stock Material / bare nginx | note |",
             "| --- | ---: | ---: | --- | ---: | --- |"]
    for m in report["measurements"]:
        budget = f"{m['comparison']} {m['budget']} {m['unit']}" if m["budget"] is not None else ""
        baseline = f"{m['baseline']} {m['unit']}" if m.get("baseline") is not None else ""
        lines.append(f"| {m['name']} | {m['value']} {m['unit']} | {budget} | {verdict[m['passed']]} "
                     f"| {baseline} | {m['note']} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a budget is missed")
    parser.add_argument("--no-tests", action="store_true", help="leave out the test suite's timings (minutes)")
    parser.add_argument("--only", choices=[m.__name__ for m in MEASUREMENTS], action="append",
                        help="measure only these (repeatable), e.g. --only load_figures")
    args = parser.parse_args()
    chosen = [m for m in MEASUREMENTS if not args.only or m.__name__ in args.only]
    with tempfile.TemporaryDirectory(prefix="dtd-bench-") as scratch:
        bench = Bench(Path(scratch), args.no_tests)
        measurements = [m for measure in chosen for m in measure(bench)]
    report = {
        "generated": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "system": platform.platform(),
                    # Timings on a busy machine (other builds, browsers) read high: the load says so.
                    "load_average_1_5_15_min": [round(x, 2) for x in os.getloadavg()]},
        "measurements": [{**asdict(m), "passed": m.passed} for m in measurements],
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "report.json").write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    (args.out / "report.md").write_text(report_markdown(report), encoding="utf-8")
    print(report_markdown(report))
    return 1 if args.strict and any(m.passed is False for m in measurements) else 0


if __name__ == "__main__":
    sys.exit(main())
