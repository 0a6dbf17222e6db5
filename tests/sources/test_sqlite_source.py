"""The SQLite source against real SQLite files."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from sluis.errors import InputError, MissingTableError, SourceError
from sluis.model.schema import ForeignKey, LogicalType
from sluis.sources import open_source
from sluis.sources.sqlite import SqliteSource, logical_type

SqliteFactory = Callable[..., Path]

TYPE_CASES: list[dict[str, str]] = yaml.safe_load(
    (Path(__file__).parent / "sqlite_types.yaml").read_text(encoding="utf-8")
)

REGISTRY_DDL = """
CREATE TABLE person (
    id INTEGER PRIMARY KEY,
    bsn TEXT NOT NULL UNIQUE,
    email VARCHAR(200),
    born DATE,
    score REAL
);
CREATE TABLE address (
    person_id INTEGER NOT NULL REFERENCES person(id),
    seq INT NOT NULL,
    postcode CHAR(6),
    house_number INTEGER,
    PRIMARY KEY (person_id, seq)
);
CREATE UNIQUE INDEX address_postcode_number ON address (postcode, house_number);
CREATE UNIQUE INDEX person_email_lower ON person (lower(email));
CREATE UNIQUE INDEX person_score_partial ON person (score) WHERE score > 0;
CREATE TABLE letter (
    id INTEGER PRIMARY KEY,
    person_id INTEGER,
    addr_person INTEGER,
    addr_seq INTEGER,
    sent TIMESTAMP,
    body BLOB,
    meta JSON,
    FOREIGN KEY (addr_person, addr_seq) REFERENCES address (person_id, seq),
    FOREIGN KEY (person_id) REFERENCES person
);
CREATE VIEW person_view AS SELECT id FROM person;
CREATE TABLE code (system TEXT, value TEXT, label TEXT, PRIMARY KEY (system, value)) WITHOUT ROWID;
"""


@pytest.mark.parametrize("case", TYPE_CASES, ids=lambda c: c["declared"] or "empty")
def test_declared_type_mapping(case: dict[str, str]) -> None:
    assert logical_type(case["declared"]) is LogicalType(case["logical"])


def test_schema_reflection(sqlite_db: SqliteFactory) -> None:
    path = sqlite_db(REGISTRY_DDL)
    with open_source(str(path)) as source:
        schema = source.schema()
    assert [t.name for t in schema.tables] == ["person", "address", "letter", "code"]

    person = schema.table("person")
    assert person.primary_key == ("id",)
    assert [(c.name, c.type, c.nullable) for c in person.columns] == [
        ("id", LogicalType.INTEGER, False),
        ("bsn", LogicalType.TEXT, False),
        ("email", LogicalType.TEXT, True),
        ("born", LogicalType.DATE, True),
        ("score", LogicalType.FLOAT, True),
    ]
    assert person.column("email").native_type == "VARCHAR(200)"
    # Expression and partial indexes do not make a column set unique.
    assert person.unique == (("bsn",),)

    address = schema.table("address")
    assert address.primary_key == ("person_id", "seq")
    assert address.foreign_keys == (ForeignKey(("person_id",), "person", ("id",)),)
    assert address.unique == (("postcode", "house_number"),)
    assert address.column("postcode").nullable
    # SQLite lets a primary key column of a rowid table hold NULL unless declared NOT NULL.
    assert [c.nullable for c in schema.table("letter").columns][:2] == [False, True]
    assert [c.nullable for c in schema.table("code").columns] == [False, False, True]

    letter = schema.table("letter")
    assert set(letter.foreign_keys) == {
        ForeignKey(("addr_person", "addr_seq"), "address", ("person_id", "seq")),
        ForeignKey(("person_id",), "person", ("id",)),
    }
    assert letter.column("body").type is LogicalType.BLOB
    assert letter.column("meta").type is LogicalType.JSON
    assert letter.column("sent").type is LogicalType.TIMESTAMP


def test_empty_database_has_no_tables(sqlite_db: SqliteFactory) -> None:
    with open_source(str(sqlite_db(""))) as source:
        assert source.schema().tables == ()


def _numbers_db(sqlite_db: SqliteFactory, n: int) -> Path:
    rows = ((i, f"name {i}", i * 0.5) for i in range(n))
    return sqlite_db("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, x REAL);", {"t": rows})


def test_batches_are_bounded_and_complete(sqlite_db: SqliteFactory) -> None:
    with open_source(str(_numbers_db(sqlite_db, 10_000))) as source:
        assert source.row_count("t") == 10_000
        batches = list(source.batches("t", batch_rows=1_000))
        assert len(batches) == 10
        assert all(b.num_rows == 1_000 for b in batches)
        assert batches[0].schema == pa.schema(
            [("id", pa.int64()), ("name", pa.string()), ("x", pa.float64())]
        )
        ids = pa.Table.from_batches(batches).column("id").to_pylist()
        assert ids == list(range(10_000))


def test_limit_and_column_selection(sqlite_db: SqliteFactory) -> None:
    with open_source(str(_numbers_db(sqlite_db, 100))) as source:
        batches = list(source.batches("t", ["x", "id"], batch_rows=7, limit=30))
    assert [b.num_rows for b in batches] == [7, 7, 7, 7, 2]
    assert batches[0].schema.names == ["x", "id"]
    assert pa.Table.from_batches(batches).column("id").to_pylist() == list(range(30))


def test_limit_zero_reads_nothing(sqlite_db: SqliteFactory) -> None:
    with open_source(str(_numbers_db(sqlite_db, 10))) as source:
        assert list(source.batches("t", limit=0)) == []


MIXED_DDL = "CREATE TABLE m (n INTEGER, r REAL, t TEXT, b BLOB, d DECIMAL, loose);"
MIXED_ROWS = [
    (1, 1.5, "a", b"\x00\x01", 1, 1),
    ("twelve", 2, "b", b"\xff", 2.5, "x"),
    (None, None, None, None, None, b"\x80"),
    (3, 3.25, 4, "text in blob", 3, 2.0),
]


def test_mixed_storage_classes_fall_back_to_string(sqlite_db: SqliteFactory) -> None:
    path = sqlite_db(MIXED_DDL, {"m": MIXED_ROWS})
    with open_source(str(path)) as source:
        (batch,) = source.batches("m", batch_rows=10)
    assert dict(zip(batch.schema.names, batch.schema.types, strict=True)) == {
        "n": pa.string(),  # integers and text
        "r": pa.float64(),  # REAL affinity stores 2 as 2.0
        "t": pa.string(),  # TEXT affinity stores 4 as "4"
        "b": pa.string(),  # blobs and text
        "d": pa.float64(),  # integers and reals in a decimal column
        "loose": pa.string(),
    }
    columns = batch.to_pydict()
    assert columns["n"] == ["1", "twelve", None, "3"]
    assert columns["b"] == ["\x00\x01", "\\xff", None, "text in blob"]
    assert columns["d"] == [1.0, 2.5, None, 3.0]
    assert columns["loose"] == ["1", "x", "\\x80", "2.0"]


def test_mixed_types_in_a_later_batch_keep_one_schema(sqlite_db: SqliteFactory) -> None:
    rows: list[tuple[Any, ...]] = [(i,) for i in range(50)] + [("late text",)]
    path = sqlite_db("CREATE TABLE t (n INTEGER);", {"t": rows})
    with open_source(str(path)) as source:
        # The first 20 rows are all integers, and a sample types only what it reads ...
        sample = list(source.batches("t", batch_rows=10, limit=20))
        batches = list(source.batches("t", batch_rows=10))
        # ... but once the whole table is typed, samples use that answer.
        later_sample = list(source.batches("t", batch_rows=10, limit=20))
    assert {b.schema.field("n").type for b in sample} == {pa.int64()}
    assert {b.schema.field("n").type for b in batches} == {pa.string()}
    assert {b.schema.field("n").type for b in later_sample} == {pa.string()}
    assert batches[-1].column(0).to_pylist() == ["late text"]
    assert batches[0].column(0).to_pylist() == [str(i) for i in range(10)]


def test_values_after_a_batch_of_nulls_keep_their_type(sqlite_db: SqliteFactory) -> None:
    # A reader that types columns by their first rows would take an all-NULL first batch
    # for integers and fail on the text, blobs and reals after it.
    rows: list[tuple[Any, ...]] = [(None, None, None, 1)] * 30 + [("x", b"\x01", 2.5, 2.5)]
    path = sqlite_db("CREATE TABLE t (s TEXT, b BLOB, f REAL, n NUMERIC);", {"t": rows})
    with open_source(str(path)) as source:
        batches = list(source.batches("t", batch_rows=10))
    assert [b.num_rows for b in batches] == [10, 10, 10, 1]
    assert batches[-1].to_pylist() == [{"s": "x", "b": b"\x01", "f": 2.5, "n": 2.5}]
    assert batches[0].column("n").to_pylist() == [1.0] * 10
    assert {b.schema.field("f").type for b in batches} == {pa.float64()}


def test_text_that_is_not_utf8_names_the_column_not_the_value(sqlite_db: SqliteFactory) -> None:
    path = sqlite_db("CREATE TABLE t (id INTEGER, note TEXT);", {"t": [(1, "ok")]})
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO t VALUES (2, CAST(x'4a616efe' AS TEXT))")
    with open_source(str(path)) as source, pytest.raises(SourceError) as raised:
        list(source.batches("t"))
    message = str(raised.value)
    assert "'note'" in message and "UTF-8" in message and "Jan" not in message


def test_undecodable_text_in_a_mixed_column_names_no_value(sqlite_db: SqliteFactory) -> None:
    path = sqlite_db("CREATE TABLE t (id INTEGER, note);", {"t": [(1, 5)]})
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO t VALUES (2, CAST(x'4a616efe' AS TEXT))")
    with open_source(str(path)) as source, pytest.raises(SourceError) as raised:
        list(source.batches("t"))
    assert "UTF-8" in str(raised.value) and "Jan" not in str(raised.value)


def test_blob_json_and_null_only_columns(sqlite_db: SqliteFactory) -> None:
    path = sqlite_db(
        "CREATE TABLE d (b BLOB, j JSON, i INTEGER, f FLOAT, s TEXT);",
        {"d": [(b"\x00\xfe", '{"k": [1, 2]}', None, None, None), (None, None, None, None, None)]},
    )
    with open_source(str(path)) as source:
        (batch,) = source.batches("d")
    assert batch.schema == pa.schema(
        [
            ("b", pa.binary()),
            ("j", pa.string()),
            ("i", pa.int64()),
            ("f", pa.float64()),
            ("s", pa.string()),
        ]
    )
    assert batch.column("b").to_pylist() == [b"\x00\xfe", None]
    assert batch.column("j").to_pylist() == ['{"k": [1, 2]}', None]


def test_missing_table_and_unknown_column(sqlite_db: SqliteFactory) -> None:
    with open_source(str(_numbers_db(sqlite_db, 3))) as source:
        with pytest.raises(MissingTableError, match="'nope'"):
            source.batches("nope")
        with pytest.raises(MissingTableError):
            source.row_count("nope")
        with pytest.raises(InputError, match="'nope'"):
            source.batches("t", ["id", "nope"])
        with pytest.raises(InputError):
            source.batches("t", batch_rows=0)


def test_reading_never_changes_the_file(sqlite_db: SqliteFactory) -> None:
    path = _numbers_db(sqlite_db, 1_000)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with open_source(f"sqlite:///{path}") as source:
        source.schema()
        for _ in source.batches("t", batch_rows=100):
            pass
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_quoted_identifiers(sqlite_db: SqliteFactory) -> None:
    path = sqlite_db('CREATE TABLE "odd ""name""" ("select" INTEGER, "a b" TEXT);', {})
    with open_source(str(path)) as source:
        (table,) = source.schema().tables
        assert table.name == 'odd "name"'
        assert list(source.batches(table.name)) == []
        assert source.row_count(table.name) == 0


