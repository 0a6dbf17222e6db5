"""A folder of Parquet files, one ``<table>.parquet`` per table, written as a stream.

A table's file takes the Arrow types of its first batch (later batches are cast to them);
a table that gets no rows takes types from the logical column types. NOT NULL columns are
non-nullable fields. Parquet has no keys: primary, unique and foreign keys are not written.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from sluis.errors import SourceError
from sluis.model.schema import Column, LogicalType, Table
from sluis.sinks._arrow import plain
from sluis.sinks._folder import FileWriter, FolderSink

_BY_LOGICAL = {
    LogicalType.INTEGER: pa.int64(),
    LogicalType.FLOAT: pa.float64(),
    LogicalType.BOOLEAN: pa.bool_(),
    LogicalType.DATE: pa.date32(),
    LogicalType.TIME: pa.time64("us"),
    LogicalType.BLOB: pa.binary(),
}


def arrow_type(column: Column) -> pa.DataType:
    """The Arrow type for a column of a table that received no batch."""
    if column.type is LogicalType.TIMESTAMP:
        native = column.native_type.lower()
        zoned = "with time zone" in native or "tz=" in native or "timestamptz" in native
        return pa.timestamp("us", "UTC" if zoned else None)
    return _BY_LOGICAL.get(column.type, pa.string())


class ParquetTableWriter(FileWriter):
    def __init__(self, table: Table, path: Path) -> None:
        self.table = table
        self.path = path
        self._writer: pq.ParquetWriter | None = None
        self._schema: pa.Schema | None = None

    def _open(self, types: list[pa.DataType]) -> pq.ParquetWriter:
        fields = [
            pa.field(col.name, type_, nullable=col.nullable)
            for col, type_ in zip(self.table.columns, types, strict=True)
        ]
        self._schema = pa.schema(fields)
        self._writer = pq.ParquetWriter(self.path, self._schema)
        return self._writer

    def write(self, batch: pa.RecordBatch) -> None:
        arrays = [plain(column) for column in batch.columns]
        for col, array in zip(self.table.columns, arrays, strict=True):
            if not col.nullable and array.null_count:
                raise SourceError(
                    f"cannot write table {self.table.name!r}: column {col.name!r} is NOT NULL"
                    f" but {array.null_count} value(s) are NULL"
                )
        writer = self._writer or self._open([a.type for a in arrays])
        assert self._schema is not None
        data = pa.RecordBatch.from_arrays(
            [
                a if a.type == f.type else a.cast(f.type)
                for a, f in zip(arrays, self._schema, strict=True)
            ],
            schema=self._schema,
        )
        writer.write_batch(data)

    def close(self) -> None:
        writer = self._writer or self._open([arrow_type(c) for c in self.table.columns])
        writer.close()


class ParquetSink(FolderSink):
    suffix = ".parquet"
    kind = "Parquet"

    def open_writer(self, table: Table, path: Path) -> FileWriter:
        return ParquetTableWriter(table, path)
