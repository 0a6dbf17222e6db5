"""Schools named like people ("De Kleine Prins", "Guido de Brès") in a table of schools are
drafted ``keep`` with their look-alikes allowed, and the notes that mention them keep them
too, while the clients' names in the same notes are replaced; the unedited draft publishes,
on SQLite and PostgreSQL. Assertion messages give counts only.
"""

from __future__ import annotations

import random
import re
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from sluis.synth.people import PersonFactory
from tests.cli.drafted import drafted_copy, postgres_source

DDL = (
    'CREATE TABLE "School" ("SchoolId" INTEGER PRIMARY KEY, "SchoolNaam" TEXT NOT NULL)',
    'CREATE TABLE "Client" ("ClientId" INTEGER PRIMARY KEY, "FirstName" TEXT NOT NULL,'
    ' "Achternaam" TEXT NOT NULL, "SchoolId" INTEGER REFERENCES "School" ("SchoolId"))',
    'CREATE TABLE "CaseNote" ("NoteId" INTEGER PRIMARY KEY,'
    ' "ClientId" INTEGER REFERENCES "Client" ("ClientId"), "Verslag" TEXT)',
)
SCHOOLS = ["De Kleine Prins", "De Piramide", "Guido de Brès", "De Tweemaster", "De Wonderboom"]


def _rows() -> dict[str, list[tuple[object, ...]]]:
    rng = random.Random(41)
    people = PersonFactory(41)
    clients = []
    for i in range(1, 121):
        person = people.person()
        clients.append((i, person.first_name, person.last_name, rng.randrange(len(SCHOOLS)) + 1))
    notes = []
    for i in range(1, 301):
        client = rng.choice(clients)
        school = SCHOOLS[int(client[3]) - 1]
        notes.append(
            (i, client[0], f"Gesprek met {client[1]} over {school}. {client[1]} gaat vooruit.")
        )
    return {
        "School": list(enumerate(SCHOOLS, start=1)),
        "Client": clients,
        "CaseNote": notes,
    }


def _check(source: str, tmp_path: Path, rows: dict[str, list[tuple[object, ...]]]) -> None:
    rules, target = drafted_copy(source, tmp_path)
    drafted = rules["School"]["columns"]["SchoolNaam"]
    assert drafted["rule"] == "keep", drafted["rule"]  # type: ignore[index]
    assert "person.last_name" in drafted["allow"]  # type: ignore[index]
    with closing(sqlite3.connect(target)) as conn:
        notes = dict(conn.execute('SELECT "NoteId", "Verslag" FROM "CaseNote"').fetchall())
    given = {c[0]: str(c[1]) for c in rows["Client"]}
    mentioned = kept = named = 0
    for note_id, client_id, text in rows["CaseNote"]:
        copied = notes[note_id]
        school = next((s for s in SCHOOLS if s in str(text)), None)
        mentioned += school is not None
        kept += school is not None and school in copied
        named += bool(re.search(rf"\b{re.escape(given[client_id])}\b", copied))
    assert mentioned and kept == mentioned, f"{mentioned - kept} of {mentioned} schools changed"
    assert named == 0, f"{named} notes keep their client's given name"


def test_kept_school_names_stay_in_notes_on_sqlite(
    sqlite_db: Callable[..., Path], tmp_path: Path
) -> None:
    rows = _rows()
    source = sqlite_db(";\n".join(DDL), rows)
    _check(str(source), tmp_path, rows)


@pytest.mark.postgres
def test_kept_school_names_stay_in_notes_on_postgresql(pg_db: str, tmp_path: Path) -> None:
    rows = _rows()
    quoted = {f'"{table}"': table_rows for table, table_rows in rows.items()}
    _check(postgres_source(pg_db, ";\n".join(DDL), quoted), tmp_path, rows)
