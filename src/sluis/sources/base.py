"""What every source gives: its schema and its rows as Arrow record batches."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from types import TracebackType
from typing import Protocol

import pyarrow as pa

from sluis.model.schema import Schema

DEFAULT_BATCH_ROWS = 65_536


class Source(Protocol):
    """A readable database or folder of files.

    ``batches`` yields record batches of at most ``batch_rows`` rows whose fields are the
    requested columns in the requested order, so memory stays bounded by the batch size.
    ``limit`` caps the rows read (``None`` reads all). Errors are ``SourceError`` or
    ``MissingTableError`` and never quote a value.

    Rows come in one order on every read: a database table with a primary key in key
    order. A heap's order changes with updates, vacuum and synchronized scans, and verify
    pairs the rows of a source and its copy by position (a SQLite copy stores the rows of
    an integer key in key order, whatever order they were written in).
    """

    url: str

    def schema(self) -> Schema: ...

    def row_count(self, table: str) -> int: ...

    def batches(
        self,
        table: str,
        columns: Sequence[str] | None = None,
        *,
        batch_rows: int = DEFAULT_BATCH_ROWS,
        limit: int | None = None,
    ) -> Iterator[pa.RecordBatch]: ...

    def close(self) -> None: ...

    def __enter__(self) -> Source: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...
