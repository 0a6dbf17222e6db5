"""Fixtures shared by all tests: a throwaway PostgreSQL server and small SQLite files.

Tests that need PostgreSQL are skipped when its server programs are missing, except under
CI (``CI=true``), where a missing server is a failure: CI must test against the real thing.
"""

from __future__ import annotations

import itertools
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import closing
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from tests import pg

PG_FIXTURES = frozenset({"pg_server", "pg_url", "pg_db"})

SqliteFactory = Callable[..., Path]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that uses a PostgreSQL fixture carries the ``postgres`` marker."""
    for item in items:
        if PG_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.postgres)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[pg.Server]:
    bindir = pg.find_bindir()
    if bindir is None:
        message = (
            "PostgreSQL server programs (initdb, pg_ctl) not found; run tools/ensure-postgresql.sh"
        )
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true and {message}", pytrace=False)
        pytest.skip(message)
    server = pg.start(bindir)
    try:
        yield server
    finally:
        pg.stop(server)


@pytest.fixture(scope="session")
def pg_url(pg_server: pg.Server) -> str:
    """URL of the session's server, database ``postgres``; shared by all tests."""
    return pg_server.url()


_database_numbers = itertools.count(1)


@pytest.fixture
def pg_db(pg_server: pg.Server) -> Iterator[str]:
    """URL of a fresh, empty database of its own, dropped after the test."""
    name = f"test_{next(_database_numbers)}"
    with psycopg.connect(pg_server.url(), autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield pg_server.url(name)
    finally:
        with psycopg.connect(pg_server.url(), autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture
def sqlite_db(tmp_path: Path) -> SqliteFactory:
    """Factory: ``sqlite_db(ddl, {table: rows}, name="test.db")`` writes a SQLite file.

    ``ddl`` is a script of statements; rows are tuples in column order.
    """

    def make(
        ddl: str,
        rows: Mapping[str, Iterable[Sequence[object]]] | None = None,
        name: str = "test.db",
    ) -> Path:
        path = tmp_path / name
        with closing(sqlite3.connect(path)) as conn:
            conn.executescript(ddl)
            for table, table_rows in (rows or {}).items():
                batch = [tuple(r) for r in table_rows]
                if batch:
                    marks = ", ".join("?" * len(batch[0]))
                    quoted = '"' + table.replace('"', '""') + '"'
                    conn.executemany(f"INSERT INTO {quoted} VALUES ({marks})", batch)
            conn.commit()
        return path

    return make
