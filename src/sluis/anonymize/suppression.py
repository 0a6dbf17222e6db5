"""Local suppression: quasi-identifiers of rows in groups smaller than k become NULL.

The policy declares per table the columns that, combined, could single a person out
(``quasi_identifiers``) and the smallest group it accepts (``k_anonymity``). A first pass
counts the combinations as the copy will hold them (after ``generalize``); in the copy,
every row whose combination is rarer than k loses all its quasi-identifiers. Such a row
carries none of them any more, and the verifier counts it in no group. A row can only be
suppressed when every quasi-identifier may be NULL; when a rare combination exists and one
of its columns is NOT NULL (in the source schema, which the copy keeps), the run stops
before the table is written, naming the column and the ways out.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

from sluis.anonymize.plan import TablePlan
from sluis.errors import PolicyError
from sluis.keys import Key
from sluis.model.policy import Policy
from sluis.sources import Source


@dataclass(frozen=True)
class Suppression:
    """The quasi-identifier columns of one table and the combinations to suppress."""

    columns: tuple[str, ...]
    rare: frozenset[tuple[object, ...]]

    def apply(self, batch: pa.RecordBatch) -> pa.RecordBatch:
        if not self.rare or batch.num_rows == 0:
            return batch
        combos = zip(*(batch.column(c).to_pylist() for c in self.columns), strict=True)
        mask = pa.array([combo in self.rare for combo in combos], pa.bool_())
        if not pc.any(mask).as_py():
            return batch
        arrays = []
        for field, array in zip(batch.schema, batch.columns, strict=True):
            if field.name in self.columns:
                array = pc.if_else(mask, pa.nulls(len(array), field.type), array)
            arrays.append(array)
        return pa.RecordBatch.from_arrays(arrays, schema=batch.schema)


def plan_suppression(
    source: Source, plan: TablePlan, policy: Policy, key: Key, batch_rows: int
) -> Suppression | None:
    """Count the table's quasi-identifier combinations as the copy will hold them."""
    quasi = tuple(policy.quasi_identifiers.get(plan.table.name, ()))
    if not quasi:
        return None
    columns = tuple(c for c in plan.columns if c.name in quasi)
    sub = TablePlan(plan.table, columns)
    counts: Counter[tuple[object, ...]] = Counter()
    names = [c.name for c in columns]
    for batch in source.batches(plan.table.name, names, batch_rows=batch_rows):
        copied = sub.transform(batch, key)
        counts.update(zip(*(copied.column(n).to_pylist() for n in names), strict=True))
    rare = frozenset(c for c, n in counts.items() if n < policy.k_anonymity)
    required = [n for n in names if not plan.table.column(n).nullable]
    if rare and required:
        rows = sum(counts[c] for c in rare)
        where = f"{plan.table.name}.{required[0]}"
        raise PolicyError(
            f"{where}: {rows} rows are in groups below k={policy.k_anonymity} on the"
            f" quasi-identifiers of {plan.table.name}, but the column is NOT NULL, so they cannot"
            " be suppressed; generalize it, remove it from quasi_identifiers, or lower k_anonymity"
        )
    return Suppression(tuple(names), rare)
