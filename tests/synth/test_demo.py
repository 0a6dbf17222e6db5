"""The demo database: tables, declared foreign keys, valid identifiers, determinism."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import phonenumbers
import psycopg
import pytest
from stdnum import iban as std_iban
from stdnum.nl import bsn as std_bsn
from stdnum.nl import postcode as std_postcode

from sluis.synth import identifiers as ids
from sluis.synth.demo import TABLES, build_demo_db, main

APPLICANTS = 120

EXPECTED_FOREIGN_KEYS = {
    ("applications", "applicant_id", "applicants"),
    ("applications", "behandelaar_id", "employees"),
    ("applications", "diploma_land", "landen"),
    ("applications", "diploma_niveau", "diploma_niveaus"),
    ("documents", "application_id", "applications"),
    ("payments", "application_id", "applications"),
    ("messages", "applicant_id", "applicants"),
    ("access_log", "employee_id", "employees"),
    ("access_log", "applicant_id", "applicants"),
}


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "production.db"
    build_demo_db(path, applicants=APPLICANTS, seed=7)
    return path


@pytest.fixture
def conn(demo_db: Path) -> Iterator[sqlite3.Connection]:
    with closing(sqlite3.connect(demo_db)) as connection:
        yield connection


def column(conn: sqlite3.Connection, table: str, name: str) -> list[object]:
    return [v for (v,) in conn.execute(f"SELECT {name} FROM {table}") if v is not None]


def fingerprint(path: Path) -> str:
    with closing(sqlite3.connect(path)) as connection:
        dump = "\n".join(connection.iterdump())
    return hashlib.sha256(dump.encode()).hexdigest()


def test_every_table_exists_with_rows(conn: sqlite3.Connection) -> None:
    names = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert names == {t.name for t in TABLES}
    for table in names:
        (count,) = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
        assert count > 0, f"table {table} is empty"
    assert conn.execute("SELECT count(*) FROM applicants").fetchone() == (APPLICANTS,)


def test_foreign_keys_are_declared_and_hold(conn: sqlite3.Connection) -> None:
    declared = set()
    for tdef in TABLES:
        for row in conn.execute(f"PRAGMA foreign_key_list({tdef.name})"):
            declared.add((tdef.name, row[3], row[2]))
    assert declared == EXPECTED_FOREIGN_KEYS
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_bsns_pass_the_11_proef_in_their_stored_forms(conn: sqlite3.Connection) -> None:
    stored = [str(v) for v in column(conn, "applicants", "bsn")]
    digits = [re.sub(r"\D", "", v).zfill(9) for v in stored]
    invalid = sum(not std_bsn.is_valid(d) for d in digits)
    assert invalid == 0, f"{invalid} invalid BSNs"
    assert any("." in v for v in stored), "no dotted BSN stored"
    assert any(len(v) == 8 for v in stored), "no BSN stored without its leading zero"


def test_case_numbers_are_11_proef_traps(conn: sqlite3.Connection) -> None:
    numbers = column(conn, "applications", "zaaknummer")
    passing = sum(std_bsn.is_valid(str(n)) for n in numbers)
    assert passing == len(numbers)


def test_ibans_are_valid_with_real_bank_codes(conn: sqlite3.Connection) -> None:
    values = [str(v) for v in column(conn, "applicants", "iban")]
    values += [str(v) for v in column(conn, "payments", "iban")]
    invalid = sum(not std_iban.is_valid(v) for v in values)
    foreign_banks = sum(v.replace(" ", "")[4:8] not in ids.BANK_CODES for v in values)
    assert (invalid, foreign_banks) == (0, 0)


def test_phones_are_valid_for_libphonenumber(conn: sqlite3.Connection) -> None:
    values = [str(v) for v in column(conn, "applicants", "telefoon")]
    for doc in column(conn, "messages", "contactpersoon"):
        values.append(json.loads(str(doc))["telefoon"])
    invalid = sum(not phonenumbers.is_valid_number(phonenumbers.parse(v, "NL")) for v in values)
    assert invalid == 0, f"{invalid} invalid phone numbers"


def test_postcodes_are_valid(conn: sqlite3.Connection) -> None:
    values = [str(v) for v in column(conn, "applicants", "postcode")]
    invalid = sum(not std_postcode.is_valid(v) for v in values)
    assert invalid == 0, f"{invalid} invalid postcodes"


def test_containers_hold_names(conn: sqlite3.Connection) -> None:
    rows = conn.execute(
        "SELECT a.achternaam, d.bestandsnaam, d.inhoud FROM documents d "
        "JOIN applications p ON p.id = d.application_id JOIN applicants a ON a.id = p.applicant_id"
    ).fetchall()
    named_files = sum(surname.replace(" ", "_") in name for surname, name, _ in rows)
    named_blobs = sum(b"Naam: " in blob for _, _, blob in rows)
    assert named_files == len(rows)
    assert named_blobs == len(rows)
    contacts = [json.loads(str(v)) for v in column(conn, "messages", "contactpersoon")]
    assert all({"naam", "email", "telefoon"} <= set(c) for c in contacts)


def test_same_seed_gives_the_same_file(tmp_path: Path, demo_db: Path) -> None:
    again = tmp_path / "again.db"
    other = tmp_path / "other.db"
    build_demo_db(again, applicants=APPLICANTS, seed=7)
    build_demo_db(other, applicants=APPLICANTS, seed=8)
    assert fingerprint(again) == fingerprint(demo_db)
    assert fingerprint(other) != fingerprint(demo_db)


def test_command_line_overwrites(tmp_path: Path) -> None:
    out = tmp_path / "cli.db"
    out.write_bytes(b"not a database")
    assert main([str(out), "--applicants", "30"]) == 0
    with closing(sqlite3.connect(out)) as connection:
        assert connection.execute("SELECT count(*) FROM applicants").fetchone() == (30,)


def test_postgres_copy_matches_sqlite(demo_db: Path, pg_db: str) -> None:
    from sluis.synth.demo import write_postgres

    write_postgres(demo_db, pg_db)
    with closing(sqlite3.connect(demo_db)) as lite, psycopg.connect(pg_db) as pg:
        for tdef in TABLES:
            expected = lite.execute(f"SELECT count(*) FROM {tdef.name}").fetchone()
            assert pg.execute(f"SELECT count(*) FROM {tdef.name}").fetchone() == expected
        (blob,) = pg.execute("SELECT inhoud FROM documents ORDER BY id LIMIT 1").fetchone()
        (lite_blob,) = lite.execute("SELECT inhoud FROM documents ORDER BY id LIMIT 1").fetchone()
        assert blob == lite_blob
        fks = pg.execute(
            "SELECT count(*) FROM information_schema.table_constraints "
            "WHERE constraint_type = 'FOREIGN KEY'"
        ).fetchone()
        assert fks == (len(EXPECTED_FOREIGN_KEYS),)
