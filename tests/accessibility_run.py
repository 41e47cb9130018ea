"""A pytest plugin: records the outcome of the quality gates and, after a full run of them,
writes docs/data/accessibility-run.json, the summary the accessibility statement shows.

A test belongs to a gate by its marker, @pytest.mark.gate("axe"); gate tests note facts (tool
versions, pages, number of checks) with note(). The file is written only when every gate ran
in full (no -k/-m selection, nothing skipped), so the statement never reports a partial run;
a failed gate is written as failed.
"""
from __future__ import annotations

import datetime
import json
import os

from edition.reader.accessibility_statement import GATES, RUN_FILE
from edition.project import default_project

PROJECT = default_project()

FACTS: dict = {}  # noted by the running test (in its worker), sent with its report
REQUIRED_FACTS = ("tools", "pages", "axe_checks")
_collected: dict = {}  # the facts of every report (in the process that writes the file)
_gates: dict[str, str] = {}  # nodeid -> gate
_outcomes: dict[str, list[str]] = {}


def note(key: str, value) -> None:
    """A fact for the summary, noted by a gate test (e.g. note("axe_checks", 120)); a fact noted
    by several tests (one per language) is summed where it is a number, merged where a mapping."""
    FACTS[key] = value


def pytest_configure(config):
    config.addinivalue_line("markers", "gate(name): a quality gate reported in the accessibility statement")


def pytest_runtest_makereport(item, call):
    # With pytest-xdist the tests run in workers and their reports reach the main process: the
    # gate and the facts travel with the report.
    marker = item.get_closest_marker("gate")
    if marker and call.when == "setup":
        item.user_properties.append(("gate", marker.args[0]))
    if call.when == "call" and FACTS:
        item.user_properties.append(("facts", dict(FACTS)))
        FACTS.clear()


def _merge(key: str, value) -> None:
    old = _collected.get(key)
    if isinstance(value, (int, float)) and isinstance(old, (int, float)):
        _collected[key] = old + value
    elif isinstance(value, dict):
        # Sorted: the reports of the workers arrive in any order, and the file is committed.
        _collected[key] = dict(sorted({**(old if isinstance(old, dict) else {}), **value}.items()))
    else:
        _collected[key] = value


def pytest_runtest_logreport(report):
    for name, value in report.user_properties:
        if name == "gate":
            _gates[report.nodeid] = value
        elif name == "facts" and report.when == "call":
            for key, fact in value.items():
                _merge(key, fact)
    gate = _gates.get(report.nodeid)
    if gate and (report.when == "call" or not report.passed):
        _outcomes.setdefault(gate, []).append(report.outcome)


def summary(today: datetime.date) -> dict | None:
    """The run's summary, or None when it was not a full run of every gate."""
    expected: dict[str, int] = {}
    for gate in _gates.values():
        expected[gate] = expected.get(gate, 0) + 1
    if set(expected) != set(GATES) or any(f not in _collected for f in REQUIRED_FACTS):
        return None
    results = {}
    for gate in GATES:
        outcomes = _outcomes.get(gate, [])
        if "skipped" in outcomes or len(outcomes) < expected[gate]:
            return None
        results[gate] = {"passed": all(o == "passed" for o in outcomes), "tests": expected[gate]}
    return {"date": today.isoformat(), **{k: _collected[k] for k in REQUIRED_FACTS}, "gates": results}


def pytest_sessionfinish(session, exitstatus):
    options = session.config.option
    if hasattr(session.config, "workerinput"):  # a pytest-xdist worker: the main process writes it
        return
    if getattr(options, "keyword", "") or getattr(options, "markexpr", "") or session.shouldstop \
            or os.environ.get("DTD_QUICK"):
        return
    run = summary(datetime.datetime.now(datetime.timezone.utc).date())
    if run is not None:
        (PROJECT.data / RUN_FILE).write_text(json.dumps(run, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
