"""No pseudonym equals another identifier of the same source, on SQLite and PostgreSQL.

The source is built so that, without the detour, every pseudonym would be a real number of
the source: chains ``x, D(x), D(D(x)), …`` of the plain keyed derangement ``D``, the first
four of each chain in columns, the fifth of BSNs and phones only in a note. The copy must hold
none of the source's BSNs and phone numbers in any cell, nor its onderwijsnummers, licence
plates and postcodes in their columns. Assertion messages give counts, never values.
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

from sluis.anonymize.operators import bsn, generic, phone, postcode
from sluis.anonymize.operators.onderwijsnummer import onderwijsnummer
from sluis.discover.detectors.phone import national_form
from sluis.keys import Key
from sluis.synth import identifiers
from tests.cli.drafted import policy_copy

KEY = "9e4d" * 16
CHAINS = 40
LINKS = 5  # four in columns, the last in a note only
DDL = (
    "CREATE TABLE klanten (id INTEGER PRIMARY KEY, bsn TEXT, telefoon TEXT, notitie TEXT,"
    " onderwijsnummer TEXT, kenteken TEXT, postcode TEXT)"
)
POLICY = """
version: 1
tables:
  klanten:
    columns:
      id: {rule: keep, reason: "surrogate key"}
      bsn: {rule: pseudonymize, category: id.bsn}
      telefoon: {rule: pseudonymize, category: contact.phone}
      notitie: {rule: redact_text}
      onderwijsnummer: {rule: pseudonymize, category: id.onderwijsnummer}
      kenteken: {rule: pseudonymize, category: id.license_plate}
      postcode: {rule: fake, category: location.postcode}
"""
_BSN_LIKE = re.compile(r"(?<![\d.])\d(?:[ .]?\d){7,8}(?![\d.])")
_PHONE_LIKE = re.compile(r"(?<!\d)0\d(?:[ \-]?\d){8}(?!\d)")


def _chains(start: list[str], operator: Callable[[pa.Array, Key], pa.Array]) -> list[list[str]]:
    """Per start value, it and its next ``LINKS - 1`` images under the plain derangement."""
    key = Key.from_text(KEY)
    chains = [[value] for value in start]
    for _ in range(LINKS - 1):
        images = operator(pa.array([c[-1] for c in chains]), key).to_pylist()
        for chain, image in zip(chains, images, strict=True):
            chain.append(image)
    return chains


Row = tuple[int, str, str, str, str, str, str]


def _rows() -> tuple[list[Row], set[str], set[str]]:
    """The rows, and the source's BSNs (nine digits) and phone numbers (national form)."""
    rng = random.Random(12)
    bsns = _chains([identifiers.bsn(rng).zfill(9) for _ in range(CHAINS)], bsn.bsn)
    phones = _chains([f"06-{rng.randrange(10**7, 10**8)}" for _ in range(CHAINS)], phone.phone)
    pupils = _chains([identifiers.onderwijsnummer(rng) for _ in range(CHAINS)], onderwijsnummer)
    plates = _chains([identifiers.license_plate(rng) for _ in range(CHAINS)], generic.pseudonymize)
    codes = _chains([identifiers.postcode(rng) for _ in range(CHAINS)], postcode.postcode)
    rows: list[Row] = []
    for chain in zip(bsns, phones, pupils, plates, codes, strict=True):
        numbers, calls, pupil, plate, code = chain
        for link in range(LINKS - 1):
            note = f"Belde vanaf {calls[link]} over haar aanvraag."
            if link == LINKS - 2:
                note = f"Partner heeft BSN {numbers[-1]}, bereikbaar op {calls[-1]}."
            row = (numbers[link], calls[link], note, pupil[link], plate[link], code[link])
            rows.append((len(rows) + 1, *row))
    all_bsns = {b.zfill(9) for chain in bsns for b in chain}
    all_phones = {national_form(p) for chain in phones for p in chain}
    return rows, all_bsns, all_phones


def _found(cells: list[object], bsns: set[str], phones: set[str]) -> tuple[int, int]:
    """How many source BSNs and phone numbers the cells hold, as whole numbers."""
    text = "\n".join(str(cell) for cell in cells)
    found_bsns = {m.replace(" ", "").replace(".", "").zfill(9) for m in _BSN_LIKE.findall(text)}
    found_phones = {national_form(m) for m in _PHONE_LIKE.findall(text)}
    return len(found_bsns & bsns), len(found_phones & phones)


def _anonymize(source: str, tmp_path: Path) -> list[tuple[object, ...]]:
    target = policy_copy(source, POLICY, KEY, tmp_path)
    with closing(sqlite3.connect(target)) as db:
        return list(db.execute("SELECT * FROM klanten ORDER BY id"))


def test_the_source_is_built_so_that_plain_pseudonyms_would_collide() -> None:
    rows, bsns, phones = _rows()
    key = Key.from_text(KEY)
    plain_bsns = bsn.bsn(pa.array([r[1] for r in rows]), key).to_pylist()
    plain_phones = phone.phone(pa.array([r[2] for r in rows]), key).to_pylist()
    assert _found(plain_bsns + plain_phones, bsns, phones) == (len(rows), len(rows))
    for column, operator in (
        (4, onderwijsnummer),
        (5, generic.pseudonymize),
        (6, postcode.postcode),
    ):
        source = [row[column] for row in rows]
        images = operator(pa.array(source), key).to_pylist()
        # Every link's image is the next link; the last in a column has it outside the source.
        assert sum(image in set(source) for image in images) == (LINKS - 2) * CHAINS


def test_no_pseudonym_equals_an_identifier_of_the_source_on_sqlite(
    sqlite_db: Callable[..., Path], tmp_path: Path
) -> None:
    rows, bsns, phones = _rows()
    copied = _anonymize(str(sqlite_db(DDL, {"klanten": rows})), tmp_path)
    cells = [cell for row in copied for cell in row[1:4]]
    assert _found(cells, bsns, phones) == (0, 0)
    assert len({row[1] for row in copied}) == len(rows), "BSN pseudonyms are not unique"
    assert len({row[2] for row in copied}) == len(rows), "phone pseudonyms are not unique"
    for column in (4, 5, 6):
        source = {row[column] for row in rows}
        held = len(source & {row[column] for row in copied})
        assert held == 0, f"column {column} holds {held} source identifiers"
        assert len({row[column] for row in copied}) == len(rows), f"column {column} not unique"
    notes_with_bsns = sum(bool(re.search(r"BSN \d{9},", str(row[3]))) for row in copied)
    assert notes_with_bsns == CHAINS, "the notes' BSNs were not replaced by BSNs"


@pytest.mark.postgres
def test_postgresql_gives_the_same_copy_as_sqlite(
    pg_db: str, sqlite_db: Callable[..., Path], tmp_path: Path
) -> None:
    rows, bsns, phones = _rows()
    with psycopg.connect(pg_db, autocommit=True) as conn:
        conn.execute(DDL)
        with conn.cursor() as cursor:
            cursor.executemany("INSERT INTO klanten VALUES (%s, %s, %s, %s, %s, %s, %s)", rows)
    from_postgres = _anonymize(pg_db, tmp_path / "pg")
    from_sqlite = _anonymize(str(sqlite_db(DDL, {"klanten": rows})), tmp_path / "sqlite")
    assert from_postgres == from_sqlite, "the same key gave another copy on PostgreSQL"
    assert _found([c for row in from_postgres for c in row[1:4]], bsns, phones) == (0, 0)