def test_scans_run_side_by_side_and_in_threads(sqlite_db: SqliteFactory) -> None:
    with open_source(str(_numbers_db(sqlite_db, 2_000))) as source:
        first, second = source.batches("t", batch_rows=100), source.batches("t", batch_rows=300)
        assert next(first).num_rows == 100
        assert sum(b.num_rows for b in second) == 2_000
        assert sum(b.num_rows for b in first) == 1_900

        counts: list[int] = []

        def scan() -> None:
            counts.append(sum(b.num_rows for b in source.batches("t", batch_rows=128)))

        threads = [threading.Thread(target=scan) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert counts == [2_000] * 4


@pytest.fixture(scope="module")
def hundred_rows(tmp_path_factory: pytest.TempPathFactory) -> SqliteSource:
    import sqlite3

    path = tmp_path_factory.mktemp("batching") / "n.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (id INTEGER)")
        conn.executemany("INSERT INTO t VALUES (?)", [(i,) for i in range(100)])
    conn.close()
    return SqliteSource(path)


@settings(max_examples=60, deadline=None)
@given(batch_rows=st.integers(1, 120), limit=st.none() | st.integers(0, 150))
def test_batching_invariant(hundred_rows: SqliteSource, batch_rows: int, limit: int | None) -> None:
    batches = list(hundred_rows.batches("t", batch_rows=batch_rows, limit=limit))
    expected = list(range(100 if limit is None else min(100, limit)))
    assert all(0 < b.num_rows <= batch_rows for b in batches)
    assert [v for b in batches for v in b.column(0).to_pylist()] == expected


def test_leaving_the_with_block_closes_the_source(sqlite_db: SqliteFactory) -> None:
    with open_source(str(_numbers_db(sqlite_db, 3))) as source:
        assert source.row_count("t") == 3
    with pytest.raises(SourceError):
        source.row_count("t")


def test_rows_come_in_key_order_for_a_text_key(sqlite_db: SqliteFactory) -> None:
    path = sqlite_db(
        "CREATE TABLE t (code TEXT PRIMARY KEY, n INTEGER);",
        {"t": [("c", 1), ("a", 2), ("b", 3)]},
    )
    with open_source(str(path)) as source:
        assert next(iter(source.batches("t"))).column(0).to_pylist() == ["a", "b", "c"]
