"""PostgreSQL databases: the catalog through psycopg, the rows through ADBC as Arrow.

Tables of every non-system schema are read; a table is named ``schema.table``, or plain
``table`` in ``public``. Rows stream through the ADBC driver (binary COPY), sliced to
``batch_rows``. Columns whose type the driver would hand over as an Arrow extension or an
opaque blob (numeric, json, uuid, enums, arrays, domains over such, any other type) are cast
to ``text`` in the query, so every batch holds only plain Arrow types.

Dates and timestamps equal to ``infinity`` or ``-infinity`` have no Arrow value (the
driver wraps them into wrong dates), so reading such a cell fails with an error naming
the table and column instead of copying a wrong date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import adbc_driver_manager
import adbc_driver_postgresql.dbapi as adbc_pg
import psycopg
import pyarrow as pa
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict

from sluis.errors import MissingTableError, SourceError
from sluis.model.schema import Column, ForeignKey, LogicalType, Schema, Table
from sluis.sources._arrow import ClosingSource, check_batch_args, rebatch, select_columns
from sluis.sources.base import DEFAULT_BATCH_ROWS
from sluis.sources.url import redact_url

CONNECT_HINT = "check host, port, database name, user and password, and that the server is running"

# Base type name -> logical type; anything absent is OTHER.
_LOGICAL = {
    "int2": LogicalType.INTEGER,
    "int4": LogicalType.INTEGER,
    "int8": LogicalType.INTEGER,
    "numeric": LogicalType.DECIMAL,
    "float4": LogicalType.FLOAT,
    "float8": LogicalType.FLOAT,
    "text": LogicalType.TEXT,
    "varchar": LogicalType.TEXT,
    "bpchar": LogicalType.TEXT,
    "char": LogicalType.TEXT,
    "name": LogicalType.TEXT,
    "citext": LogicalType.TEXT,
    "uuid": LogicalType.TEXT,
    "bool": LogicalType.BOOLEAN,
    "date": LogicalType.DATE,
    "timestamp": LogicalType.TIMESTAMP,
    "timestamptz": LogicalType.TIMESTAMP,
    "time": LogicalType.TIME,
    "timetz": LogicalType.TIME,
    "bytea": LogicalType.BLOB,
    "json": LogicalType.JSON,
    "jsonb": LogicalType.JSON,
}

# Native types whose ``infinity`` and ``-infinity`` the driver cannot represent.
_INFINITE = frozenset({"date", "timestamp", "timestamptz"})
_INFINITE_MARK = "sluis-infinite-column-"
_INFINITE_FOUND = re.compile(re.escape(_INFINITE_MARK) + r"(\d+)-")

# Base types ADBC turns into plain Arrow types; every other column is read as text.
_NATIVE = frozenset(
    {
        "int2",
        "int4",
        "int8",
        "float4",
        "float8",
        "text",
        "varchar",
        "bpchar",
        "name",
        "bool",
        "date",
        "timestamp",
        "timestamptz",
        "time",
        "bytea",
    }
)

_SYSTEM_SCHEMA_FILTER = """
    n.nspname NOT IN ('pg_catalog', 'information_schema')
    AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'
