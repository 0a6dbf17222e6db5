"""Every sink: stage, load in batches, publish atomically, or abort without a trace."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import psycopg
import pyarrow as pa
import pytest

from sluis.errors import SourceError, SourceUrlError
from sluis.model.schema import Column, ForeignKey, LogicalType, Schema, Table
from sluis.sinks import open_sink
from sluis.sources import open_source
from tests.sinks.conftest import Target

PERSON = Table(
    name="person",
    columns=(
        Column("id", LogicalType.INTEGER, "INTEGER", nullable=False),
        Column("bsn", LogicalType.TEXT, "TEXT", nullable=False),
        Column("name", LogicalType.TEXT, "TEXT"),
    ),
    primary_key=("id",),
    unique=(("bsn",),),
)
LETTER = Table(
    name="letter",
    columns=(
        Column("id", LogicalType.INTEGER, "INTEGER", nullable=False),
        Column("person_id", LogicalType.INTEGER, "INTEGER"),
        Column("subject", LogicalType.TEXT, "TEXT"),
    ),
    primary_key=("id",),
    foreign_keys=(ForeignKey(("person_id",), "person", ("id",)),),
)
SCHEMA = Schema((PERSON, LETTER))


def people(version: str, count: int) -> list[tuple[Any, ...]]:
    # Synthetic codes with a leading zero, which no backend may turn into a number.
    return [(i, f"0{i:08d}", f"{version}-{i}" if i % 3 else None) for i in range(1, count + 1)]


def letters(version: str, count: int) -> list[tuple[Any, ...]]:
    return [(i, i % count + 1 if i % 4 else None, f"{version} letter") for i in range(1, 2 * count)]


def batch(table: Table, rows: list[tuple[Any, ...]]) -> pa.RecordBatch:
    types = {LogicalType.INTEGER: pa.int64(), LogicalType.TEXT: pa.string()}
    columns = list(zip(*rows, strict=True))
    return pa.RecordBatch.from_arrays(
        [pa.array(list(v), types[c.type]) for v, c in zip(columns, table.columns, strict=True)],
        names=[c.name for c in table.columns],
    )


def load(url: str, version: str, count: int = 10, batch_rows: int = 4) -> dict[str, list[Any]]:
    """Write both tables in several batches, finish and publish; return the rows written."""
    data = {"person": people(version, count), "letter": letters(version, count)}
    with open_sink(url, SCHEMA) as sink:
        sink.create()
        for table in SCHEMA.tables:
            rows = data[table.name]
            for start in range(0, len(rows), batch_rows):
                sink.write(table.name, batch(table, rows[start : start + batch_rows]))
        sink.finish()
        sink.publish()
    return data


def read(url: str) -> tuple[Schema, dict[str, list[tuple[Any, ...]]]]:
    with open_source(url) as source:
        schema = source.schema()
        rows = {
            t.name: sorted(
                tuple(r.values())
                for b in source.batches(t.name)
                for r in pa.Table.from_batches([b]).to_pylist()
            )
            for t in schema.tables
        }
    return schema, rows


def expected_rows(kind: str, data: dict[str, list[Any]]) -> dict[str, list[tuple[Any, ...]]]:
    if kind != "csv":
        return {name: sorted(rows) for name, rows in data.items()}
    # CSV holds text only and writes NULL as an empty field.
    as_text = {
        name: [tuple("" if v is None else str(v) for v in row) for row in rows]
        for name, rows in data.items()
    }
    return {name: sorted(rows) for name, rows in as_text.items()}


def test_publish_round_trips_schema_and_rows(target: Target) -> None:
    data = load(target.url, "v1")
    schema, rows = read(target.url)
    assert rows == expected_rows(target.kind, data)
    assert target.residue() == []
    assert sorted(t.name for t in schema.tables) == ["letter", "person"]
    person, letter = schema.table("person"), schema.table("letter")
    assert [c.name for c in person.columns] == ["id", "bsn", "name"]
    if target.kind == "csv":
        return
    assert [c.nullable for c in person.columns] == [False, False, True]
    assert [c.type for c in letter.columns] == [c.type for c in LETTER.columns]
    if target.kind == "parquet":
        return
    assert person.primary_key == ("id",)
    assert person.unique == (("bsn",),)
    assert letter.foreign_keys == LETTER.foreign_keys


def test_staged_copy_is_readable_before_publish(target: Target) -> None:
    with open_sink(target.url, SCHEMA) as sink:
        sink.create()
        sink.write("person", batch(PERSON, people("v1", 5)))
        sink.finish()
        staged = sink.staged_url()
        if target.kind == "postgres":
            # The staging schema is the search path of the staged URL.
            with psycopg.connect(staged) as conn:
                assert conn.execute("SELECT count(*) FROM person").fetchone() == (5,)
        else:
            assert (
                read(staged)[1]["person"]
                == expected_rows(target.kind, {"person": people("v1", 5)})["person"]
            )
        sink.abort()
    assert target.residue() == []


def test_publish_replaces_previous_copy(target: Target) -> None:
    load(target.url, "old", count=12)
    data = load(target.url, "new", count=5)
    _, rows = read(target.url)
    assert rows == expected_rows(target.kind, data)
    assert target.residue() == []


def test_abort_keeps_previous_copy_and_leaves_no_residue(target: Target) -> None:
    data = load(target.url, "old")
    sink = open_sink(target.url, SCHEMA)
    sink.create()
    sink.write("person", batch(PERSON, people("new", 3)))
    sink.finish()
    sink.abort()
    assert target.residue() == []
    assert read(target.url)[1] == expected_rows(target.kind, data)


def test_exception_inside_with_aborts(target: Target) -> None:
    data = load(target.url, "old")
    with (
        pytest.raises(RuntimeError, match="verification failed"),
        open_sink(target.url, SCHEMA) as sink,
    ):
        sink.create()
        sink.write("person", batch(PERSON, people("new", 3)))
        raise RuntimeError("verification failed")
    assert target.residue() == []
    assert read(target.url)[1] == expected_rows(target.kind, data)


def test_leaving_with_unpublished_aborts(target: Target) -> None:
    with open_sink(target.url, SCHEMA) as sink:
        sink.create()
        sink.write("person", batch(PERSON, people("new", 3)))
        sink.finish()
    assert target.residue() == []


def test_batch_with_wrong_columns_is_refused(target: Target) -> None:
    with open_sink(target.url, SCHEMA) as sink:
        sink.create()
        wrong = batch(LETTER, letters("v1", 3))
        with pytest.raises(SourceError, match="expected id, bsn, name"):
            sink.write("person", wrong)
    assert target.residue() == []


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_duplicate_unique_value_fails_without_showing_it(
    kind: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    url = str(request.getfixturevalue("pg_db")) if kind == "postgres" else str(tmp_path / "c.db")
    rows = [(1, "012345672", None), (2, "012345672", None)]
    with pytest.raises(SourceError) as failed, open_sink(url, SCHEMA) as sink:
        sink.create()
        sink.write("person", batch(PERSON, rows))
        sink.finish()
        sink.publish()
    assert "012345672" not in str(failed.value)
    assert "person" in str(failed.value)
    if kind == "sqlite":
        assert not Path(url).exists()
        assert list(tmp_path.iterdir()) == []


def test_sqlite_refuses_to_replace_a_file_that_is_no_database(tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("not a database")
    with (
        pytest.raises(SourceError, match="not a SQLite database"),
        open_sink(str(notes), SCHEMA) as sink,
    ):
        sink.create()
    assert notes.read_text() == "not a database"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


@pytest.mark.parametrize("kind", ["parquet", "csv"])
def test_folder_sink_refuses_a_folder_with_other_files(kind: str, tmp_path: Path) -> None:
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "thesis.docx").write_text("mine")
    with (
        pytest.raises(SourceError, match="refusing to replace"),
        open_sink(f"{kind}:{tmp_path / 'home'}", SCHEMA) as sink,
    ):
        sink.create()
    assert (tmp_path / "home" / "thesis.docx").read_text() == "mine"


def test_postgres_refuses_a_database_with_other_tables(pg_db: str) -> None:
    with psycopg.connect(pg_db, autocommit=True) as conn:
        conn.execute("CREATE TABLE payroll (id int)")
    with pytest.raises(SourceError, match=r"public\.payroll"), open_sink(pg_db, SCHEMA) as sink:
        sink.create()
    with psycopg.connect(pg_db, autocommit=True) as conn:
        assert conn.execute("SELECT to_regclass('payroll') IS NOT NULL").fetchone() == (True,)


def test_postgres_tables_of_other_schemas_keep_their_schema(pg_db: str) -> None:
    address = Table(
        name="archive.address",
        columns=(
            Column("person_id", LogicalType.INTEGER, "bigint", nullable=False),
            Column("postcode", LogicalType.TEXT, "character(6)"),
        ),
        primary_key=("person_id",),
        foreign_keys=(ForeignKey(("person_id",), "person", ("id",)),),
    )
    person = Table(
        "person", (Column("id", LogicalType.INTEGER, "integer", nullable=False),), ("id",)
    )
    schema = Schema((person, address))
    for _ in range(2):  # the second run replaces the first
        with open_sink(pg_db, schema) as sink:
            sink.create()
            sink.write("person", pa.record_batch({"id": pa.array([7], pa.int64())}))
            sink.write(
                "archive.address",
                pa.record_batch({"person_id": pa.array([7], pa.int64()), "postcode": ["1234AB"]}),
            )
            sink.finish()
            sink.publish()
    read_schema, rows = read(pg_db)
    assert rows == {"archive.address": [(7, "1234AB")], "person": [(7,)]}
    moved = read_schema.table("archive.address")
    assert moved.foreign_keys == address.foreign_keys
    assert [c.native_type for c in moved.columns] == ["bigint", "character(6)"]
    assert read_schema.table("person").columns[0].native_type == "integer"


@pytest.mark.parametrize("url", ["mysql://host/db", "copy.xlsx", "sqlite:/x.db"])
def test_unknown_target_url(url: str) -> None:
    with pytest.raises(SourceUrlError, match="target URL"):
        open_sink(url, SCHEMA)


def test_steps_out_of_order_are_refused(tmp_path: Path) -> None:
    sink = open_sink(str(tmp_path / "c.db"), SCHEMA)
    with pytest.raises(RuntimeError):
        sink.publish()
    sink.create()
    with pytest.raises(RuntimeError):
        sink.publish()
    sink.abort()
    assert list(tmp_path.iterdir()) == []
