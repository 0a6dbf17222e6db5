"""A folder of Parquet files; Parquet has no keys, so tables have none."""

from __future__ import annotations

from pathlib import Path

import pyarrow.dataset as ds

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
