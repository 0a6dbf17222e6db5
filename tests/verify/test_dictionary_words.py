"""A surname that is also a dictionary word ("Kosten") in letters that use the word ("de
kosten van de reparatie"): alone in a redacted letter it is the word, no coincidence with the
person (before, V1 counted one in every letter and refused the copy). A surname that is no
word, left alone in the same letters, still counts."""

from __future__ import annotations

from pathlib import Path

from sluis.model.policy_file import parse_policy
from sluis.verify import verify
from tests.conftest import SqliteFactory

DDL = "CREATE TABLE huurders (id INTEGER PRIMARY KEY, achternaam TEXT, brief TEXT);"
POLICY = parse_policy(
    """
version: 1
tables:
  huurders:
    columns:
      id: {rule: keep, reason: key}
      achternaam: {rule: fake, category: person.last_name}
      brief: {rule: redact_text}
""",
    "policy",
)
FAKES = ["Vermeulen", "Hendriks", "Smits", "Vos", "Peeters", "Maas"]


def _letter(word: str) -> str:
    return f"Geachte heer/mevrouw,\n\nDe {word} van de reparatie zijn voor u. Bel ons gerust."


def _pair(sqlite_db: SqliteFactory, word: str, surname: str) -> tuple[Path, Path]:
    source_rows, target_rows = [], []
    for i in range(60):
        # Every third tenant bears the surname; every letter holds the word.
        name = surname if i % 3 == 0 else f"Achternaam{i}"
        source_rows.append((i, name, _letter(word)))
        target_rows.append((i, FAKES[i % len(FAKES)], _letter(word)))
    source = sqlite_db(DDL, {"huurders": source_rows}, name=f"source-{surname}.db")
    target = sqlite_db(DDL, {"huurders": target_rows}, name=f"target-{surname}.db")
    return source, target


def test_a_dictionary_word_alone_is_no_coincidence(sqlite_db: SqliteFactory) -> None:
    source, target = _pair(sqlite_db, "kosten", "Kosten")
    report = verify(str(source), str(target), POLICY)
    assert report.passed, report.failed_checks()


def test_a_surname_that_is_no_word_still_counts(sqlite_db: SqliteFactory) -> None:
    source, target = _pair(sqlite_db, "Wijnaldum", "Wijnaldum")
    assert "V1" in verify(str(source), str(target), POLICY).failed_checks()
