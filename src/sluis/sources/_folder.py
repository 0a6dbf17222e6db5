"""A folder of data files read as tables: the part Parquet and CSV folders share.

Each file with the format's suffix directly in the folder is a table named by its stem; each
subfolder holding such files (at any depth) is one table made of all of them, named by the
subfolder. Rows stream through ``pyarrow.dataset`` with little read-ahead (a format may read
its files more frugally, see ``ParquetSource``), so memory stays bounded by a few batches.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import ClassVar

import pyarrow as pa
import pyarrow.dataset as ds

from sluis.errors import MissingTableError, SourceError
from sluis.model.schema import Schema, Table
from sluis.sources._arrow import ClosingSource, check_batch_args, rebatch, select_columns
from sluis.sources.base import DEFAULT_BATCH_ROWS


class FolderSource(ClosingSource):
    """Base of folder sources; a subclass names its suffix and builds format and table."""

    suffix: ClassVar[str]
    kind: ClassVar[str]
    # "hive" reads key=value subfolder names as columns; None ignores folder names.
    partitioning: ClassVar[str | None] = None

    def __init__(self, folder: str | Path, url: str | None = None) -> None:
        self.folder = Path(folder)
        self.url = url or f"{self.kind.lower()}:{self.folder}"
        if not self.folder.is_dir():
            raise SourceError(f"no folder at {self.folder} (a {self.kind} source is a folder)")
        self._files = self._discover()
        self._datasets: dict[str, ds.Dataset] = {}
        self._tables: dict[str, Table] = {}

    def _discover(self) -> dict[str, list[Path]]:
        tables: dict[str, list[Path]] = {}
        for entry in sorted(self.folder.iterdir()):
            if entry.name.startswith((".", "_")):
                continue
            if entry.is_file() and entry.suffix.lower() == self.suffix:
                tables.setdefault(entry.stem, [entry])
            elif entry.is_dir():
                files = sorted(
                    p
                    for p in entry.rglob(f"*{self.suffix}")
                    if p.is_file() and not p.name.startswith((".", "_"))
                )
                if files:
                    tables.setdefault(entry.name, files)
        return tables

    def close(self) -> None:
        self._datasets.clear()

    def file_format(self, files: list[Path]) -> ds.FileFormat:
        raise NotImplementedError

    def describe(self, name: str, dataset: ds.Dataset) -> Table:
        raise NotImplementedError

    def _dataset(self, name: str) -> ds.Dataset:
        if name not in self._files:
            raise MissingTableError(f"table {name!r} is not in {self.folder}")
        if name not in self._datasets:
            files = self._files[name]
            try:
                self._datasets[name] = ds.dataset(
                    [str(f) for f in files],
                    format=self.file_format(files),
                    partitioning=self.partitioning,
                    partition_base_dir=str(self.folder / name),
                )
            except (pa.ArrowException, OSError) as exc:
                raise self._read_error(name, exc) from None
        return self._datasets[name]

    def _read_error(self, name: str, exc: BaseException) -> SourceError:
        where = self._files[name][0] if len(self._files[name]) == 1 else self.folder / name
        reason = type(exc).__name__
        return SourceError(f"cannot read {self.kind} table {name!r} at {where} ({reason})")

    def schema(self) -> Schema:
        """Every table; a file that cannot be read fails the whole schema, loudly."""
        return Schema(tuple(self._table(name) for name in self._files))

    def _table(self, name: str) -> Table:
        if name not in self._tables:
            self._tables[name] = self.describe(name, self._dataset(name))
        return self._tables[name]

    def _scanned(self, table: str, names: list[str], batch_rows: int) -> Iterator[pa.RecordBatch]:
        """The table's rows in about ``batch_rows`` rows a batch."""
        scanned: Iterator[pa.RecordBatch] = self._dataset(table).to_batches(
            columns=names, batch_size=batch_rows, batch_readahead=2, fragment_readahead=1
        )
        return scanned

    def row_count(self, table: str) -> int:
        dataset = self._dataset(table)
        try:
            return int(dataset.count_rows())
        except (pa.ArrowException, OSError) as exc:
            raise self._read_error(table, exc) from None

    def batches(
        self,
        table: str,
        columns: Sequence[str] | None = None,
        *,
        batch_rows: int = DEFAULT_BATCH_ROWS,
        limit: int | None = None,
    ) -> Iterator[pa.RecordBatch]:
        """Stream ``table``; arguments are checked when called, rows read lazily."""
        check_batch_args(batch_rows, limit)
        names = select_columns(self._table(table), columns)
        return self._stream(table, names, batch_rows, limit)

    def _stream(
        self, table: str, names: list[str], batch_rows: int, limit: int | None
    ) -> Iterator[pa.RecordBatch]:
        try:
            yield from rebatch(self._scanned(table, names, batch_rows), batch_rows, limit)
        except (pa.ArrowException, OSError) as exc:
            raise self._read_error(table, exc) from None
