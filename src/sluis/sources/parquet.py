"""A folder of Parquet files; Parquet has no keys, so tables have none."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from sluis.model.schema import Column, Table
from sluis.sources._arrow import logical_type_of
from sluis.sources._folder import FolderSource


class ParquetSource(FolderSource):
    """Tables from ``*.parquet`` files and subfolders of them (see ``FolderSource``)."""

    suffix = ".parquet"
    kind = "Parquet"
    partitioning = "hive"

    def file_format(self, files: list[Path]) -> ds.FileFormat:
        return ds.ParquetFileFormat()

    def describe(self, name: str, dataset: ds.Dataset) -> Table:
        columns = tuple(
            Column(f.name, logical_type_of(f.type), str(f.type), f.nullable) for f in dataset.schema
        )
        return Table(name=name, columns=columns)

    def _scanned(self, table: str, names: list[str], batch_rows: int) -> Iterator[pa.RecordBatch]:
        """File by file where every file holds the columns as the table types them (no
        column from folder names): the dataset scanner holds a whole row group decoded, and
        pyarrow writes a million rows to one by default; a file read batch by batch without
        pre-buffering holds about a batch."""
        wanted = pa.schema([self._dataset(table).schema.field(n) for n in names])
        paths = self._files[table]
        # A dotted name would also pick a nested field ("a.b" of a struct "a") in a file.
        dotted = any("." in n for n in names)
        if dotted or not all(_holds(pq.read_schema(path), wanted) for path in paths):
            yield from super()._scanned(table, names, batch_rows)
            return
        for path in paths:
            with pq.ParquetFile(path, pre_buffer=False) as file:
                for batch in file.iter_batches(batch_size=batch_rows, columns=names):
                    yield pa.RecordBatch.from_arrays(batch.columns, schema=wanted)


def _holds(schema: pa.Schema, wanted: pa.Schema) -> bool:
    """Whether ``schema`` has every field of ``wanted`` by name, with its type."""
    at = [schema.get_field_index(f.name) for f in wanted]  # -1: missing or twice
    return all(i >= 0 and schema.field(i).type == f.type for i, f in zip(at, wanted, strict=True))
