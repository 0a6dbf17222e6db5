"""Personnel numbers (``PersoneelsNr``: ``48213``) are drafted as ``id.employee_number`` and
replaced in their shape, on SQLite and PostgreSQL, as a user runs it; a key column named
``emp_no`` is the database's own and stays, its foreign keys with it. Assertion messages give
counts only.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from tests.cli.drafted import drafted_copy, postgres_source

DDL = (
    'CREATE TABLE "Medewerker" ("emp_no" INTEGER PRIMARY KEY, "PersoneelsNr" TEXT NOT NULL,'
    ' "Team" TEXT NOT NULL)',
    'CREATE TABLE "Consult" ("id" INTEGER PRIMARY KEY,'
    ' "emp_no" INTEGER NOT NULL REFERENCES "Medewerker" ("emp_no"), "Soort" TEXT NOT NULL)',
)


def _rows() -> tuple[list[tuple[int, str, str]], list[tuple[int, int, str]]]:
    rng = random.Random(31)
    numbers = rng.sample(range(10_000, 100_000), 300)
    teams, kinds = ["JGZ", "Infectieziekten"], ["huisbezoek", "spreekuur"]
    staff = [(700 + i, str(n), rng.choice(teams)) for i, n in enumerate(numbers)]
    consults = [(i, rng.choice(staff)[0], rng.choice(kinds)) for i in range(900)]
    return staff, consults


def _check(source: str, tmp_path: Path, staff: list[tuple[int, str, str]]) -> None:
    rules, target = drafted_copy(source, tmp_path)
    columns = rules["Medewerker"]["columns"]
    assert columns["PersoneelsNr"] == {  # type: ignore[index]
        "rule": "pseudonymize",
        "category": "id.employee_number",
    }
    assert columns["emp_no"]["rule"] == "keep"  # type: ignore[index]
    assert rules["Consult"]["columns"]["emp_no"]["rule"] == "keep"  # type: ignore[index]
    with closing(sqlite3.connect(target)) as conn:
        copied = conn.execute(
            'SELECT "emp_no", "PersoneelsNr", "Team" FROM "Medewerker" ORDER BY "emp_no"'
        ).fetchall()
        orphans = conn.execute(
            'SELECT count(*) FROM "Consult" WHERE "emp_no" NOT IN'
            ' (SELECT "emp_no" FROM "Medewerker")'
        ).fetchone()[0]
    numbers = [n for _, n, _ in copied]
    kept = len({n for _, n, _ in staff} & set(numbers))
    assert kept == 0, f"{kept} original personnel numbers in the copy"
    assert len(set(numbers)) == len(staff), "pseudonyms of distinct numbers collided"
    assert all(len(n) == 5 and n.isdigit() for n in numbers), "a pseudonym lost the shape"
    assert [(k, t) for k, _, t in copied] == [(k, t) for k, _, t in staff]
    assert orphans == 0, f"{orphans} consults lost their employee"


def test_personnel_numbers_are_replaced_and_keys_kept_on_sqlite(
    sqlite_db: Callable[..., Path], tmp_path: Path
) -> None:
    staff, consults = _rows()
    source = sqlite_db(";\n".join(DDL), {"Medewerker": staff, "Consult": consults})
    _check(str(source), tmp_path, staff)


@pytest.mark.postgres
def test_personnel_numbers_are_replaced_and_keys_kept_on_postgresql(
    pg_db: str, tmp_path: Path
) -> None:
    staff, consults = _rows()
    rows = {'"Medewerker"': staff, '"Consult"': consults}
    _check(postgres_source(pg_db, ";\n".join(DDL), rows), tmp_path, staff)
