"""A firm that bears a tenant's surname ("Deurwaarderskantoor De Groot & Visser") stays in
a redacted note: it names no person, so V1 counts no leak (before, it refused the copy). The
same surname left after "mevrouw" still leaks, also beside the firm (before, the firm's name
covered it). A school named after a person ("Johan de Witt College") is the school's name, its
namesake's given name included."""

from __future__ import annotations

import pytest

from sluis.verify import verify
from tests.conftest import SqliteFactory
from tests.verify.unchanged_notes import POLICY, pair


@pytest.mark.parametrize(
    ("note", "surname", "leaks"),
    [
        (
            "Dossier overgedragen aan Deurwaarderskantoor De Groot & Visser, kenmerk 12/3.",
            "de Groot",
            False,
        ),
        ("Gesprek met mevrouw De Groot over de achterstand.", "de Groot", True),
        ("Kinderpraktijk Bakker & De Wit belde over mevrouw De Wit.", "de Wit", True),
        ("Verwezen naar Diëtistenpraktijk Annemieke Smit.", "Smit", False),
        ("Leerling van de Al Ghazali school in Zaandam.", "Al Ghazali", False),
        ("Met vriendelijke groet,\nWaterschap Rijn en Veluwe\nPostbus 4142", "Rijn", False),
        ("Met vriendelijke groet,\nmevrouw Rijn\nWaterschap Rijn en Veluwe", "Rijn", True),
        ("Zit in groep 4 van het Johan de Witt College.", "de Witt", False),
        ("Zit in groep 4 van het Johan de Witt College.", "Johan", False),
    ],
    ids=[
        "firm",
        "person",
        "person-beside-firm",
        "practice-of-a-person",
        "school",
        "public-body",
        "person-beside-public-body",
        "school-named-after-a-person",
        "given-name-of-a-schools-namesake",
    ],
)
def test_a_firm_bearing_a_surname_is_no_leak(
    sqlite_db: SqliteFactory, note: str, surname: str, leaks: bool
) -> None:
    source, target = pair(sqlite_db, note, surname, rows=30, every=2)
    assert ("V1" in verify(str(source), str(target), POLICY).failed_checks()) is leaks
