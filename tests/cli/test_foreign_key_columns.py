"""A text key that refers to another table (``cases.handled_by`` → ``employees.username``),
drafted, anonymized and joined again, on SQLite and PostgreSQL, as a user runs it.

The two columns are classified apart (one by its name, the other by nothing telling), so the
draft must give both ends one rule, and the run must replace both ends alike although only
one is unique. Assertion messages give counts, never a value.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import psycopg
import pytest

from tests.cli.drafted import drafted_copy

FIRST = ["Jan", "Fatima", "Kees", "Anna", "Mohammed", "Sanne", "Pieter", "Yara", "Lars", "Eva"]
LAST = ["de Vries", "Bakker", "El Amrani", "Jansen", "van Dijk", "Visser", "Smit", "Mulder"]
DDL = """
CREATE TABLE employees (username TEXT PRIMARY KEY, full_name TEXT NOT NULL);
CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    handled_by TEXT NOT NULL REFERENCES employees (username),
    amount NUMERIC(10, 2) NOT NULL
);
"""


def _rows() -> tuple[list[tuple[str, str]], list[tuple[int, str, float]]]:
    rng = random.Random(11)
    employees: dict[str, str] = {}
    while len(employees) < 40:
        first, last = rng.choice(FIRST), rng.choice(LAST)
        handle = (first[0] + last.replace(" ", "")).lower() + str(rng.randint(1, 99))
        employees[handle] = f"{first} {last}"
    handles = sorted(employees)
    cases = [(i, rng.choice(handles), round(rng.uniform(10, 900), 2)) for i in range(1, 301)]
    return sorted(employees.items()), cases


def _check(rules: dict[str, dict[str, object]], target: Path, handles: set[str]) -> None:
    rule = rules["cases"]["columns"]["handled_by"]  # type: ignore[index]
    assert rule == rules["employees"]["columns"]["username"]  # type: ignore[index]
    assert rule["rule"] != "keep"
    with closing(sqlite3.connect(target)) as conn:
        copied = {r[0] for r in conn.execute("SELECT username FROM employees")}
        referring = [r[0] for r in conn.execute("SELECT handled_by FROM cases")]
    assert len(referring) == 300
    dangling = sum(1 for h in referring if h not in copied)
    assert dangling == 0, f"{dangling} cases no longer refer to an employee"
    kept = len(handles & (copied | set(referring)))
    assert kept == 0, f"{kept} original usernames in the copy"


def test_a_text_key_is_replaced_alike_at_both_ends_on_sqlite(
    sqlite_db: Callable[..., Path], tmp_path: Path
) -> None:
    employees, cases = _rows()
    source = sqlite_db(DDL, {"employees": employees, "cases": cases})
    rules, target = drafted_copy(str(source), tmp_path)
    _check(rules, target, {e[0] for e in employees})


@pytest.mark.postgres
def test_a_text_key_is_replaced_alike_at_both_ends_on_postgresql(
    pg_db: str, tmp_path: Path
) -> None:
    employees, cases = _rows()
    with psycopg.connect(pg_db, autocommit=True) as conn:
        conn.execute(DDL)
        with conn.cursor() as cursor:
            cursor.executemany("INSERT INTO employees VALUES (%s, %s)", employees)
            cursor.executemany("INSERT INTO cases VALUES (%s, %s, %s)", cases)
    rules, target = drafted_copy(pg_db, tmp_path)
    _check(rules, target, {e[0] for e in employees})
