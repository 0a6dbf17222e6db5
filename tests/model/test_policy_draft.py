"""The drafted policy reads the same on every backend and says why a column is kept."""

from __future__ import annotations

from sluis.model.policy_draft import draft_policy
from sluis.model.privacy_map import ColumnFinding, PrivacyMap, TableFinding


def _table(name: str, *columns: ColumnFinding) -> TableFinding:
    return TableFinding(name, 10, columns)


def test_tables_come_in_name_order_whatever_order_the_source_lists_them() -> None:
    plain = ColumnFinding("id", "integer", None, 0.9, ("key column",))
    one = draft_policy(PrivacyMap("a.db", (_table("orders", plain), _table("customers", plain))))
    two = draft_policy(PrivacyMap("a.db", (_table("customers", plain), _table("orders", plain))))
    assert one == two
    assert one.index("customers:") < one.index("orders:")


def test_a_kept_column_says_its_values_only_resemble_names() -> None:
    evidence = ("name:status (not personal)", "values:last_name 35% (lexicon+shape:surname)")
    status = ColumnFinding("status", "text", None, 0.8, evidence)
    text = draft_policy(PrivacyMap("a.db", (_table("t", status),)))
    assert 'reason: "not personal: column name status; values resemble last_name 35%"' in text
