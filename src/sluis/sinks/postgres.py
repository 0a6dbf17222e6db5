"""A PostgreSQL database target, staged in a schema ``sluis_staging_<random>`` inside it.

Every table is created in the staging schema under its Sluis name (``person``, or
``archive.address`` for a table of schema ``archive``) with columns, types and NOT NULL;
rows arrive by ``COPY … (FORMAT csv)`` from Arrow's CSV writer; ``finish`` adds primary
keys, unique and foreign keys (building an index once is faster than maintaining it for
every row) and analyzes. ``publish`` runs one transaction: drop the old tables of the same
names, move each staged table into its schema (``ALTER TABLE … SET SCHEMA``, then its
plain name), drop the staging schema. Readers see the old copy or the new, never a mix.

Loading measured on two cores, 1M rows × 5 columns: text COPY 0.36M rows/s, against
0.6M rows/s for binary COPY (psycopg or ADBC). Binary COPY needs every value already in
the column's exact wire type and fails on text for numeric, jsonb, uuid, intervals, arrays
and on the text dates and booleans SQLite sources give; text COPY lets PostgreSQL's own
input functions convert, so it is the one used.

Column types: a schema read from PostgreSQL (every native type spelled as ``format_type``
spells it) keeps its built-in native types, such as ``character varying(200)``,
``numeric(12,2)`` or ``integer``; user types (enums, domains) and every other source map
from the logical type: integer→bigint, decimal→numeric, json→jsonb, blob→bytea, … .
Timestamps are read in UTC (``SET TIME ZONE 'UTC'``).

The target database must hold no tables other than the ones being written (apart from
other staging schemas): publish never leaves unverified data beside the copy, so it
refuses such a target instead of guessing what to drop.
"""

from __future__ import annotations

import io
import re
import secrets
from collections.abc import Sequence
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import psycopg
import pyarrow as pa
import pyarrow.csv as pacsv
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict

from sluis.errors import SourceError
from sluis.model.schema import Column, ForeignKey, LogicalType, Schema, Table
from sluis.sinks._arrow import pg_csv_array
from sluis.sinks.base import StagedSink
from sluis.sources.postgres import CONNECT_HINT
from sluis.sources.url import redact_url

STAGING_PREFIX = "sluis_staging_"

# format_type spellings of built-in types -> the logical type a PostgreSQL source reports.
_BUILTIN: dict[str, LogicalType] = {
    "bigint": LogicalType.INTEGER,
    "integer": LogicalType.INTEGER,
    "smallint": LogicalType.INTEGER,
    "numeric": LogicalType.DECIMAL,
    "real": LogicalType.FLOAT,
    "double precision": LogicalType.FLOAT,
    "text": LogicalType.TEXT,
    "character varying": LogicalType.TEXT,
    "character": LogicalType.TEXT,
    '"char"': LogicalType.TEXT,
    "name": LogicalType.TEXT,
    "uuid": LogicalType.TEXT,
    "boolean": LogicalType.BOOLEAN,
    "date": LogicalType.DATE,
    "timestamp without time zone": LogicalType.TIMESTAMP,
    "timestamp with time zone": LogicalType.TIMESTAMP,
    "time without time zone": LogicalType.TIME,
    "time with time zone": LogicalType.TIME,
    "bytea": LogicalType.BLOB,
    "json": LogicalType.JSON,
    "jsonb": LogicalType.JSON,
    "interval": LogicalType.OTHER,
    "inet": LogicalType.OTHER,
    "cidr": LogicalType.OTHER,
    "macaddr": LogicalType.OTHER,
    "money": LogicalType.OTHER,
    "xml": LogicalType.OTHER,
    "bit": LogicalType.OTHER,
    "bit varying": LogicalType.OTHER,
    "tsvector": LogicalType.OTHER,
    "point": LogicalType.OTHER,
}

_FORMAT_TYPE_SHAPE = re.compile(r'^[a-z_"][a-z0-9_ ."]*(\(\d+(,\d+)?\))?[a-z ]*(\[\])*$')
_MODIFIER = re.compile(r"\(\d+(,\d+)?\)")

