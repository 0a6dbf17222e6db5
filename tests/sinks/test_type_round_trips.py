"""A PostgreSQL schema copied to SQLite and a SQLite schema copied to PostgreSQL keep their
values and logical types; cases in ``type_cases.yaml``."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from decimal import Decimal
from pathlib import Path
from typing import Any

import psycopg
import pytest
import yaml

from sluis.model.schema import LogicalType
from sluis.sinks import open_sink
from sluis.sources import open_source

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "type_cases.yaml").read_text(encoding="utf-8")
)


def _ddl(backend: str) -> str:
    columns = ", ".join(f'"{c["name"]}" {c[backend]}' for c in CASES)
    key = "INTEGER" if backend == "sqlite" else "bigint"
    return f"CREATE TABLE kinds (id {key} PRIMARY KEY, {columns})"


def _inserts() -> list[str]:
    rows = max(len(c["values"]) for c in CASES)
    statements = []
    for row in range(rows):
        values = [c["values"][row] if row < len(c["values"]) else "NULL" for c in CASES]
        statements.append(f"INSERT INTO kinds VALUES ({row + 1}, {', '.join(values)})")
    return statements


def as_text(value: Any) -> str | None:
    """One spelling per value, whichever backend and Arrow type it was read as."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, float | Decimal):
        return format(Decimal(str(value)).normalize(), "f")
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    text = str(value)
    if text.count(".") == 1 and text.replace(".", "").lstrip("-").isdigit():
        return format(Decimal(text).normalize(), "f")
    return text


def copy(source_url: str, target_url: str) -> None:
    with open_source(source_url) as source:
        schema = source.schema()
        with open_sink(target_url, schema) as sink:
            sink.create()
            for table in schema.tables:
                for batch in source.batches(table.name, batch_rows=2):
                    sink.write(table.name, batch)
            sink.finish()
            sink.publish()


def check(target_url: str, direction: str) -> None:
    with open_source(target_url) as copied:
        table = copied.schema().table("kinds")
        rows = [r for b in copied.batches("kinds") for r in b.to_pylist()]
    rows.sort(key=lambda r: r["id"])
    problems = []
    for case in CASES:
        expected = case.get(direction, case["expected"])
        got = [as_text(r[case["name"]]) for r in rows][: len(expected)]
        if got != expected:
            problems.append(f"{case['name']}: {got} != {expected}")
        if table.column(case["name"]).type is not LogicalType(case["logical"]):
            problems.append(f"{case['name']}: logical type {table.column(case['name']).type}")
    assert problems == []


def test_sqlite_schema_to_postgres(tmp_path: Path, pg_db: str) -> None:
    source = tmp_path / "source.db"
    with closing(sqlite3.connect(source)) as conn:
        conn.execute(_ddl("sqlite"))
        for statement in _inserts():
            conn.execute(statement)
        conn.commit()
    copy(str(source), pg_db)
    check(pg_db, "to_postgres")


def test_postgres_schema_to_sqlite(tmp_path: Path, pg_db: str) -> None:
    with psycopg.connect(pg_db, autocommit=True) as conn:
        conn.execute(_ddl("postgres"))
        for statement in _inserts():
            conn.execute(statement.replace("X'", "'\\x"))
    target = tmp_path / "copy.db"
    copy(pg_db, str(target))
    check(str(target), "to_sqlite")


@pytest.mark.parametrize("kind", ["parquet", "csv"])
def test_postgres_schema_to_files_keeps_every_row(kind: str, tmp_path: Path, pg_db: str) -> None:
    with psycopg.connect(pg_db, autocommit=True) as conn:
        conn.execute(_ddl("postgres"))
        for statement in _inserts():
            conn.execute(statement.replace("X'", "'\\x"))
    target = f"{kind}:{tmp_path / 'copy'}"
    copy(pg_db, target)
    with open_source(target) as copied:
        assert copied.row_count("kinds") == len(_inserts())
        names = [c.name for c in copied.schema().table("kinds").columns]
    assert names == ["id", *(c["name"] for c in CASES)]
