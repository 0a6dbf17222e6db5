"""Checks every labelled evaluation set shares: labels cover the database exactly."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

from bench.eval_sets import EvalSet


def column_values(eval_set: EvalSet, table: str, column: str) -> list[object]:
    """Every cell of one column, NULLs included."""
    with closing(sqlite3.connect(eval_set.path)) as conn:
        return [v for (v,) in conn.execute(f'SELECT "{column}" FROM "{table}"')]


def assert_labels_cover(eval_set: EvalSet, rows: range | None = None) -> None:
    """Every table and column has a label and every label a column; with ``rows``, every
    table's row count lies in it."""
    with closing(sqlite3.connect(eval_set.path)) as conn:
        tables = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert tables == set(eval_set.labels), eval_set.name
        for table in tables:
            columns = {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')}
            assert columns == set(eval_set.labels[table]), f"{eval_set.name}/{table}"
            if rows is not None:
                count = conn.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
                assert count in rows, f"{eval_set.name}/{table}"


def database_digest(path: Path) -> str:
    """A hash of a database's full SQL dump: equal digests, equal databases."""
    with closing(sqlite3.connect(path)) as conn:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