_BY_LOGICAL = {
    LogicalType.INTEGER: "bigint",
    LogicalType.FLOAT: "double precision",
    LogicalType.DECIMAL: "numeric",
    LogicalType.TEXT: "text",
    LogicalType.BOOLEAN: "boolean",
    LogicalType.DATE: "date",
    LogicalType.TIMESTAMP: "timestamp",
    LogicalType.TIME: "time",
    LogicalType.BLOB: "bytea",
    LogicalType.JSON: "jsonb",
    LogicalType.OTHER: "text",
}

# Narrow integer types named by sources that enforce them (Parquet/Arrow, PostgreSQL).
_NARROW_INTEGERS = {
    "int2": "smallint",
    "int16": "smallint",
    "uint8": "smallint",
    "int4": "integer",
    "int32": "integer",
    "uint16": "integer",
}

_CSV_OPTIONS = pacsv.WriteOptions(include_header=False, quoting_style="needed")


def from_postgres(schema: Schema) -> bool:
    """Whether every native type is spelled as PostgreSQL's ``format_type`` spells types."""
    natives = [col.native_type for table in schema.tables for col in table.columns]
    return bool(natives) and all(_FORMAT_TYPE_SHAPE.match(n) for n in natives)


def _builtin(native: str) -> str | None:
    base = _MODIFIER.sub("", native).strip()
    return base if base in _BUILTIN else None


def pg_type(column: Column, native_ok: bool) -> str:
    """The PostgreSQL type for ``column``; ``native_ok`` when the schema came from PostgreSQL."""
    native = column.native_type.strip()
    if native_ok:
        base = _builtin(native.removesuffix("[]").strip())
        if base is not None:
            logical = LogicalType.OTHER if native.endswith("[]") else _BUILTIN[base]
            if logical is column.type:
                return native
    if column.type is LogicalType.INTEGER and native in _NARROW_INTEGERS:
        return _NARROW_INTEGERS[native]
    if column.type is LogicalType.TIMESTAMP:
        lowered = native.lower()
        zoned = "with time zone" in lowered or "tz=" in lowered or "timestamptz" in lowered
        return "timestamp with time zone" if zoned else "timestamp without time zone"
    return _BY_LOGICAL[column.type]


def split_name(name: str) -> tuple[str, str]:
    """``schema.table`` → (schema, table); a name without a dot is in ``public``."""
    schema, dot, table = name.partition(".")
    return (schema, table) if dot and schema and table else ("public", name)


def with_search_path(url: str, schema: str) -> str:
    """``url`` with libpq ``options`` that make ``schema`` the search path (kept options too)."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    option = f"-csearch_path={schema}"
    kept = [(k, v) for k, v in query if k != "options"]
    given = [v for k, v in query if k == "options"]
    kept.append(("options", " ".join([*given, option])))
    return urlunsplit(parts._replace(query=urlencode(kept)))


def _reason(exc: BaseException) -> str:
    # PostgreSQL's messages and details can quote row values (for example the key of a
    # duplicate); only the error class and SQLSTATE are shown.
    state = getattr(exc, "sqlstate", None)
    return f"{type(exc).__name__}{f', SQLSTATE {state}' if state else ''}"


_EXISTING = """
SELECT n.nspname, c.relname
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'
  AND n.nspname NOT LIKE 'sluis\\_staging\\_%'
