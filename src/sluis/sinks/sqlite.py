"""A SQLite file target, staged as ``<target>.sluis-staging-<random>`` beside it.

The staging file is loaded with journalling and syncing off (a crash only loses the staging
copy) through ADBC, which binds Arrow columns directly and loads about 2.4 times as fast as
``executemany``. Foreign keys must be declared in ``CREATE TABLE`` in SQLite, so ``create``
declares them (enforcement stays off while loading, as it is by default) and ``finish``
builds the unique indexes. ``publish`` switches the file to a rollback journal, fsyncs it
and renames it over the target (``os.replace``, atomic on POSIX).

Column types: the source's declared type is kept when it is a valid SQLite type name whose
affinity gives the same logical type back; otherwise the logical type decides. So a
``varchar(9)`` keeps text affinity (leading zeros stay) and a PostgreSQL ``uuid`` or domain
becomes ``TEXT``, never NUMERIC affinity that would turn ``0123`` into ``123``.
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing, suppress
from pathlib import Path
from typing import Any

import adbc_driver_manager
import adbc_driver_sqlite.dbapi as adbc_sqlite
import pyarrow as pa

from sluis.errors import SourceError
from sluis.model.schema import Column, LogicalType, Schema, Table
from sluis.sinks._arrow import sqlite_value_array
from sluis.sinks._files import STAGING_MARK, fsync_path, remove, sibling
from sluis.sinks.base import StagedSink
from sluis.sources.sqlite import logical_type, quote_ident

SQLITE_HEADER = b"SQLite format 3\x00"
_SIDE_FILES = ("-journal", "-wal", "-shm")

_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
_NUMBER = r"\s*[+-]?\d+(\.\d+)?\s*"
_VALID_TYPE = re.compile(rf"^{_NAME}(\s+{_NAME})*(\s*\({_NUMBER}(,{_NUMBER})?\))?$")

_BY_LOGICAL = {
    LogicalType.INTEGER: "INTEGER",
    LogicalType.FLOAT: "REAL",
    LogicalType.DECIMAL: "NUMERIC",
    LogicalType.TEXT: "TEXT",
    LogicalType.BOOLEAN: "BOOLEAN",
    LogicalType.DATE: "DATE",
    LogicalType.TIMESTAMP: "TIMESTAMP",
    LogicalType.TIME: "TIME",
    LogicalType.BLOB: "BLOB",
    LogicalType.JSON: "JSON",
    # No declared type: BLOB affinity stores every value exactly as given.
    LogicalType.OTHER: "",
}


def sqlite_type(column: Column) -> str:
    """The declared type for ``column`` in a SQLite target (see the module docstring)."""
    native = column.native_type.strip()
    if (
        column.type is not LogicalType.OTHER
        and _VALID_TYPE.match(native)
        and logical_type(native) is column.type
    ):
        return native
    return _BY_LOGICAL[column.type]


def create_table_sql(table: Table) -> str:
    """``CREATE TABLE`` with columns, NOT NULL, primary and foreign keys (no unique yet)."""
    parts = []
    for col in table.columns:
        declared = sqlite_type(col)
        item = quote_ident(col.name) + (f" {declared}" if declared else "")
        parts.append(item + ("" if col.nullable else " NOT NULL"))
    if table.primary_key:
        parts.append(f"PRIMARY KEY ({_names(table.primary_key)})")
    for fk in table.foreign_keys:
        parts.append(
            f"FOREIGN KEY ({_names(fk.columns)}) REFERENCES {quote_ident(fk.ref_table)}"
            f" ({_names(fk.ref_columns)})"
        )
    return f"CREATE TABLE {quote_ident(table.name)} ({', '.join(parts)})"


def _names(columns: tuple[str, ...]) -> str:
    return ", ".join(quote_ident(c) for c in columns)


def _fail(target: Path, action: str, exc: BaseException) -> SourceError:
    # sqlite3 messages quote SQL and constraint names, never row values; ADBC's may quote
    # the statement, so only its class is named.
    reason = str(exc) if isinstance(exc, sqlite3.Error) else type(exc).__name__
    return SourceError(f"cannot {action} SQLite target {target} ({reason})")


class SqliteSink(StagedSink):
    """A SQLite database file written through a staging file beside it."""

    def __init__(self, path: str | Path, url: str, schema: Schema) -> None:
        super().__init__(url, schema)
        self.path = Path(path)
        self.staging = sibling(self.path, STAGING_MARK)
        self._adbc: Any = None

    def describe(self) -> str:
        return str(self.path)

    def _create(self) -> None:
        self._check_target()
        try:
            with closing(sqlite3.connect(self.staging, isolation_level=None)) as conn:
                conn.execute("PRAGMA journal_mode=OFF")
                conn.execute("BEGIN")
                for table in self.schema.tables:
                    conn.execute(create_table_sql(table))
                conn.execute("COMMIT")
            self._adbc = adbc_sqlite.connect(str(self.staging), autocommit=True)
            with self._adbc.cursor() as cur:
                for pragma in ("journal_mode=OFF", "synchronous=OFF", "foreign_keys=OFF"):
                    cur.execute(f"PRAGMA {pragma}")
                    cur.fetchall()
        except (sqlite3.Error, adbc_driver_manager.Error) as exc:
            raise _fail(self.path, "create the staging copy of", exc) from None

    def _check_target(self) -> None:
        if not self.path.parent.is_dir():
            raise SourceError(f"cannot create SQLite target {self.path}: no folder to hold it")
        if self.path.exists():
            head = b"?"
            if self.path.is_file():
                with self.path.open("rb") as handle:
                    head = handle.read(len(SQLITE_HEADER))
            if head not in (b"", SQLITE_HEADER):
                raise SourceError(
                    f"refusing to replace {self.path}: it exists and is not a SQLite database"
                )
            if head == SQLITE_HEADER:
                self._check_no_strangers()

    def _check_no_strangers(self) -> None:
        """An existing target may hold an earlier copy (replaced whole); a table that is not
        part of this copy means it is another database, which is not overwritten."""
        try:
            with closing(sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)) as conn:
                rows = conn.execute(
                    "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
                    " AND name NOT LIKE 'sqlite_%'"
                ).fetchall()
        except sqlite3.Error as exc:
            raise _fail(self.path, "read", exc) from None
        strangers = sorted({str(name) for (name,) in rows} - {t.name for t in self.schema.tables})
        if strangers:
            names = ", ".join(strangers[:10])
            raise SourceError(
                f"refusing to replace {self.path}: it holds {len(strangers)} table(s) or view(s)"
                f" that are not part of the copy ({names}); name a new file or delete this one"
            )

    def _write(self, table: Table, batch: pa.RecordBatch) -> None:
        arrays = [sqlite_value_array(column) for column in batch.columns]
        data = pa.RecordBatch.from_arrays(arrays, names=batch.schema.names)
        try:
            with self._adbc.cursor() as cur:
                cur.adbc_ingest(table.name, data, mode="append")
        except adbc_driver_manager.Error as exc:
            raise _fail(self.path, f"write table {table.name!r} of", exc) from None

    def _finish(self) -> None:
        self._close_adbc()
        try:
            with closing(sqlite3.connect(self.staging, isolation_level=None)) as conn:
                conn.execute("PRAGMA journal_mode=OFF")
                for table in self.schema.tables:
                    for number, columns in enumerate(table.unique, start=1):
                        index = quote_ident(f"sluis_{table.name}_unique_{number}")
                        conn.execute(
                            f"CREATE UNIQUE INDEX {index} ON {quote_ident(table.name)}"
                            f" ({_names(columns)})"
                        )
                conn.execute("ANALYZE")
                # A rollback journal from here on: the published file is an ordinary database.
                conn.execute("PRAGMA journal_mode=DELETE")
        except sqlite3.Error as exc:
            raise _fail(self.path, "index the staging copy of", exc) from None

    def _staged_url(self) -> str:
        return f"sqlite:///{self.staging}"

    def _publish(self) -> None:
        self._settle_target()
        try:
            fsync_path(self.staging)
            self.staging.replace(self.path)
            fsync_path(self.path.parent)
        except OSError as exc:
            raise _fail(self.path, "publish", exc) from None

    def _settle_target(self) -> None:
        """Make sure no journal of the old target would be applied to the new file.

        A leftover ``-wal`` or hot ``-journal`` belongs to the old database; opening it
        once checkpoints or rolls it back. If one remains, another program has the old
        target open and replacing it is refused.
        """
        if not any(self._side(s).exists() for s in _SIDE_FILES):
            return
        try:
            with closing(sqlite3.connect(self.path, isolation_level=None)) as conn:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
                conn.execute("PRAGMA journal_mode=DELETE").fetchall()
        except sqlite3.Error as exc:
            raise _fail(self.path, "close the journal of the old", exc) from None
        if any(self._side(s).exists() for s in _SIDE_FILES):
            raise SourceError(
                f"cannot publish to SQLite target {self.path}: it is open in another program"
                " (its journal is in use); close it and run again"
            )

    def _side(self, suffix: str) -> Path:
        return self.path.with_name(self.path.name + suffix)

    def _close_adbc(self) -> None:
        if self._adbc is not None:
            with suppress(adbc_driver_manager.Error):
                self._adbc.close()
            self._adbc = None

    def _abort(self) -> None:
        self._close_adbc()
        for suffix in ("", *_SIDE_FILES):
            remove(self.staging.with_name(self.staging.name + suffix))
