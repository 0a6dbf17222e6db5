"""A firm that bears a tenant's surname ("Deurwaarderskantoor De Groot & Visser") stays in
a redacted note: it names no person, so V1 counts no leak (before, it refused the copy). The
same surname left after "mevrouw" still leaks."""

from __future__ import annotations

from pathlib import Path

import pytest

from sluis.model.policy_file import parse_policy
from sluis.verify import verify
from tests.conftest import SqliteFactory

DDL = "CREATE TABLE huurders (id INTEGER PRIMARY KEY, achternaam TEXT, notitie TEXT);"
POLICY = parse_policy(
    """
version: 1
tables:
  huurders:
    columns:
      id: {rule: keep, reason: key}
      achternaam: {rule: fake, category: person.last_name}
      notitie: {rule: redact_text}
""",
    "policy",
)
FAKES = ["Vermeulen", "Hendriks", "Smits", "Vos", "Peeters", "Maas"]


def _pair(sqlite_db: SqliteFactory, note: str) -> tuple[Path, Path]:
    source_rows, target_rows = [], []
    for i in range(30):
        source_rows.append((i, "de Groot" if i % 2 else f"Achternaam{i}", note))
        target_rows.append((i, FAKES[i % len(FAKES)], note))
    source = sqlite_db(DDL, {"huurders": source_rows}, name="source.db")
    target = sqlite_db(DDL, {"huurders": target_rows}, name="target.db")
    return source, target


@pytest.mark.parametrize(
    ("note", "leaks"),
    [
        ("Dossier overgedragen aan Deurwaarderskantoor De Groot & Visser, kenmerk 12/3.", False),
        ("Gesprek met mevrouw De Groot over de achterstand.", True),
    ],
    ids=["firm", "person"],
)
def test_a_firm_bearing_a_surname_is_no_leak(
    sqlite_db: SqliteFactory, note: str, leaks: bool
) -> None:
    source, target = _pair(sqlite_db, note)
    assert ("V1" in verify(str(source), str(target), POLICY).failed_checks()) is leaks