"""


class PostgresSink(StagedSink):
    """A PostgreSQL database written through a staging schema inside it."""

    def __init__(self, url: str, schema: Schema) -> None:
        super().__init__(url, schema)
        self.staging = f"{STAGING_PREFIX}{secrets.token_hex(6)}"
        self._native_ok = from_postgres(schema)
        self._conn: psycopg.Connection[tuple[object, ...]] | None = None
        self._targets = {table.name: split_name(table.name) for table in schema.tables}

    def describe(self) -> str:
        return redact_url(self.url)

    def _connect(self) -> psycopg.Connection[tuple[object, ...]]:
        try:
            conn = psycopg.connect(self.url, autocommit=True, connect_timeout=10)
            conn.execute("SET TIME ZONE 'UTC'")
        except psycopg.Error as exc:
            if "does not exist" in str(exc) and "database" in str(exc):
                name = conninfo_to_dict(self.url).get("dbname", "")
                raise SourceError(
                    f"the PostgreSQL target database {name!r} does not exist; create it first"
                    f" (createdb {name}, or CREATE DATABASE {name}), then run again"
                ) from None
            raise SourceError(
                f"cannot connect to PostgreSQL target {self.describe()} ({_reason(exc)});"
                f" {CONNECT_HINT}"
            ) from None
        return conn

    def _connection(self) -> psycopg.Connection[tuple[object, ...]]:
        if self._conn is None or self._conn.closed:
            self._conn = self._connect()
        return self._conn

    def _run(self, action: str, statements: Sequence[sql.Composed]) -> None:
        conn = self._connection()
        try:
            with conn.transaction():
                for statement in statements:
                    conn.execute(statement)
        except psycopg.Error as exc:
            raise self._failed(action, exc) from None

    def _failed(self, action: str, exc: psycopg.Error) -> SourceError:
        return SourceError(f"cannot {action} PostgreSQL target {self.describe()} ({_reason(exc)})")

    def _staged(self, table: str) -> sql.Identifier:
        return sql.Identifier(self.staging, table)

    def _check_no_strangers(self) -> list[tuple[str, str]]:
        """The target's existing tables that this copy replaces; others make it refuse."""
        rows = self._connection().execute(_EXISTING).fetchall()
        existing = {(str(s), str(t)) for s, t in rows}
        ours = set(self._targets.values())
        strangers = sorted(existing - ours)
        if strangers:
            names = ", ".join(f"{s}.{t}" for s, t in strangers[:10])
            raise SourceError(
                f"PostgreSQL target {self.describe()} holds {len(strangers)} table(s) or view(s)"
                f" that are not part of the copy ({names}); use an empty database or drop them"
            )
        return sorted(existing & ours)

    def _create(self) -> None:
        self._check_no_strangers()
        statements: list[sql.Composed] = [
            sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(self.staging))
        ]
        for table in self.schema.tables:
            columns = [
                sql.SQL("{} {}{}").format(
                    sql.Identifier(col.name),
                    sql.SQL(pg_type(col, self._native_ok)),
                    sql.SQL("" if col.nullable else " NOT NULL"),
                )
                for col in table.columns
            ]
            statements.append(
                sql.SQL("CREATE TABLE {} ({})").format(
                    self._staged(table.name), sql.SQL(", ").join(columns)
                )
            )
        self._run("create the staging schema of", statements)

    def _write(self, table: Table, batch: pa.RecordBatch) -> None:
        arrays = [pg_csv_array(column) for column in batch.columns]
        data = pa.RecordBatch.from_arrays(arrays, names=batch.schema.names)
        buffer = io.BytesIO()
        pacsv.write_csv(data, buffer, _CSV_OPTIONS)
        copy = sql.SQL("COPY {} ({}) FROM STDIN (FORMAT csv)").format(
            self._staged(table.name),
            sql.SQL(", ").join(sql.Identifier(c.name) for c in table.columns),
        )
        conn = self._connection()
        try:
            with conn.cursor() as cur, cur.copy(copy) as pipe:
                pipe.write(buffer.getbuffer())
        except psycopg.Error as exc:
            raise SourceError(
                f"cannot write table {table.name!r} of PostgreSQL target {self.describe()}"
                f" ({_reason(exc)})"
            ) from None

    def _finish(self) -> None:
        for table in self.schema.tables:
            keys: list[sql.Composable] = []
            if table.primary_key:
                keys.append(sql.SQL("ADD PRIMARY KEY ({})").format(_idents(table.primary_key)))
            keys.extend(sql.SQL("ADD UNIQUE ({})").format(_idents(u)) for u in table.unique)
            if keys:
                self._alter(table.name, keys, "add the keys of")
            self._number_rows(table)
        names = {t.name for t in self.schema.tables}
        for table in self.schema.tables:
            for fk in table.foreign_keys:
                if fk.ref_table in names:
                    self._reference(table.name, fk)
        self._run(
            "analyze the staging copy of",
            [sql.SQL("ANALYZE {}").format(self._staged(t.name)) for t in self.schema.tables],
        )

    def _number_rows(self, table: Table) -> None:
        """Identity (and serial) columns number new rows again, from past the copy's highest
        value: an application under test inserts without naming the key."""
        for column in table.columns:
            if not column.identity or column.type is not LogicalType.INTEGER:
                continue
            staged, name = self._staged(table.name), sql.Identifier(column.name)
            generated = sql.SQL("ALWAYS" if column.identity == "always" else "BY DEFAULT")
            self._alter(
                table.name,
                [
                    sql.SQL("ALTER COLUMN {} SET NOT NULL").format(name),
                    sql.SQL("ALTER COLUMN {} ADD GENERATED {} AS IDENTITY").format(name, generated),
                ],
                "number the rows of",
            )
            sequence = sql.SQL("pg_get_serial_sequence({}, {})").format(
                sql.Literal(staged.as_string(self._connection())), sql.Literal(column.name)
            )
            self._run(
                f"number the rows of table {table.name!r} in the staging copy of",
                [sql.SQL("SELECT setval({}, max({})) FROM {}").format(sequence, name, staged)],
            )

    def _reference(self, table: str, fk: ForeignKey) -> None:
        """Add ``fk``; where rows of the copy find no row, as they found none in a source
        that did not enforce the key, it holds for new rows only (``NOT VALID``): verify's
        structure check compares their number with the source's."""
        statement = sql.SQL("ALTER TABLE {} ADD FOREIGN KEY ({}) REFERENCES {} ({})").format(
            self._staged(table),
            _idents(fk.columns),
            self._staged(fk.ref_table),
            _idents(fk.ref_columns),
        )
        action = f"add the foreign keys of table {table!r} in the staging copy of"
        conn = self._connection()
        try:
            with conn.transaction():
                conn.execute(statement)
        except psycopg.errors.ForeignKeyViolation:
            self._run(action, [sql.SQL("{} NOT VALID").format(statement)])
        except psycopg.Error as exc:
            raise self._failed(action, exc) from None

    def _alter(self, table: str, actions: Sequence[sql.Composable], action: str) -> None:
        statement = sql.SQL("ALTER TABLE {} {}").format(
            self._staged(table), sql.SQL(", ").join(actions)
        )
        self._run(f"{action} table {table!r} in the staging copy of", [statement])

    def _staged_url(self) -> str:
        return with_search_path(self.url, self.staging)

    def _publish(self) -> None:
        conn = self._connection()
        try:
            with conn.transaction():
                replaced = self._check_no_strangers()
                for schema in sorted({s for s, _ in self._targets.values()} - {"public"}):
                    conn.execute(
                        sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(schema))
                    )
                if replaced:
                    conn.execute(
                        sql.SQL("DROP TABLE {}").format(
                            sql.SQL(", ").join(sql.Identifier(s, t) for s, t in replaced)
                        )
                    )
                for name, (schema, local) in self._targets.items():
                    conn.execute(
                        sql.SQL("ALTER TABLE {} SET SCHEMA {}").format(
                            self._staged(name), sql.Identifier(schema)
                        )
                    )
                    if local != name:
                        conn.execute(
                            sql.SQL("ALTER TABLE {} RENAME TO {}").format(
                                sql.Identifier(schema, name), sql.Identifier(local)
                            )
                        )
                conn.execute(sql.SQL("DROP SCHEMA {}").format(sql.Identifier(self.staging)))
        except psycopg.Error as exc:
            raise SourceError(
                f"cannot publish to PostgreSQL target {self.describe()} ({_reason(exc)});"
                " the previous tables are unchanged (other objects such as views may depend"
                " on them)"
            ) from None
        conn.close()

    def _abort(self) -> None:
        if self._state == "new" or (self._state == "failed" and self._conn is None):
            return
        try:
            conn = self._connection()
            conn.execute(
                sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(self.staging))
            )
        except psycopg.Error as exc:
            raise SourceError(
                f"cannot remove staging schema {self.staging} from PostgreSQL target"
                f" {self.describe()} ({_reason(exc)}); drop it by hand"
            ) from None
        finally:
            if self._conn is not None:
                self._conn.close()


def _idents(columns: tuple[str, ...]) -> sql.Composable:
    return sql.SQL(", ").join(sql.Identifier(c) for c in columns)
