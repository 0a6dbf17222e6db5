"""V5 re-identification risk: k-anonymity and l-diversity on the declared quasi-identifiers.

For every table the policy lists under ``quasi_identifiers`` the target's rows are grouped
by those columns as written in the copy (so generalized values count as generalized; NULL
is a value of its own). Rows whose quasi-identifiers are all NULL (suppressed) carry none
of them and belong to no group. The smallest group must hold at least ``k_anonymity`` rows (default
5); the share of rows in smaller groups is reported. When ``sensitive`` names a column for
the table, every group must also hold at least ``l_diversity`` (default 2) distinct values
of it, or membership of the group discloses that value.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from sluis.verify.context import VerifyContext
from sluis.verify.report import CheckResult, Finding

CODE = "V5"
NAME = "reidentification"


def run(ctx: VerifyContext) -> CheckResult:
    k = ctx.policy.k_anonymity
    findings: list[Finding] = []
    counts: dict[str, int] = {"tables": 0, "k_required": k}
    notes: list[str] = []
    if not ctx.policy.quasi_identifiers:
        notes.append("the policy declares no quasi-identifiers: nothing to measure")
    for name, quasi in sorted(ctx.policy.quasi_identifiers.items()):
        table = ctx.target_table(name)
        if table is None:
            findings.append(Finding("table with quasi-identifiers missing from the target", name))
            continue
        present = {c.name for c in table.columns}
        sensitive = ctx.policy.sensitive.get(name)
        wanted = [*quasi, *([sensitive] if sensitive else [])]
        missing = [c for c in wanted if c not in present]
        if missing or not quasi:
            findings += [
                Finding("declared column missing from the target", name, c) for c in missing
            ]
            continue
        counts["tables"] += 1
        data = pa.Table.from_batches(
            list(ctx.target.batches(name, wanted, batch_rows=ctx.options.batch_rows))
        )
        suppressed = pc.is_null(data.column(quasi[0]))
        for column in quasi[1:]:
            suppressed = pc.and_(suppressed, pc.is_null(data.column(column)))
        data = data.filter(pc.invert(suppressed))
        counts[f"{name}.suppressed_rows"] = int(pc.sum(suppressed).as_py() or 0)
        if data.num_rows == 0:
            continue
        findings += _k_anonymity(data, name, quasi, k, counts, notes)
        if sensitive:
            findings += _l_diversity(data, name, quasi, sensitive, ctx.options.l_diversity)
    return CheckResult(CODE, NAME, not findings, counts, tuple(findings), tuple(notes))


def _k_anonymity(
    data: pa.Table,
    name: str,
    quasi: list[str],
    k: int,
    counts: dict[str, int],
    notes: list[str],
) -> list[Finding]:
    sizes = data.group_by(quasi).aggregate([([], "count_all")]).column("count_all")
    smallest = pc.min(sizes).as_py()
    small = pc.less(sizes, k)
    groups = pc.sum(small).as_py() or 0
    rows = pc.sum(pc.filter(sizes, small)).as_py() or 0
    counts[f"{name}.groups"] = len(sizes)
    counts[f"{name}.smallest_group"] = smallest
    counts[f"{name}.rows_in_small_groups"] = rows
    share = 100 * rows / data.num_rows
    notes.append(
        f"{name} ({', '.join(quasi)}): {len(sizes)} groups, smallest {smallest}, "
        f"{share:.2f}% of rows in groups below k={k}"
    )
    if not groups:
        return []
    return [
        Finding(
            f"{groups} groups below k={k} (smallest {smallest}); {share:.2f}% of rows",
            name,
            ", ".join(quasi),
            "k-anonymity",
            rows,
        )
    ]


def _l_diversity(
    data: pa.Table, name: str, quasi: list[str], sensitive: str, l_min: int
) -> list[Finding]:
    counted = data.group_by(quasi).aggregate(
        [(sensitive, "count_distinct", pc.CountOptions(mode="all"))]
    )
    distinct = counted.column(f"{sensitive}_count_distinct")
    poor = pc.sum(pc.less(distinct, l_min)).as_py() or 0
    if not poor:
        return []
    return [
        Finding(
            f"{poor} groups with fewer than {l_min} distinct values of {sensitive}",
            name,
            sensitive,
            "l-diversity",
            poor,
        )
    ]
