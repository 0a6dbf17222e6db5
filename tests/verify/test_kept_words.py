"""A kept column of words where one word is also somebody's given name ("edit" among the
actions of an access log, the given name Edit): no leak. The row's own given name kept
is one, and so is a kept column of given names."""

from __future__ import annotations

from pathlib import Path

from sluis.model.policy_file import parse_policy
from sluis.verify import verify
from tests.conftest import SqliteFactory

DDL = """
CREATE TABLE personen (id INTEGER PRIMARY KEY, voornaam TEXT, achternaam TEXT, actie TEXT,
                       roepnaam TEXT);
"""
FIRST = ["Edit", "Jan", "Fatima", "Kees", "Anna", "Pieter", "Sanne", "Mohammed"] * 5
LAST = ["Jansen", "Bakker", "El Amrani", "Visser", "Smit", "Mulder", "Bos", "Dekker"] * 5
FAKE_FIRST = ["Lotte", "Daan", "Noor", "Bram", "Ilse", "Tess", "Joris", "Femke"] * 5
FAKE_LAST = ["Vermeulen", "Hendriks", "Smits", "Vos", "Peeters", "Maas", "Prins", "Kramer"] * 5
ACTIONS = ["view", "edit", "print", "export"]


def _policy(roepnaam: str) -> str:
    return f"""
version: 1
tables:
  personen:
    columns:
      id: {{rule: keep, reason: key}}
      voornaam: {{rule: fake, category: person.first_name}}
      achternaam: {{rule: fake, category: person.last_name}}
      actie: {{rule: keep, reason: what was done}}
      roepnaam: {roepnaam}
"""


def _pair(sqlite_db: SqliteFactory, keep_roepnaam: bool) -> tuple[Path, Path]:
    source_rows, target_rows = [], []
    for i in range(40):
        action = ACTIONS[i % 4]  # whoever is called Edit does "view"; others do "edit"
        source_rows.append((i, FIRST[i], LAST[i], action, FIRST[i]))
        called = FIRST[i] if keep_roepnaam else FAKE_FIRST[i]
        target_rows.append((i, FAKE_FIRST[i], FAKE_LAST[i], action, called))
    source = sqlite_db(DDL, {"personen": source_rows}, name="source.db")
    target = sqlite_db(DDL, {"personen": target_rows}, name="target.db")
    return source, target


def test_a_word_that_is_also_a_given_name_is_no_leak(sqlite_db: SqliteFactory) -> None:
    source, target = _pair(sqlite_db, keep_roepnaam=False)
    policy = parse_policy(_policy("{rule: fake, category: person.first_name}"), "policy")
    report = verify(str(source), str(target), policy)
    assert report.passed, report.failed_checks()


def test_given_names_kept_in_their_own_rows_leak(sqlite_db: SqliteFactory) -> None:
    source, target = _pair(sqlite_db, keep_roepnaam=True)
    policy = parse_policy(_policy('{rule: keep, reason: "reviewed wrongly"}'), "policy")
    assert "V1" in verify(str(source), str(target), policy).failed_checks()
