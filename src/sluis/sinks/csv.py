"""A folder of CSV files, one ``<table>.csv`` per table: UTF-8, comma, a header row.

Every value is written as text, quoted: binary as ``\\x`` hex, timestamps in ISO 8601
(zoned ones in UTC with ``+00:00``). CSV cannot tell NULL from the empty string, so NULL is
written as an empty field. CSV has no keys or types beyond text.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv

from sluis.model.schema import Table
from sluis.sinks._arrow import text
from sluis.sinks._folder import FileWriter, FolderSink


class CsvTableWriter(FileWriter):
    def __init__(self, table: Table, path: Path) -> None:
        self.schema = pa.schema([pa.field(c.name, pa.string()) for c in table.columns])
        self._writer = pacsv.CSVWriter(str(path), self.schema)

    def write(self, batch: pa.RecordBatch) -> None:
        arrays = [text(column) for column in batch.columns]
        self._writer.write_batch(pa.RecordBatch.from_arrays(arrays, schema=self.schema))

    def close(self) -> None:
        self._writer.close()


class CsvSink(FolderSink):
    suffix = ".csv"
    kind = "CSV"

    def open_writer(self, table: Table, path: Path) -> FileWriter:
        return CsvTableWriter(table, path)
