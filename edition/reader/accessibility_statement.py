"""The accessibility statement's facts, from the summary of the last run of the quality gates.

The browser tests write docs/data/accessibility-run.json (tests/accessibility_run.py) after a
full run; the statement page shows what that file says, never more: a gate that failed is
shown as failed, and without the file the page says that no run has been recorded.
"""
from __future__ import annotations

import datetime
import json
import re

from babel.dates import format_date

from edition.errors import ContentError, line_of
from edition.site import fill_marker

RUN_FILE = "accessibility-run.json"
MARKER = "<!-- accessibility-run -->"
PLACEHOLDER = re.compile(r"\[\[([a-z_]+)\]\]")
GATES = ("axe", "html", "browser", "privacy", "epub")


def load_run(project) -> dict | None:
    path = project.data / RUN_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def facts(run: dict, lang: str, strings: dict[str, str]) -> dict[str, str]:
    """The values the statement's [[placeholders]] stand for."""
    date = datetime.date.fromisoformat(run["date"])
    return {
        "run_date": format_date(date, format="long", locale=strings.get("locale", lang)),
        "axe_core": run["tools"]["axe-core"],
        "vnu": run["tools"]["vnu-jar"],
        "chromium": run["tools"]["chromium"],
        "pages": str(sum(run["pages"].values())),
        "pages_per_language": str(max(run["pages"].values())),
        "axe_checks": str(run["axe_checks"]),
    }


def results_table(run: dict, strings: dict[str, str]) -> str:
    """A Markdown table: each gate, what it checks, and whether it passed in the last run."""
    rows = [f"| {strings['a11y_gate']} | {strings['a11y_result']} |", "| --- | --- |"]
    for gate in GATES:
        passed = run["gates"].get(gate, {}).get("passed")
        result = strings["a11y_passed"] if passed else strings["a11y_failed"]
        rows.append(f"| {strings[f'a11y_gate_{gate}']} | {result} |")
    return "\n".join(rows)


def render(markdown: str, run: dict | None, lang: str, strings: dict[str, str], path: str) -> str:
    """Fill in the statement: the results table at the marker, the facts at [[placeholders]]."""
    where = "where the results of the last test run go"
    if run is None:
        # No recorded run: say so instead of the facts (the placeholders' paragraphs go too).
        kept = "\n\n".join(block for block in markdown.split("\n\n") if not PLACEHOLDER.search(block))
        return fill_marker(kept, MARKER, lambda: strings["a11y_not_run"], path, where)
    values = facts(run, lang, strings)

    def fill(match: re.Match) -> str:
        if match.group(1) not in values:
            raise ContentError(path, f"unknown placeholder {match.group(0)} (known: "
                               + ", ".join(sorted(values)) + ")", line_of(markdown, match.group(0)))
        return values[match.group(1)]
    return fill_marker(PLACEHOLDER.sub(fill, markdown), MARKER, lambda: results_table(run, strings), path, where)
