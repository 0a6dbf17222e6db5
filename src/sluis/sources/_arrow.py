"""Helpers every source shares: closing on exit, column selection, batch sizing and Arrow
type mapping."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from types import TracebackType
from typing import Self

import pyarrow as pa

from sluis.errors import InputError
from sluis.model.schema import LogicalType, Table


class ClosingSource:
    """Makes a source a context manager that calls its ``close`` on exit."""

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def select_columns(table: Table, columns: Sequence[str] | None) -> list[str]:
    """The requested column names in order (all when ``None``); unknown names raise."""
    known = [col.name for col in table.columns]
    if columns is None:
        return known
    if not columns:
        raise InputError(f"no columns requested from table {table.name!r}")
    missing = [name for name in columns if name not in known]
    if missing:
        raise InputError(
            f"table {table.name!r} has no column {', '.join(repr(m) for m in missing)}; "
            f"its columns are: {', '.join(known)}"
        )
    return list(columns)


def check_batch_args(batch_rows: int, limit: int | None) -> None:
    if batch_rows < 1:
        raise InputError(f"batch_rows must be at least 1, not {batch_rows}")
    if limit is not None and limit < 0:
        raise InputError(f"limit must not be negative, not {limit}")


def rebatch(
    batches: Iterable[pa.RecordBatch], batch_rows: int, limit: int | None
) -> Iterator[pa.RecordBatch]:
    """Slice ``batches`` to at most ``batch_rows`` rows each and stop after ``limit`` rows.

    Slices are zero-copy views, so this adds no memory beyond the incoming batch. Empty
    batches are dropped.
    """
    remaining = limit
    for batch in batches:
        offset = 0
        while offset < batch.num_rows:
            if remaining is not None and remaining <= 0:
                return
            size = min(batch_rows, batch.num_rows - offset)
            if remaining is not None:
                size = min(size, remaining)
                remaining -= size
            yield batch.slice(offset, size)
            offset += size
        if remaining is not None and remaining <= 0:
            return


def logical_type_of(arrow_type: pa.DataType) -> LogicalType:
    """The logical type of an Arrow field, for sources that are Arrow already (Parquet)."""
    checks: tuple[tuple[LogicalType, bool], ...] = (
        (LogicalType.BOOLEAN, pa.types.is_boolean(arrow_type)),
        (LogicalType.INTEGER, pa.types.is_integer(arrow_type)),
        (LogicalType.FLOAT, pa.types.is_floating(arrow_type)),
        (LogicalType.DECIMAL, pa.types.is_decimal(arrow_type)),
        (
            LogicalType.TEXT,
            pa.types.is_string(arrow_type)
            or pa.types.is_large_string(arrow_type)
            or pa.types.is_string_view(arrow_type),
        ),
        (
            LogicalType.BLOB,
            pa.types.is_binary(arrow_type)
            or pa.types.is_large_binary(arrow_type)
            or pa.types.is_fixed_size_binary(arrow_type)
            or pa.types.is_binary_view(arrow_type),
        ),
        (LogicalType.DATE, pa.types.is_date(arrow_type)),
        (LogicalType.TIMESTAMP, pa.types.is_timestamp(arrow_type)),
        (LogicalType.TIME, pa.types.is_time(arrow_type)),
    )
    for logical, matches in checks:
        if matches:
            return logical
    if pa.types.is_dictionary(arrow_type):
        return logical_type_of(arrow_type.value_type)
    return LogicalType.OTHER