"""

_TABLES = f"""
SELECT c.oid, n.nspname, c.relname
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND {_SYSTEM_SCHEMA_FILTER}
ORDER BY n.nspname, c.relname
"""

_COLUMNS = """
SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
       bt.typname, t.typtype, bt.typcategory,
       CASE WHEN a.attidentity = 'a' THEN 'always'
            WHEN a.attidentity = 'd' OR pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(%%'
            THEN 'by default' ELSE '' END
FROM pg_attribute a
JOIN pg_type t ON t.oid = a.atttypid
JOIN pg_type bt ON bt.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE a.attrelid = ANY(%(oids)s) AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum
"""


def _attnames(rel: str, keys: str) -> str:
    return f"""ARRAY(
        SELECT a.attname FROM unnest({keys}) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = {rel} AND a.attnum = k.attnum ORDER BY k.ord)"""


_KEYS = f"""
SELECT con.conrelid, con.contype, {_attnames("con.conrelid", "con.conkey")},
       rn.nspname, rc.relname, {_attnames("con.confrelid", "con.confkey")}
FROM pg_constraint con
LEFT JOIN pg_class rc ON rc.oid = con.confrelid
LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
WHERE con.conrelid = ANY(%(oids)s) AND con.contype IN ('p', 'f')
ORDER BY con.conrelid, con.conname
"""

# Unique indexes cover UNIQUE constraints too; partial and expression indexes do not make
# a column set unique, and INCLUDE columns are not part of the key.
_UNIQUE = f"""
SELECT i.indrelid, {_attnames("i.indrelid", "(i.indkey::int2[])[0:i.indnkeyatts - 1]")}
FROM pg_index i
WHERE i.indrelid = ANY(%(oids)s) AND i.indisunique AND NOT i.indisprimary
  AND i.indpred IS NULL AND i.indexprs IS NULL
ORDER BY i.indrelid, i.indexrelid
"""


def table_name(schema: str, table: str, home: str = "public") -> str:
    """The Sluis name of a table: ``table`` in the home schema, ``schema.table`` elsewhere."""
    return table if schema == home else f"{schema}.{table}"


def home_schema(url: str) -> str | None:
    """The one schema a URL asks for with ``options=-csearch_path=NAME``, if any.

    Such a source reads only that schema and names its tables plainly: this is how a
    staged copy (``sluis_staging_…``) is read under the names it will be published as.
    """
    options = conninfo_to_dict(url).get("options") or ""
    match = re.search(r"search_path=([^\s,]+)", str(options))
    return match.group(1).strip('"') if match else None


def database_identity(url: str) -> tuple[object, ...] | None:
    """What tells one database from another whatever a URL calls its host: the server's
    start time and the database's name and oid; ``None`` when it cannot be reached (the run
    itself then names the problem)."""
    try:
        with psycopg.connect(url, connect_timeout=10) as conn:
            row = conn.execute(
                "SELECT pg_postmaster_start_time(), current_database(), oid"
                " FROM pg_database WHERE datname = current_database()"
            ).fetchone()
    except psycopg.Error:
        return None
    return tuple(row) if row is not None else None


def logical_type(base_type: str, type_kind: str, category: str) -> LogicalType:
    """Map a base type name (``pg_type.typname``), its ``typtype`` and ``typcategory``."""
    if category == "A":
        return LogicalType.OTHER
    if type_kind == "e":
        return LogicalType.TEXT
    return _LOGICAL.get(base_type, LogicalType.OTHER)


# An address with a full mask as its output function writes it, a network with its mask.
_HOST = (
    "CASE WHEN masklen({0}) = CASE family({0}) WHEN 4 THEN 32 ELSE 128 END "
    "THEN host({0}) ELSE {0}::text END AS {0}"
)


@dataclass(frozen=True)
class _Relation:
    schema: str
    name: str
    read_as_text: frozenset[str]
    # column -> its base type, for columns that may hold infinity
    temporal: tuple[tuple[str, str], ...] = ()
    # inet columns: read as written ("10.0.0.1"), not as ``::text`` writes them ("10.0.0.1/32")
    hosts: frozenset[str] = frozenset()


def _connect_error(url: str, exc: Exception) -> SourceError:
    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return SourceError(
        f"cannot connect to PostgreSQL at {redact_url(url)}: {redact_url(reason)}; {CONNECT_HINT}"
    )


class PostgresSource(ClosingSource):
    """A PostgreSQL database given by a libpq URI.

    ``url`` is kept as given (it may hold a password); show it only through ``redact_url``.
    """

    def __init__(self, url: str, *, connect_timeout: int = 10) -> None:
        self.url = url
        try:
            self._conn = psycopg.connect(url, autocommit=True, connect_timeout=connect_timeout)
        except psycopg.Error as exc:
            raise _connect_error(url, exc) from None
        self._schema: Schema | None = None
        self._relations: dict[str, _Relation] = {}
        self._home = home_schema(url)

    def close(self) -> None:
        self._conn.close()

    def _query(self, query: str, params: dict[str, Any] | None = None) -> list[tuple[Any, ...]]:
        try:
            with self._conn.cursor() as cur:
                cur.execute(query, params)
                return cur.fetchall()
        except psycopg.Error as exc:
            raise SourceError(
                f"cannot read the catalog of {redact_url(self.url)} ({type(exc).__name__})"
            ) from None

    def schema(self) -> Schema:
        if self._schema is None:
            self._schema = self._reflect()
        return self._schema

    def _reflect(self) -> Schema:
        rels = [r for r in self._query(_TABLES) if self._home in (None, r[1])]
        oids = [row[0] for row in rels]
        params = {"oids": oids}
        columns: dict[int, list[Column]] = {oid: [] for oid in oids}
        as_text: dict[int, set[str]] = {oid: set() for oid in oids}
        temporal: dict[int, list[tuple[str, str]]] = {oid: [] for oid in oids}
        hosts: dict[int, set[str]] = {oid: set() for oid in oids}
        for row in self._query(_COLUMNS, params):
            relid, name, native, notnull, base, kind, category, identity = row
            logical = logical_type(base, kind, category)
            columns[relid].append(Column(name, logical, native, not notnull, identity))
            if base not in _NATIVE or category == "A" or kind == "e":
                as_text[relid].add(name)
                if base == "inet" and category != "A":
                    hosts[relid].add(name)
            elif base in _INFINITE:
                temporal[relid].append((name, base))
        pks: dict[int, tuple[str, ...]] = {}
        fks: dict[int, list[ForeignKey]] = {oid: [] for oid in oids}
        for relid, contype, cols, ref_schema, ref_table, ref_cols in self._query(_KEYS, params):
            if contype == "p":
                pks[relid] = tuple(cols)
            else:
                ref = table_name(ref_schema, ref_table, self._home or "public")
                fks[relid].append(ForeignKey(tuple(cols), ref, tuple(ref_cols)))
        unique: dict[int, list[tuple[str, ...]]] = {oid: [] for oid in oids}
        for relid, cols in self._query(_UNIQUE, params):
            key = tuple(cols)
            if key and key not in unique[relid]:
                unique[relid].append(key)
        tables = []
        for oid, schema, rel in rels:
            name = table_name(schema, rel, self._home or "public")
            self._relations[name] = _Relation(
                schema, rel, frozenset(as_text[oid]), tuple(temporal[oid]), frozenset(hosts[oid])
            )
            tables.append(
                Table(
                    name=name,
                    columns=tuple(columns[oid]),
                    primary_key=pks.get(oid, ()),
                    foreign_keys=tuple(fks[oid]),
                    unique=tuple(unique[oid]),
                )
            )
        return Schema(tuple(tables))

    def _table_or_raise(self, table: str) -> tuple[Table, _Relation]:
        try:
            meta = self.schema().table(table)
        except KeyError:
            raise MissingTableError(
                f"table {table!r} is not in {redact_url(self.url)}"
                " (tables outside schema public are named schema.table)"
            ) from None
        return meta, self._relations[table]

    def row_count(self, table: str) -> int:
        _, rel = self._table_or_raise(table)
        query = sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(rel.schema, rel.name))
        return int(self._query(query.as_string(self._conn))[0][0])

    def select_sql(self, table: str, columns: Sequence[str] | None, limit: int | None) -> str:
        """The SELECT that ``batches`` runs: quoted identifiers, casts to text where needed."""
        meta, rel = self._table_or_raise(table)
        items: list[sql.Composable] = []
        temporal = dict(rel.temporal)
        for name in select_columns(meta, columns):
            ident = sql.Identifier(name)
            if name in rel.hosts:
                items.append(sql.SQL(_HOST).format(ident))
            elif name in rel.read_as_text:
                items.append(sql.SQL("{}::text AS {}").format(ident, ident))
            elif name in temporal:
                # An infinite value fails the cast with a marker naming the column; finite
                # values and NULL pass unchanged.
                mark = f"{_INFINITE_MARK}{meta.columns.index(meta.column(name))}-"
                items.append(
                    sql.SQL(
                        "CASE WHEN isfinite({0}) THEN {0} ELSE ({1} || {0}::text)::{2} END AS {0}"
                    ).format(ident, sql.Literal(mark), sql.SQL(temporal[name]))
                )
            else:
                items.append(ident)
        query = sql.SQL("SELECT {} FROM {}").format(
            sql.SQL(", ").join(items), sql.Identifier(rel.schema, rel.name)
        )
        if meta.primary_key:  # one order on every read: see Source
            keys = sql.SQL(", ").join(sql.Identifier(k) for k in meta.primary_key)
            query = sql.SQL("{} ORDER BY {}").format(query, keys)
        if limit is not None:
            query = sql.SQL("{} LIMIT {}").format(query, sql.Literal(int(limit)))
        return query.as_string(self._conn)

    def batches(
        self,
        table: str,
        columns: Sequence[str] | None = None,
        *,
        batch_rows: int = DEFAULT_BATCH_ROWS,
        limit: int | None = None,
    ) -> Iterator[pa.RecordBatch]:
        """Stream ``table``; each call reads on an ADBC connection of its own.

        Arguments are checked when called, rows are read lazily.
        """
        check_batch_args(batch_rows, limit)
        query = self.select_sql(table, columns, limit)
        return self._stream(query, table, batch_rows, limit)

    def _stream(
        self, query: str, table: str, batch_rows: int, limit: int | None
    ) -> Iterator[pa.RecordBatch]:
        try:
            conn = adbc_pg.connect(self.url, autocommit=True)
        except adbc_driver_manager.Error as exc:
            raise _connect_error(self.url, exc) from None
        try:
            with conn.cursor() as cur:
                cur.execute(query)
                yield from rebatch(cur.fetch_record_batch(), batch_rows, limit)
        # a failure while streaming reaches us from Arrow's reader as OSError
        except (adbc_driver_manager.Error, pa.ArrowException, OSError) as exc:
            infinite = _INFINITE_FOUND.search(str(exc))
            if infinite is not None:
                column = self.schema().table(table).columns[int(infinite.group(1))].name
                raise SourceError(
                    f"column {table}.{column} holds infinity or -infinity, which Sluis cannot"
                    " copy; replace it in the source by a date such as 9999-12-31"
                ) from None
            raise SourceError(
                f"cannot read table {table!r} from {redact_url(self.url)} ({type(exc).__name__})"
            ) from None
        finally:
            conn.close()
