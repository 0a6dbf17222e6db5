"""SQLite files, read-only, through the standard library.

SQLite types values, not columns: a column declared ``INTEGER`` may hold text in some rows.
The Arrow type of each column is therefore chosen from the storage classes actually present
(one ``typeof`` pass, cached per table), not from the declaration alone: only integers give
``int64``, only reals (or integers and reals in a float/decimal column) give ``float64``,
only blobs give ``binary``, and any mix falls back to ``string``. A column holding only
NULLs takes the type its declaration suggests. So every batch of a table has the same
Arrow schema and no value makes a scan fail.

Rows are read by the ADBC SQLite driver straight into Arrow (several times faster than
Python's ``sqlite3``). That driver types a column by the first rows it sees, so the query
starts with one marker row of the chosen types, dropped from the result. A column of mixed
storage needs a per-value conversion and is read through ``sqlite3`` instead.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

import adbc_driver_manager
import adbc_driver_sqlite.dbapi as adbc_sqlite
import pyarrow as pa
import pyarrow.compute as pc

from sluis.errors import MissingTableError, SourceError
from sluis.model.schema import Column, ForeignKey, LogicalType, Schema, Table
from sluis.sources._arrow import ClosingSource, check_batch_args, select_columns
from sluis.sources.base import DEFAULT_BATCH_ROWS

_WITHOUT_ROWID = re.compile(r"\bWITHOUT\s+ROWID\b", re.IGNORECASE)


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def logical_type(declared: str) -> LogicalType:
    """Map a declared column type by SQLite's affinity rules, refined for NUMERIC affinity.

    The first four checks are SQLite's own, in its order (so ``POINT`` is an integer, as
    SQLite treats it); names SQLite gives NUMERIC affinity are then split into the logical
    types they conventionally mean.
    """
    upper = declared.upper()
    if "INT" in upper:
        return LogicalType.INTEGER
    if any(word in upper for word in ("CHAR", "CLOB", "TEXT")):
        return LogicalType.TEXT
    if "BLOB" in upper:
        return LogicalType.BLOB
    if not upper.strip():
        return LogicalType.OTHER
    if any(word in upper for word in ("REAL", "FLOA", "DOUB")):
        return LogicalType.FLOAT
    refinements = (
        ("BOOL", LogicalType.BOOLEAN),
        ("JSON", LogicalType.JSON),
        ("TIMESTAMP", LogicalType.TIMESTAMP),
        ("DATETIME", LogicalType.TIMESTAMP),
        ("DATE", LogicalType.DATE),
        ("TIME", LogicalType.TIME),
        ("DEC", LogicalType.DECIMAL),
        ("NUMERIC", LogicalType.DECIMAL),
    )
    for word, logical in refinements:
        if word in upper:
            return logical
    return LogicalType.OTHER


def arrow_type(logical: LogicalType, storage: frozenset[str]) -> pa.DataType:
    """The Arrow type for a column with ``logical`` type holding the ``storage`` classes."""
    present = storage - {"null"}
    if not present:
        return {
            LogicalType.INTEGER: pa.int64(),
            LogicalType.FLOAT: pa.float64(),
            LogicalType.BLOB: pa.binary(),
        }.get(logical, pa.string())
    if present == {"integer"}:
        return pa.int64()
    if present == {"real"} or (
        present == {"integer", "real"} and logical in (LogicalType.FLOAT, LogicalType.DECIMAL)
    ):
        return pa.float64()
    if present == {"blob"}:
        return pa.binary()
    return pa.string()


def as_text(value: object) -> str | None:
    """A value of any storage class as a string (for columns of mixed storage)."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return "\\x" + value.hex()
    return str(value)


