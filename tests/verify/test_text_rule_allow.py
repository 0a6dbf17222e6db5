"""A reviewer confirms a look-alike left in redacted text with ``allow`` on the text rule, as on
a keep rule: "Groot" left in every note, where half the tenants are named Groot, is no leak
once the category V1 names is allowed, and still one without it."""

from __future__ import annotations

import pytest

from sluis.errors import PolicyError
from sluis.model.policy_file import parse_policy
from sluis.verify import verify
from tests.conftest import SqliteFactory
from tests.verify.unchanged_notes import pair


def _policy(notes: str) -> str:
    return f"""
version: 1
tables:
  huurders:
    columns:
      id: {{rule: keep, reason: key}}
      achternaam: {{rule: fake, category: person.last_name}}
      notitie: {notes}
"""


@pytest.mark.parametrize(
    ("rule", "leaks"),
    [
        ("{rule: redact_text}", True),
        ("{rule: redact_text, allow: [person.name]}", False),
        ("{rule: json, default: {rule: redact_text}, allow: [person.name]}", False),
    ],
)
def test_allow_on_a_text_rule_clears_a_confirmed_look_alike(
    sqlite_db: SqliteFactory, rule: str, leaks: bool
) -> None:
    note = '{"tekst": "Brief van Groot ontvangen"}' if "json" in rule else "Brief van Groot."
    source, target = pair(sqlite_db, note, "Groot", rows=30, every=2)
    report = verify(str(source), str(target), parse_policy(_policy(rule), "policy"))
    assert ("V1" in report.failed_checks()) is leaks


def test_allow_names_known_categories_only() -> None:
    with pytest.raises(PolicyError, match="unknown category"):
        parse_policy(_policy("{rule: redact_text, allow: [person.nickname]}"), "policy")
