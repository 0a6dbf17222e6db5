"""A source and a copy of tenants whose surnames the copy faked and whose notes it left as
they were: the shape of V1 cases about words that stay in redacted text."""

from __future__ import annotations

from pathlib import Path

from sluis.model.policy_file import parse_policy
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


def pair(
    sqlite_db: SqliteFactory, note: str, surname: str, *, rows: int, every: int
) -> tuple[Path, Path]:
    """Every ``every``-th of ``rows`` tenants bears ``surname``; every row holds ``note`` in
    source and copy alike."""
    source_rows, target_rows = [], []
    for i in range(rows):
        name = surname if i % every == 0 else f"Achternaam{i}"
        source_rows.append((i, name, note))
        target_rows.append((i, FAKES[i % len(FAKES)], note))
    source = sqlite_db(DDL, {"huurders": source_rows}, name="source.db")
    target = sqlite_db(DDL, {"huurders": target_rows}, name="target.db")
    return source, target
