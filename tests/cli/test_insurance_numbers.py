"""Insurance policy numbers (``InsurancePolicyNo``: ``CZ12345678``) are drafted as
``id.insurance_number`` and replaced in their shape, on SQLite and PostgreSQL, as a user runs
it; an internal department code beside them stays. Assertion messages give counts only.
"""

from __future__ import annotations

import random
import re
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import psycopg
import pyarrow as pa
import pytest

from sluis.anonymize.operators import generic
from sluis.discover.detectors.phone import DETECTOR as PHONE
from sluis.keys import Key
from tests.cli.drafted import drafted_copy, policy_copy

DDL = """
CREATE TABLE "Patient" (
    "PatientID" INTEGER PRIMARY KEY,
    "InsurancePolicyNo" TEXT NOT NULL,
    "Department" TEXT NOT NULL
);
"""
SHAPE = re.compile(r"[A-Z]{2}\d{8}")


def _rows() -> list[tuple[int, str, str]]:
    rng = random.Random(23)
    insurers = ["CZ", "VG", "ZK", "MN", "DS"]
    numbers = {f"{rng.choice(insurers)}{rng.randrange(10**8):08d}" for _ in range(400)}
    departments = ["Cardiology", "Oncology", "Radiology", "Surgery"]
    return [(i, n, rng.choice(departments)) for i, n in enumerate(sorted(numbers), start=1)]


def _flow(source: str, tmp_path: Path, rows: list[tuple[int, str, str]]) -> None:
    rules, target = drafted_copy(source, tmp_path)
    columns = rules["Patient"]["columns"]
    assert columns["InsurancePolicyNo"] == {  # type: ignore[index]
        "rule": "pseudonymize",
        "category": "id.insurance_number",
    }
    assert columns["Department"]["rule"] == "keep"  # type: ignore[index]
    with closing(sqlite3.connect(target)) as conn:
        copied = conn.execute(
            'SELECT "InsurancePolicyNo", "Department" FROM "Patient" ORDER BY "PatientID"'
        ).fetchall()
    numbers = [n for n, _ in copied]
    assert len(set(numbers)) == len(rows), "pseudonyms of distinct numbers collided"
    kept = len({n for _, n, _ in rows} & set(numbers))
    assert kept == 0, f"{kept} original insurance numbers in the copy"
    misshapen = sum(1 for n in numbers if not SHAPE.fullmatch(n))
    assert misshapen == 0, f"{misshapen} pseudonyms lost the shape"
    assert [d for _, d in copied] == [d for _, _, d in rows]


def test_insurance_numbers_are_replaced_in_shape_on_sqlite(
    sqlite_db: Callable[..., Path], tmp_path: Path
) -> None:
    rows = _rows()
    source = sqlite_db(DDL, {"Patient": rows})
    _flow(str(source), tmp_path, rows)


@pytest.mark.postgres
def test_insurance_numbers_are_replaced_in_shape_on_postgresql(pg_db: str, tmp_path: Path) -> None:
    rows = _rows()
    with psycopg.connect(pg_db, autocommit=True) as conn:
        conn.execute(DDL)
        with conn.cursor() as cursor:
            cursor.executemany('INSERT INTO "Patient" VALUES (%s, %s, %s)', rows)
    _flow(pg_db, tmp_path, rows)


def test_big_numbers_of_staff_are_drafted_as_professional_numbers(
    sqlite_db: Callable[..., Path], tmp_path: Path
) -> None:
    """BIG numbers have no checksum and look like nothing; the column name tells."""
    rng = random.Random(29)
    staff = [(i, f"{rng.randrange(10**10, 10**11)}", "JGZ") for i in range(1, 41)]
    source = sqlite_db(
        'CREATE TABLE "tblMedewerker" ("id" INTEGER PRIMARY KEY, "bigNr" TEXT, "team" TEXT)',
        {"tblMedewerker": staff},
    )
    rules, target = drafted_copy(str(source), tmp_path)
    assert rules["tblMedewerker"]["columns"]["bigNr"] == {  # type: ignore[index]
        "rule": "pseudonymize",
        "category": "id.professional_number",
    }
    with closing(sqlite3.connect(target)) as conn:
        copied = [r[0] for r in conn.execute('SELECT "bigNr" FROM "tblMedewerker"')]
    kept = len({n for _, n, _ in staff} & set(copied))
    assert kept == 0, f"{kept} original BIG numbers in the copy"
    assert all(len(n) == 11 and n.isdigit() for n in copied)


def test_pseudonyms_of_numbers_that_read_as_phone_numbers_publish(
    sqlite_db: Callable[..., Path], tmp_path: Path
) -> None:
    """A generic pseudonym keeps the digits' count, not their meaning: BIG numbers chosen so
    that their pseudonyms under this key read as phone numbers (316…) are no unaccounted
    identifiers for V4."""
    key = Key.from_text("7a" * 32)
    candidates = [str(10**10 + 7_919 * n) for n in range(20_000)]
    fakes = generic.pseudonymize(pa.array(candidates), key).to_pylist()
    chosen = [c for c, f in zip(candidates, fakes, strict=True) if PHONE.matches(f)][:5]
    assert len(chosen) == 5, "no pseudonym reads as a phone number: the case is not exercised"
    source = sqlite_db(
        'CREATE TABLE "staff" ("id" INTEGER PRIMARY KEY, "big_nummer" TEXT)',
        {"staff": list(enumerate(chosen, start=1))},
    )
    staff_policy = (
        "version: 1\ntables:\n  staff:\n    columns:\n"
        '      id: {rule: keep, reason: "surrogate key"}\n'
        "      big_nummer: {rule: pseudonymize, category: id.professional_number}\n"
    )
    policy_copy(str(source), staff_policy, key.to_text(), tmp_path)  # asserts it published
