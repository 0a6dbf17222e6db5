"""A name key under a thing's key ("medication": [{"name": "Concerta"}]) names the thing:
anonymize leaves it, so V1 does not take it for a person's name (before, it read the
"name" key as a label, registered "Concerta" and refused the copy)."""

from __future__ import annotations

import json

from sluis.model.policy_file import parse_policy
from sluis.verify import verify
from tests.conftest import SqliteFactory

DDL = "CREATE TABLE intake (id INTEGER PRIMARY KEY, formulier TEXT);"
POLICY = parse_policy(
    """
version: 1
tables:
  intake:
    columns:
      id: {rule: keep, reason: key}
      formulier: {rule: json, default: {rule: redact_text}}
""",
    "policy",
)


def _form(client: str, medicine: str) -> str:
    return json.dumps({"client": {"naam": client}, "medication": [{"name": medicine}]})


def test_a_thing_named_under_a_name_key_is_no_leak(sqlite_db: SqliteFactory) -> None:
    medicines = ["Concerta", "Ritalin", "Dipiperon", "Medikinet"]
    source_rows = [(i, _form(f"Anna Jansen{i}", medicines[i % 4])) for i in range(40)]
    target_rows = [(i, _form(f"Sanne Visser{i}", medicines[i % 4])) for i in range(40)]
    source = sqlite_db(DDL, {"intake": source_rows}, name="source.db")
    target = sqlite_db(DDL, {"intake": target_rows}, name="target.db")
    report = verify(str(source), str(target), POLICY)
    assert "V1" not in report.failed_checks()
    leaky = sqlite_db(DDL, {"intake": [*target_rows[:-1], source_rows[-1]]}, name="leaky.db")
    assert "V1" in verify(str(source), str(leaky), POLICY).failed_checks()
