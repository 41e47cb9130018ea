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

from edition.reader.accessibility_statement import GATES, RUN_FILE
from edition.project import default_project

PROJECT = default_project()

FACTS: dict = {}
REQUIRED_FACTS = ("tools", "pages", "axe_checks")
_gate_of: dict[str, str] = {}
_outcomes: dict[str, list[str]] = {}


def note(key: str, value) -> None:
    """A fact for the summary, noted by a gate test (e.g. note("axe_checks", 120))."""
    FACTS[key] = value


def pytest_configure(config):
    config.addinivalue_line("markers", "gate(name): a quality gate reported in the accessibility statement")


def pytest_collection_finish(session):
    for item in session.items:
        marker = item.get_closest_marker("gate")
        if marker:
            _gate_of[item.nodeid] = marker.args[0]


def pytest_runtest_logreport(report):
    gate = _gate_of.get(report.nodeid)
    if gate and (report.when == "call" or not report.passed):
        _outcomes.setdefault(gate, []).append(report.outcome)


def summary(today: datetime.date) -> dict | None:
    """The run's summary, or None when it was not a full run of every gate."""
    expected: dict[str, int] = {}
    for gate in _gate_of.values():
        expected[gate] = expected.get(gate, 0) + 1
    if set(expected) != set(GATES) or any(f not in FACTS for f in REQUIRED_FACTS):
        return None
    results = {}
    for gate in GATES:
        outcomes = _outcomes.get(gate, [])
        if "skipped" in outcomes or len(outcomes) < expected[gate]:
            return None
        results[gate] = {"passed": all(o == "passed" for o in outcomes), "tests": expected[gate]}
    return {"date": today.isoformat(), **{k: FACTS[k] for k in REQUIRED_FACTS}, "gates": results}


def pytest_sessionfinish(session, exitstatus):
    options = session.config.option
    if getattr(options, "keyword", "") or getattr(options, "markexpr", "") or session.shouldstop:
        return
    run = summary(datetime.datetime.now(datetime.timezone.utc).date())
    if run is not None:
        (PROJECT.data / RUN_FILE).write_text(json.dumps(run, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
