"""A person whose initials and surname join to a phrase ("A" and "Room": "a room") does not
make that phrase a leak wherever a note uses it ("shares a room with her sister"); before,
V1 refused every such note. A surname that is no word still leaks after the initial."""

from __future__ import annotations

import pytest

from sluis.model.policy_file import parse_policy
from sluis.verify import verify
from tests.conftest import SqliteFactory

DDL = (
    "CREATE TABLE patient"
    " (id INTEGER PRIMARY KEY, voorletters TEXT, achternaam TEXT, notitie TEXT);"
)
POLICY = parse_policy(
    """
version: 1
tables:
  patient:
    columns:
      id: {rule: keep, reason: key}
      voorletters: {rule: fake, category: person.first_name}
      achternaam: {rule: fake, category: person.last_name}
      notitie: {rule: redact_text}
""",
    "policy",
)


@pytest.mark.parametrize(
    ("surname", "note", "leaks"),
    [
        ("Room", "Patient shares a room with her sister.", False),
        ("Roomsma", "Gesprek met A. Roomsma over de huur.", True),
    ],
    ids=["phrase", "surname"],
)
def test_an_initial_and_a_surname_make_no_phrase_a_leak(
    sqlite_db: SqliteFactory, surname: str, note: str, leaks: bool
) -> None:
    source_rows = [(i, "A", surname if i % 2 else f"Achternaam{i}", note) for i in range(30)]
    target_rows = [(i, "K", f"Fake{i}", note) for i in range(30)]
    source = sqlite_db(DDL, {"patient": source_rows}, name="source.db")
    target = sqlite_db(DDL, {"patient": target_rows}, name="target.db")
    assert ("V1" in verify(str(source), str(target), POLICY).failed_checks()) is leaks


def test_a_surname_spelt_like_a_salutation_is_no_leak_of_every_letter(
    sqlite_db: SqliteFactory,
) -> None:
    """A patient named "de Heer" does not make "Geachte heer Visser" in every letter a leak
    (before, V1 refused a copy with 2,053 such letters)."""
    note = "Graag verwijs ik de heer {} naar uw instelling."
    source_rows = [
        (i, "J", "de Heer" if i % 2 else f"Achternaam{i}", note.format("Visser")) for i in range(30)
    ]
    target_rows = [(i, "K", f"Fake{i}", note.format("Terpstra")) for i in range(30)]
    source = sqlite_db(DDL, {"patient": source_rows}, name="source.db")
    target = sqlite_db(DDL, {"patient": target_rows}, name="target.db")
    assert "V1" not in verify(str(source), str(target), POLICY).failed_checks()
