"""An empty text in a personal column (``''``, or only whitespace) holds nothing personal and
stays as it is under every drafted ``pseudonymize`` and ``fake`` rule, on SQLite and
PostgreSQL; before, every empty cell of a column became one and the same fake (the pseudonym
of ``''``), so a test copy held 480 clients sharing one mailbox instead of 480 without one.
Assertion messages give counts only.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from tests.cli import people
from tests.cli.drafted import drafted_copy, postgres_source

DDL = """
CREATE TABLE client (
    pat_id INTEGER PRIMARY KEY,
    bsn TEXT,
    voornaam TEXT,
    achternaam TEXT,
    email TEXT,
    telefoon TEXT,
    iban TEXT,
    postcode TEXT,
    straat TEXT,
    woonplaats TEXT,
    login TEXT UNIQUE
);
"""
DRAFTED = {
    "bsn": "id.bsn",
    "voornaam": "person.first_name",
    "achternaam": "person.last_name",
    "email": "contact.email",
    "telefoon": "contact.phone",
    "iban": "finance.iban",
    "postcode": "location.postcode",
    "straat": "location.street",
    "woonplaats": "location.city",
}
COLUMNS = [*DRAFTED, "login"]
BLANKS = ["", " ", "  "]


def _rows() -> list[tuple[object, ...]]:
    """Clients of whom about one in five has nothing in any personal column; their logins
    (a UNIQUE column) are the distinct blanks, the others' are e-mail addresses."""
    rng = random.Random(6)
    rows: list[tuple[object, ...]] = []
    for number in range(1, 401):
        first, last = rng.choice(people.FIRST), rng.choice(people.LAST)
        mail = f"{first.lower()}.{last.lower().replace(' ', '')}{number}@example.nl"
        filled = [
            f"{people.bsn(rng):09d}",
            first,
            last,
            mail,
            people.phone(rng),
            people.iban(rng),
            people.postcode(rng),
            f"{rng.choice(people.STREETS)} {rng.randint(1, 200)}",
            rng.choice(people.CITIES),
            mail,
        ]
        if rng.random() < 0.2:
            blanks = sum(1 for row in rows if not str(row[-1]).strip())
            login = BLANKS[blanks] if blanks < len(BLANKS) else mail
            filled = [rng.choice(BLANKS) for _ in DRAFTED] + [login]
        rows.append((number, *filled))
    return rows


def _flow(source: str, tmp_path: Path, rows: list[tuple[object, ...]]) -> None:
    rules, target = drafted_copy(source, tmp_path)
    columns = rules["client"]["columns"]
    drafted = {name: columns[name].get("category") for name in DRAFTED}  # type: ignore[index]
    assert drafted == DRAFTED
    with closing(sqlite3.connect(target)) as conn:
        copied = conn.execute(f"SELECT {', '.join(COLUMNS)} FROM client ORDER BY pat_id").fetchall()
    assert len(copied) == len(rows)
    for index, name in enumerate(COLUMNS):
        pairs = [(row[index + 1], new[index]) for row, new in zip(rows, copied, strict=True)]
        blank = [(old, new) for old, new in pairs if not str(old).strip()]
        changed = sum(1 for old, new in blank if new != old)
        assert blank and changed == 0, f"{name}: {changed} of {len(blank)} empty texts changed"
        kept = sum(1 for old, new in pairs if str(old).strip() and new == old)
        assert kept == 0, f"{name}: {kept} values kept"


def test_empty_texts_stay_empty_on_sqlite(sqlite_db: Callable[..., Path], tmp_path: Path) -> None:
    rows = _rows()
    _flow(str(sqlite_db(DDL, {"client": rows})), tmp_path, rows)


@pytest.mark.postgres
def test_empty_texts_stay_empty_on_postgresql(pg_db: str, tmp_path: Path) -> None:
    rows = _rows()
    _flow(postgres_source(pg_db, DDL, {"client": rows}), tmp_path, rows)
