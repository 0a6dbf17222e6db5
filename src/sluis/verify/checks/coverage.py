"""V2 coverage: the policy names every table and column of source and target, and no more.

A column in the target that the policy does not name was written by something other than
the policy (fail closed); one missing from the target means the copy is not the shape the
policy promises. Drift between source and policy is reported the same way.
"""

from __future__ import annotations

from sluis.model.drift import find_drift
from sluis.verify.context import VerifyContext
from sluis.verify.report import CheckResult, Finding

CODE = "V2"
NAME = "coverage"


def run(ctx: VerifyContext) -> CheckResult:
    findings = [
        Finding(f"source: {line}") for line in find_drift(ctx.source_schema, ctx.policy).lines()
    ]
    target = find_drift(ctx.target_schema, ctx.policy)
    findings += [
        Finding("extra table in the target, not named by the policy", t)
        for t in target.unnamed_tables
    ]
    findings += [
        Finding("extra column in the target, not named by the policy", *_split(c))
        for c in target.unnamed_columns
    ]
    findings += [Finding("table missing from the target", t) for t in target.stale_tables]
    findings += [
        Finding("column missing from the target", *_split(c)) for c in target.stale_columns
    ]
    columns = sum(len(t.columns) for t in ctx.target_schema.tables)
    counts = {
        "policy_tables": len(ctx.policy.tables),
        "target_tables": len(ctx.target_schema.tables),
        "target_columns": columns,
        "problems": len(findings),
    }
    return CheckResult(CODE, NAME, not findings, counts, tuple(findings))


def _split(qualified: str) -> tuple[str, str]:
    table, _, column = qualified.partition(".")
    return table, column
