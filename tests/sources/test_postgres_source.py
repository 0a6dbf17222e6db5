"""The PostgreSQL source against a real, throwaway PostgreSQL server."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import psycopg
import pyarrow as pa
import pytest

from sluis.errors import InputError, MissingTableError, SourceError
from sluis.model.schema import ForeignKey, LogicalType
from sluis.sources import open_source
from sluis.sources.postgres import PostgresSource

pytestmark = pytest.mark.postgres

REGISTRY_DDL = """
CREATE TYPE mood AS ENUM ('calm', 'busy');
CREATE DOMAIN postcode AS char(6);
CREATE TABLE person (
    id bigint PRIMARY KEY,
    bsn char(9) NOT NULL UNIQUE,
    email varchar(200),
    born date,
    score double precision,
    balance numeric(12, 2),
    active boolean NOT NULL DEFAULT true,
    created timestamptz,
    wakes time,
    photo bytea,
    profile jsonb,
    extra json,
    token uuid,
    state mood,
    tags text[],
    home postcode,
    span interval,
    small smallint,
    medium integer,
    ratio real
);
CREATE UNIQUE INDEX person_email_lower ON person (lower(email));
CREATE UNIQUE INDEX person_score_partial ON person (score) WHERE score > 0;
CREATE SCHEMA archive;
CREATE TABLE archive.address (
    person_id bigint NOT NULL REFERENCES person (id),
    seq int NOT NULL,
    postcode text,
    house_number int,
    PRIMARY KEY (person_id, seq),
    CONSTRAINT address_unique UNIQUE (postcode, house_number)
);
CREATE TABLE archive.letter (
    id serial PRIMARY KEY,
    person_id bigint,
    seq int,
    FOREIGN KEY (person_id, seq) REFERENCES archive.address (person_id, seq)
);
CREATE UNIQUE INDEX letter_covering ON archive.letter (person_id) INCLUDE (seq);
CREATE VIEW person_view AS SELECT id FROM person;
"""

EXPECTED_TYPES = {
    "id": (LogicalType.INTEGER, "bigint"),
    "bsn": (LogicalType.TEXT, "character(9)"),
    "email": (LogicalType.TEXT, "character varying(200)"),
    "born": (LogicalType.DATE, "date"),
    "score": (LogicalType.FLOAT, "double precision"),
    "balance": (LogicalType.DECIMAL, "numeric(12,2)"),
    "active": (LogicalType.BOOLEAN, "boolean"),
    "created": (LogicalType.TIMESTAMP, "timestamp with time zone"),
    "wakes": (LogicalType.TIME, "time without time zone"),
    "photo": (LogicalType.BLOB, "bytea"),
    "profile": (LogicalType.JSON, "jsonb"),
    "extra": (LogicalType.JSON, "json"),
    "token": (LogicalType.TEXT, "uuid"),
    "state": (LogicalType.TEXT, "mood"),
    "tags": (LogicalType.OTHER, "text[]"),
    "home": (LogicalType.TEXT, "postcode"),
    "span": (LogicalType.OTHER, "interval"),
    "small": (LogicalType.INTEGER, "smallint"),
    "medium": (LogicalType.INTEGER, "integer"),
    "ratio": (LogicalType.FLOAT, "real"),
}

ROW = """
INSERT INTO person VALUES (
    1, '000000012', 'a@example.org', '1990-02-03', 1.5, 12.34, true, '2024-01-01 10:00+00',
    '07:30', '\\x00ff', '{"k": [1, 2]}', '{"j": 1}', '8c6b5f0e-2c0a-4d34-9d3b-0e0f6a1b2c3d',
    'busy', '{a,b}', '1234AB', '1 day', 7, 8, 0.25
)
"""


def _execute(url: str, statements: str) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(statements)  # type: ignore[arg-type]


@pytest.fixture
def registry(pg_db: str) -> Iterator[PostgresSource]:
    _execute(pg_db, REGISTRY_DDL + ";" + ROW)
    with PostgresSource(pg_db) as source:
        yield source


def test_schema_reflection(registry: PostgresSource) -> None:
    schema = registry.schema()
    assert [t.name for t in schema.tables] == ["archive.address", "archive.letter", "person"]

    person = schema.table("person")
    assert person.primary_key == ("id",)
    assert {c.name: (c.type, c.native_type) for c in person.columns} == EXPECTED_TYPES
    assert [c.name for c in person.columns] == list(EXPECTED_TYPES)
    assert not person.column("id").nullable
    assert not person.column("bsn").nullable
    assert not person.column("active").nullable
    assert person.column("email").nullable
    # Expression and partial unique indexes do not make a column set unique.
    assert person.unique == (("bsn",),)

    address = schema.table("archive.address")
    assert address.primary_key == ("person_id", "seq")
    assert address.foreign_keys == (ForeignKey(("person_id",), "person", ("id",)),)
    assert address.unique == (("postcode", "house_number"),)

    letter = schema.table("archive.letter")
    assert letter.foreign_keys == (
        ForeignKey(("person_id", "seq"), "archive.address", ("person_id", "seq")),
    )
    assert letter.unique == (("person_id",),)  # INCLUDE columns are not part of the key


def test_every_type_reads_as_plain_arrow(registry: PostgresSource) -> None:
    (batch,) = registry.batches("person")
    types = dict(zip(batch.schema.names, batch.schema.types, strict=True))
    assert types["id"] == pa.int64()
    assert types["small"] == pa.int16()
    assert types["active"] == pa.bool_()
    assert types["born"] == pa.date32()
    assert types["photo"] == pa.binary()
    assert pa.types.is_timestamp(types["created"])
    for name in ("bsn", "balance", "profile", "extra", "token", "state", "tags", "home", "span"):
        assert types[name] == pa.string(), name
    row = batch.to_pylist()[0]
    assert row["bsn"] == "000000012"
    assert row["balance"] == "12.34"
    assert row["photo"] == b"\x00\xff"
    assert row["profile"] == '{"k": [1, 2]}'
    assert row["state"] == "busy"
    assert row["tags"] == "{a,b}"


@pytest.fixture
def numbers(pg_db: str) -> Iterator[PostgresSource]:
    _execute(
        pg_db,
        'CREATE SCHEMA "Odd schema";'
        'CREATE TABLE "Odd schema"."Mixed Case" (id int PRIMARY KEY, "select" text);'
        'INSERT INTO "Odd schema"."Mixed Case" '
        "SELECT i, 'v' || i FROM generate_series(0, 9999) AS i",
    )
    with PostgresSource(pg_db) as source:
        yield source


def test_batches_bounded_limit_and_quoting(numbers: PostgresSource) -> None:
    table = "Odd schema.Mixed Case"
    assert numbers.row_count(table) == 10_000
    batches = list(numbers.batches(table, batch_rows=1_000))
    assert len(batches) >= 10
    assert all(0 < b.num_rows <= 1_000 for b in batches)
    assert sum(b.num_rows for b in batches) == 10_000

    limited = list(numbers.batches(table, ["select", "id"], batch_rows=7, limit=30))
    assert [b.num_rows for b in limited] == [7, 7, 7, 7, 2]
    assert limited[0].schema.names == ["select", "id"]
    assert list(numbers.batches(table, limit=0)) == []


def test_missing_table_and_unknown_column(numbers: PostgresSource) -> None:
    with pytest.raises(MissingTableError, match=r"schema\.table"):
        numbers.batches("Mixed Case")
    with pytest.raises(MissingTableError):
        numbers.row_count("nope")
    with pytest.raises(InputError, match="'nope'"):
        numbers.batches("Odd schema.Mixed Case", ["nope"])


def test_empty_database_has_no_tables(pg_db: str) -> None:
    with open_source(pg_db) as source:
        assert source.schema().tables == ()


def test_postgres_scheme_alias(pg_db: str) -> None:
    _execute(pg_db, "CREATE TABLE t (id int); INSERT INTO t VALUES (1), (2)")
    with open_source(pg_db.replace("postgresql://", "postgres://", 1)) as source:
        assert sum(b.num_rows for b in source.batches("t")) == 2


def test_missing_database(pg_url: str) -> None:
    url = pg_url.replace("/postgres?", "/no_such_database?")
    with pytest.raises(SourceError, match='database "no_such_database" does not exist'):
        open_source(url)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def test_unreachable_server_hides_the_password() -> None:
    url = f"postgresql://app:s3cretpass@127.0.0.1:{_free_port()}/app"
    with pytest.raises(SourceError) as raised:
        open_source(url)
    message = str(raised.value)
    assert "s3cretpass" not in message
    assert "app:***@127.0.0.1" in message
    assert "is running" in message


def test_rows_come_in_key_order_whatever_the_heap_holds(pg_db: str) -> None:
    """Updated rows move in the heap; every read still gives key order (verify pairs a
    source's rows with its copy's by position)."""
    with psycopg.connect(pg_db, autocommit=True) as conn:
        conn.execute("CREATE TABLE t (id integer PRIMARY KEY, note text)")
        conn.execute("INSERT INTO t SELECT i, 'n' FROM generate_series(1, 300) i")
        conn.execute("UPDATE t SET note = 'changed' WHERE id % 7 = 0")
        heap = [r[0] for r in conn.execute("SELECT id FROM t /* no order */ WHERE note <> ''")]
    assert heap != sorted(heap)  # the case this test is about
    with open_source(pg_db) as source:
        read = [v for b in source.batches("t", batch_rows=64) for v in b.column(0).to_pylist()]
    assert read == sorted(heap)
