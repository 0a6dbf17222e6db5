"""The verification report: checks, tables, columns, row numbers and counts, never values.

Row numbers are 1-based positions in the target table's scan order (the order the
target source yields its rows), not primary keys. The JSON shape is stable::

    {"passed", "source", "target", "version", "started", "seconds",
     "checks": [{"code", "name", "passed", "counts": {..}, "notes": [..],
                 "findings": [{"table", "column", "rows": [..], "count", "category",
                               "problem"}]}]}
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

import jinja2

# Row numbers listed per finding; ``count`` always has the full number.
MAX_ROWS_LISTED = 10


@dataclass(frozen=True)
class Finding:
    """One problem at one place; ``rows`` are 1-based scan positions (at most ten)."""

    problem: str
    table: str | None = None
    column: str | None = None
    category: str | None = None
    count: int = 1
    rows: tuple[int, ...] = ()


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check; ``counts`` say how much was examined and found."""

    code: str
    name: str
    passed: bool
    counts: dict[str, int] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class VerificationReport:
    """All checks of one run; ``passed`` only when every check passed."""

    source: str
    target: str
    version: str
    started: str
    seconds: float
    checks: tuple[CheckResult, ...]

    @property
    def passed(self) -> bool:
        return bool(self.checks) and all(check.passed for check in self.checks)

    def check(self, code: str) -> CheckResult:
        for result in self.checks:
            if result.code == code:
                return result
        raise KeyError(code)

    def failed_checks(self) -> list[str]:
        return [c.code for c in self.checks if not c.passed]

    def fix(self) -> str:
        """What to change for the first failed check to pass (empty when all passed)."""
        return next((_FIXES.get(code, "") for code in self.failed_checks()), "")

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["passed"] = self.passed
        return data


def to_json(report: VerificationReport) -> str:
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sluis verification</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}
td,th{border:1px solid #bbb;padding:.3em .6em;text-align:left}.fail{color:#a00}
.pass{color:#070}</style></head><body>
<h1>Verification: <span class="{{ 'pass' if report.passed else 'fail' }}">
{{ 'PASSED' if report.passed else 'FAILED' }}</span></h1>
<p>Source {{ report.source }}<br>Target {{ report.target }}<br>
Sluis {{ report.version }}, {{ report.started }}, {{ '%.1f' % report.seconds }} s.
Row numbers are 1-based positions in the target table's scan order.</p>
{% for check in report.checks %}
<h2>{{ check.code }} {{ check.name }}:
<span class="{{ 'pass' if check.passed else 'fail' }}">{{ 'pass' if check.passed else 'FAIL' }}
</span></h2>
<p>{% for k, v in check.counts.items() %}{{ k }} {{ v }}{% if not loop.last %}, {% endif %}
{% endfor %}</p>
{% for note in check.notes %}<p>{{ note }}</p>{% endfor %}
{% if check.findings %}<table><tr><th>table</th><th>column</th><th>category</th>
<th>count</th><th>rows</th><th>problem</th></tr>
{% for f in check.findings %}<tr><td>{{ f.table or '' }}</td><td>{{ f.column or '' }}</td>
<td>{{ f.category or '' }}</td><td>{{ f.count }}</td><td>{{ f.rows|join(', ') }}</td>
<td>{{ f.problem }}</td></tr>{% endfor %}</table>{% endif %}
{% endfor %}</body></html>
"""


def to_html(report: VerificationReport) -> str:
    """One self-contained page: no scripts, no external files."""
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return env.from_string(_PAGE).render(report=report)


def finding_rows(rows: list[int]) -> tuple[int, ...]:
    return tuple(rows[:MAX_ROWS_LISTED])


# What a policy author changes when a check fails; the report lists the columns.
_FIXES = {
    "V1": "fake or pseudonymize the kept columns listed; leave free text listed out"
    " ('null') until the finder sees what it missed (README: 'Prove the copy')",
    "V2": "give every table and column a rule ('sluis policy check' lists the missing ones)",
    "V3": "give both ends of every foreign key the same rule",
    "V4": "give the columns listed a rule for the identifiers found in them",
    "V5": "generalize or leave out the quasi-identifiers listed until every group has k rows",
}