def _as_float(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


def converter(storage: frozenset[str], type_: pa.DataType) -> Callable[[object], object] | None:
    """The per-value conversion a column of ``type_`` needs, or None when Arrow takes the
    values as they are (the common case, and the fast one)."""
    present = storage - {"null"}
    if pa.types.is_string(type_) and not present <= {"text"}:
        return as_text
    if pa.types.is_floating(type_) and "integer" in present:
        return _as_float
    return None


def _column_array(
    values: tuple[Any, ...], type_: pa.DataType, convert: Callable[[object], object] | None
) -> pa.Array:
    if convert is not None:
        return pa.array([convert(v) for v in values], type=type_)
    return pa.array(values, type=type_)


# A literal of each Arrow type a read gives, for the marker row.
_TYPE_MARKERS = {pa.int64(): "0", pa.float64(): "0.0", pa.string(): "''", pa.binary(): "x''"}


def _unused_name(names: Sequence[str]) -> str:
    name = "sluis_row"
    while name in names:
        name += "_"
    return name


def _unmarked(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """The batches without the marker row and column (the first column: 0 on the marker)."""
    for batch in batches:
        rows = batch.column(0)
        if not pc.all(pc.equal(rows, 1)).as_py():
            batch = batch.filter(pc.equal(rows, 1))
        yield batch.drop_columns([batch.schema.names[0]])


def _resliced(batches: Iterable[pa.RecordBatch], size: int) -> Iterator[pa.RecordBatch]:
    """Batches of exactly ``size`` rows (the last one fewer): the marker row made the
    driver's first batch one short."""
    carry: pa.RecordBatch | None = None
    for batch in batches:
        if carry is not None:
            batch = pa.concat_batches([carry, batch])
        start = 0
        while batch.num_rows - start >= size:
            yield batch.slice(start, size)
            start += size
        carry = batch.slice(start) if start < batch.num_rows else None
    if carry is not None:
        yield carry


def _valid(column: pa.Array) -> bool:
    try:
        column.validate(full=True)
    except pa.ArrowInvalid:
        return False
    return True


def _primary_key(table_info: list[tuple[Any, ...]]) -> tuple[str, ...]:
    """Primary key columns in key order from ``PRAGMA table_info`` rows (``pk`` is 1-based)."""
    return tuple(r[1] for r in sorted((r for r in table_info if r[5] > 0), key=lambda r: r[5]))


class SqliteSource(ClosingSource):
    """A SQLite database file opened read-only (``mode=ro``), so a scan never changes it."""

    def __init__(self, path: str | Path, url: str | None = None) -> None:
        self.path = Path(path)
        self.url = url or f"sqlite:///{self.path}"
        if not self.path.is_file():
            raise SourceError(f"no SQLite database at {self.path}")
        self._conn = self._connect()
        try:
            self._conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise SourceError(f"{self.path} is not a readable SQLite database ({exc})") from None
        self._schema: Schema | None = None
        self._storage: dict[str, dict[str, frozenset[str]]] = {}

    def _connect(self) -> sqlite3.Connection:
        uri = f"file:{quote(str(self.path.resolve()))}?mode=ro"
        try:
            return sqlite3.connect(uri, uri=True, check_same_thread=False)
        except sqlite3.Error as exc:
            raise SourceError(f"cannot open SQLite database {self.path} ({exc})") from None

    def close(self) -> None:
        self._conn.close()

    def schema(self) -> Schema:
        if self._schema is None:
            rows = self._query(
                "SELECT name, sql FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid"
            )
            self._schema = Schema(tuple(self._table(name, ddl or "") for name, ddl in rows))
        return self._schema

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise SourceError(f"cannot read SQLite database {self.path} ({exc})") from None

    def _table(self, name: str, ddl: str) -> Table:
        quoted = quote_ident(name)
        info = self._query(f"PRAGMA table_info({quoted})")
        pk = _primary_key(info)
        # The key of a WITHOUT ROWID table, and an INTEGER PRIMARY KEY (the rowid), can never
        # be NULL; other primary key columns can, in SQLite.
        pk_not_null = set(pk) if _WITHOUT_ROWID.search(ddl) else set()
        if len(pk) == 1 and any(r[1] == pk[0] and r[2].strip().upper() == "INTEGER" for r in info):
            pk_not_null.add(pk[0])
        columns = tuple(
            Column(
                name=r[1],
                type=logical_type(r[2] or ""),
                native_type=r[2] or "",
                nullable=not r[3] and r[1] not in pk_not_null,
            )
            for r in info
        )
        return Table(
            name=name,
            columns=columns,
            primary_key=pk,
            foreign_keys=self._foreign_keys(quoted),
            unique=self._unique(quoted),
        )

    def _foreign_keys(self, quoted: str) -> tuple[ForeignKey, ...]:
        # rows: id, seq, table, from, to, on_update, on_delete, match
        grouped: dict[int, list[tuple[Any, ...]]] = {}
        for row in self._query(f"PRAGMA foreign_key_list({quoted})"):
            grouped.setdefault(row[0], []).append(row)
        keys = []
        for fk_id in sorted(grouped):
            rows = sorted(grouped[fk_id], key=lambda r: r[1])
            ref_table = rows[0][2]
            ref_columns = tuple(r[4] for r in rows)
            if any(col is None for col in ref_columns):
                # REFERENCES t without columns means the parent's primary key.
                ref_columns = self._primary_key_of(ref_table)
            keys.append(ForeignKey(tuple(r[3] for r in rows), ref_table, ref_columns))
        return tuple(keys)

    def _primary_key_of(self, table: str) -> tuple[str, ...]:
        return _primary_key(self._query(f"PRAGMA table_info({quote_ident(table)})"))

    def _unique(self, quoted: str) -> tuple[tuple[str, ...], ...]:
        # rows: seq, name, unique, origin ('c' index, 'u' constraint, 'pk'), partial
        found: list[tuple[str, ...]] = []
        for row in self._query(f"PRAGMA index_list({quoted})"):
            if not row[2] or row[3] == "pk" or row[4]:
                continue
            cols = self._query(f"PRAGMA index_info({quote_ident(row[1])})")
            names = tuple(c[2] for c in sorted(cols, key=lambda c: c[0]))
            # An index on an expression has a NULL column name: not a column constraint.
            if names and all(n is not None for n in names) and names not in found:
                found.append(names)
        return tuple(sorted(found))

    def _table_or_raise(self, table: str) -> Table:
        try:
            return self.schema().table(table)
        except KeyError:
            raise MissingTableError(f"table {table!r} is not in {self.path}") from None

    def row_count(self, table: str) -> int:
        self._table_or_raise(table)
        return int(self._query(f"SELECT count(*) FROM {quote_ident(table)}")[0][0])

    def _storage_classes(
        self, table: Table, columns: list[str], limit: int | None
    ) -> dict[str, frozenset[str]]:
        """Storage classes per column in the rows a read returns.

        Whole-table answers are cached per column. A limited read looks only at the rows it
        will return (the same query without ORDER BY visits rows in the same order), so a
        small sample of a large table stays cheap.
        """
        known = self._storage.setdefault(table.name, {})
        todo = [c for c in columns if c not in known]
        if not todo:
            return {c: known[c] for c in columns}
        select = ", ".join(f"group_concat(DISTINCT typeof({quote_ident(c)}))" for c in todo)
        source = quote_ident(table.name)
        if limit is not None:
            inner = ", ".join(quote_ident(c) for c in todo)
            source = f"(SELECT {inner} FROM {source} LIMIT {int(limit)})"
        row = self._query(f"SELECT {select} FROM {source}")[0]
        found = {
            name: frozenset(classes.split(",")) if classes else frozenset()
            for name, classes in zip(todo, row, strict=True)
        }
        if limit is None:
            known.update(found)
        return {c: known[c] if c in known else found[c] for c in columns}

    def batches(
        self,
        table: str,
        columns: Sequence[str] | None = None,
        *,
        batch_rows: int = DEFAULT_BATCH_ROWS,
        limit: int | None = None,
    ) -> Iterator[pa.RecordBatch]:
        """Stream ``table`` in batches; see the module docstring for the Arrow types.

        Arguments are checked when called, rows are read lazily on a connection of its
        own, so several scans may run at once (also from several threads).
        """
        check_batch_args(batch_rows, limit)
        meta = self._table_or_raise(table)
        names = select_columns(meta, columns)
        storage = self._storage_classes(meta, names, limit)
        arrow_schema = pa.schema(
            [pa.field(n, arrow_type(meta.column(n).type, storage[n])) for n in names]
        )
        converters = [converter(storage[f.name], f.type) for f in arrow_schema]
        sql = f"SELECT {', '.join(quote_ident(n) for n in names)} FROM {quote_ident(table)}"
        if meta.primary_key:  # one order on every read: see Source
            sql += f" ORDER BY {', '.join(quote_ident(k) for k in meta.primary_key)}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        if any(c is not None and c is not _as_float for c in converters):
            return self._stream(sql, arrow_schema, converters, batch_rows)
        return self._stream_arrow(table, sql, arrow_schema, batch_rows)

    def _stream_arrow(
        self, table: str, sql: str, arrow_schema: pa.Schema, batch_rows: int
    ) -> Iterator[pa.RecordBatch]:
        """The rows of ``sql`` through ADBC, after a marker row that fixes every column's
        type (see the module docstring); integers in a float column are cast by SQLite."""
        marker = _unused_name(arrow_schema.names)
        typed = ", ".join(f"{_TYPE_MARKERS[f.type]} AS {quote_ident(f.name)}" for f in arrow_schema)
        selected = ", ".join(
            f"CAST({quote_ident(f.name)} AS REAL)" if pa.types.is_floating(f.type)
            else quote_ident(f.name)
            for f in arrow_schema
        )  # fmt: skip
        query = (
            f"SELECT 0 AS {quote_ident(marker)}, {typed} UNION ALL"
            f" SELECT 1, {selected} FROM ({sql})"
        )
        uri = f"file:{quote(str(self.path.resolve()))}?mode=ro"
        try:
            with adbc_sqlite.connect(uri) as conn, conn.cursor() as cursor:
                cursor.adbc_statement.set_options(
                    **{"adbc.sqlite.query.batch_rows": str(batch_rows)}
                )
                cursor.execute(query)
                for batch in _resliced(_unmarked(cursor.fetch_record_batch()), batch_rows):
                    yield self._checked(table, batch, arrow_schema)
        except adbc_driver_manager.Error as exc:
            raise SourceError(f"cannot read SQLite database {self.path} ({exc})") from None

    def _checked(self, table: str, batch: pa.RecordBatch, schema: pa.Schema) -> pa.RecordBatch:
        """``batch`` in ``schema``'s types, its text valid UTF-8; a failure names the column,
        never a value (``sqlite3`` and Arrow quote the value)."""
        arrays = []
        for column, field in zip(batch.columns, schema, strict=True):
            try:
                arrays.append(column.cast(field.type))
            except (pa.ArrowInvalid, pa.ArrowTypeError):
                raise SourceError(
                    f"cannot read SQLite database {self.path}: column {field.name!r} of table"
                    f" {table!r} changed its types while it was read; run again"
                ) from None
            if not _valid(arrays[-1]):
                raise SourceError(
                    f"cannot read SQLite database {self.path}: column {field.name!r} of table"
                    f" {table!r} holds text that is not valid UTF-8; store it as a BLOB or fix"
                    " its encoding"
                )
        return pa.RecordBatch.from_arrays(arrays, schema=schema)

    def _stream(
        self,
        sql: str,
        arrow_schema: pa.Schema,
        converters: list[Callable[[object], object] | None],
        batch_rows: int,
    ) -> Iterator[pa.RecordBatch]:
        conn = self._connect()
        plan = list(zip(arrow_schema.types, converters, strict=True))
        try:
            cursor = conn.execute(sql)
            while rows := cursor.fetchmany(batch_rows):
                arrays = [
                    _column_array(values, type_, convert)
                    for values, (type_, convert) in zip(zip(*rows, strict=True), plan, strict=True)
                ]
                yield pa.RecordBatch.from_arrays(arrays, schema=arrow_schema)
        except sqlite3.Error as exc:
            # sqlite3 quotes a text it cannot decode: name the problem, not the value.
            reason = "text that is not valid UTF-8" if "decode" in str(exc) else str(exc)
            raise SourceError(f"cannot read SQLite database {self.path} ({reason})") from None
        finally:
            conn.close()
