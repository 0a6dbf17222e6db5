"""V3 structure: the copy has the source's rows, its foreign keys resolve, its keys are unique.

The policy has no row filter, so every table of the target must have as many rows as the
same table of the source. Foreign keys and unique constraints (primary keys included) are
taken from both schemas, since a copy may be written without declaring them, and checked
on the target's data. Keys are compared by a 64-bit hash of their text form, held in a
sorted Arrow array: 8 bytes a row. A NULL in any key column exempts the row, as in SQL.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence

import pyarrow as pa
import pyarrow.compute as pc

from sluis.discover.cells import as_text
from sluis.model.schema import ForeignKey, Table
from sluis.sources import Source
from sluis.verify.context import VerifyContext
from sluis.verify.fingerprints import search
from sluis.verify.report import CheckResult, Finding, finding_rows

CODE = "V3"
NAME = "structure"


def run(ctx: VerifyContext) -> CheckResult:
    findings: list[Finding] = []
    counts = {"tables": 0, "foreign_keys": 0, "unique_constraints": 0}
    for target in ctx.target_schema.tables:
        source = ctx.source_table(target.name)
        if source is None:
            continue
        counts["tables"] += 1
        expected, actual = ctx.source.row_count(target.name), ctx.target.row_count(target.name)
        if expected != actual:
            findings.append(
                Finding(
                    f"row count {actual}, the source has {expected}",
                    target.name,
                    count=abs(expected - actual),
                )
            )
        columns = {c.name for c in target.columns}
        for key in _unique_keys(source, target):
            if set(key) <= columns:
                counts["unique_constraints"] += 1
                findings += _duplicates(ctx, target.name, key)
        for fk in _foreign_keys(source, target):
            ref = ctx.target_table(fk.ref_table)
            if not set(fk.columns) <= columns or ref is None:
                continue
            if not set(fk.ref_columns) <= {c.name for c in ref.columns}:
                continue
            counts["foreign_keys"] += 1
            findings += _dangling(ctx, target.name, fk)
    counts["problems"] = len(findings)
    return CheckResult(CODE, NAME, not findings, counts, tuple(findings))


def _unique_keys(source: Table, target: Table) -> list[tuple[str, ...]]:
    keys: list[tuple[str, ...]] = []
    for table in (source, target):
        for key in ((table.primary_key,) if table.primary_key else ()) + table.unique:
            if key and key not in keys:
                keys.append(key)
    return keys


def _foreign_keys(source: Table, target: Table) -> list[ForeignKey]:
    out: list[ForeignKey] = []
    for fk in (*source.foreign_keys, *target.foreign_keys):
        if fk not in out:
            out.append(fk)
    return out


def _key_hashes(
    db: Source, batch_rows: int, table: str, columns: Sequence[str]
) -> Iterator[tuple[int, list[int | None]]]:
    """Per batch: its first row position and the key hash of each row (None with a NULL)."""
    position = 0
    for batch in db.batches(table, list(columns), batch_rows=batch_rows):
        values = [batch.column(i).to_pylist() for i in range(len(columns))]
        hashes: list[int | None] = []
        for row in zip(*values, strict=True):
            texts = [as_text(v) if not isinstance(v, bytes) else v.hex() for v in row]
            if any(t is None for t in texts):
                hashes.append(None)
                continue
            digest = hashlib.blake2b("\x1f".join(map(str, texts)).encode(), digest_size=8)
            hashes.append(int.from_bytes(digest.digest(), "big"))
        yield position, hashes
        position += batch.num_rows


def _sorted_keys(db: Source, batch_rows: int, table: str, columns: Sequence[str]) -> pa.Array:
    chunks = [
        pa.array([h for h in hashes if h is not None], type=pa.uint64())
        for _, hashes in _key_hashes(db, batch_rows, table, columns)
    ]
    if not chunks:
        return pa.array([], type=pa.uint64())
    keys = pa.concat_arrays(chunks)
    return keys.take(pc.array_sort_indices(keys))


def _duplicates(ctx: VerifyContext, table: str, key: tuple[str, ...]) -> list[Finding]:
    ordered = _sorted_keys(ctx.target, ctx.options.batch_rows, table, key)
    if len(ordered) < 2:
        return []
    repeats = pc.sum(pc.equal(ordered.slice(1), ordered.slice(0, len(ordered) - 1))).as_py()
    if not repeats:
        return []
    return [
        Finding(
            f"unique key ({', '.join(key)}) has repeated values",
            table,
            ", ".join(key),
            count=repeats,
        )
    ]


def _dangling(ctx: VerifyContext, table: str, fk: ForeignKey) -> list[Finding]:
    """A finding when more of the copy's rows than the source's have a key that does not
    resolve: a source written without enforcing its foreign keys is copied as it is."""
    rows = _unresolved(ctx.target, ctx.options.batch_rows, table, fk)
    if not rows:
        return []
    before = (
        _unresolved(ctx.source, ctx.options.batch_rows, table, fk) if _in(ctx, table, fk) else []
    )
    if len(rows) <= len(before):
        return []
    target = f"{fk.ref_table}({', '.join(fk.ref_columns)})"
    return [
        Finding(
            f"foreign key to {target} does not resolve"
            + (f" (in the source, {len(before)} rows)" if before else ""),
            table,
            ", ".join(fk.columns),
            count=len(rows) - len(before),
            rows=finding_rows(rows),
        )
    ]


def _in(ctx: VerifyContext, table: str, fk: ForeignKey) -> bool:
    """Whether the source has both ends of the foreign key."""
    ends = ((table, fk.columns), (fk.ref_table, fk.ref_columns))
    return all(
        (found := ctx.source_table(name)) is not None
        and set(columns) <= {c.name for c in found.columns}
        for name, columns in ends
    )


def _unresolved(db: Source, batch_rows: int, table: str, fk: ForeignKey) -> list[int]:
    """The 1-based positions of ``table``'s rows in ``db`` whose key ``fk`` does not find."""
    keys = _sorted_keys(db, batch_rows, fk.ref_table, fk.ref_columns)
    rows: list[int] = []
    for start, hashes in _key_hashes(db, batch_rows, table, fk.columns):
        present = [(i, h) for i, h in enumerate(hashes) if h is not None]
        if not present:
            continue
        if len(keys) == 0:
            rows += [start + i + 1 for i, _ in present]
            continue
        found, _ = search(keys, pa.array([h for _, h in present], type=pa.uint64()))
        rows += [
            start + i + 1 for (i, _), ok in zip(present, found.to_pylist(), strict=True) if not ok
        ]
    return rows
