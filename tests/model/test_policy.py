"""Policy parsing: typed rules, and errors that point at the line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from sluis.errors import PolicyError
from sluis.model.drift import find_drift
from sluis.model.policy import Fake, JsonRule, Keep, Null, Pseudonymize, ShiftDate
from sluis.model.policy_file import dump_policy, parse_policy
from sluis.model.schema import Column, LogicalType, Schema, Table

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "bad_policies.yaml").read_text(encoding="utf-8")
)

GOOD = """
version: 1
k_anonymity: 3
tables:
  aanvragers:
    columns:
      id: {rule: keep, reason: surrogate key}
      bsn: {rule: pseudonymize, category: id.bsn}
      naam: {rule: fake, category: person.name}
      geboren: {rule: shift_date, max_days: 30, subject: id}
      extra: {rule: json, paths: {"$.naam": {rule: fake, category: person.name}},
              default: {rule: redact_text}}
quasi_identifiers: {aanvragers: [geboren]}
"""


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_malformed_policy_names_line_and_problem(case: dict[str, Any]) -> None:
    with pytest.raises(PolicyError) as caught:
        parse_policy(case["policy"], "policy.yaml")
    message = str(caught.value)
    assert f"policy.yaml:{case['line']}" in message
    assert case["says"] in message


def test_good_policy_gives_typed_rules() -> None:
    policy = parse_policy(GOOD)
    assert isinstance(policy.rule("aanvragers", "id"), Keep)
    assert isinstance(policy.rule("aanvragers", "bsn"), Pseudonymize)
    assert isinstance(policy.rule("aanvragers", "naam"), Fake)
    shift = policy.rule("aanvragers", "geboren")
    assert isinstance(shift, ShiftDate) and shift.max_days == 30
    json_rule = policy.rule("aanvragers", "extra")
    assert isinstance(json_rule, JsonRule) and isinstance(json_rule.paths["$.naam"], Fake)
    assert policy.rule("aanvragers", "nope") is None
    assert policy.k_anonymity == 3


def test_rule_null_written_bare_is_the_null_rule() -> None:
    """YAML reads ``rule: null`` as no value; the README names the rule so, and so is it read
    (before: "unknown rule 'None'"), in columns and JSON paths alike."""
    policy = parse_policy(
        "tables:\n  t:\n    columns:\n      a: {rule: null}\n"
        "      b: {rule: json, paths: {$.x: {rule: null}}, default: {rule: null}}\n"
    )
    assert isinstance(policy.rule("t", "a"), Null)
    extra = policy.rule("t", "b")
    assert isinstance(extra, JsonRule)
    assert isinstance(extra.paths["$.x"], Null) and isinstance(extra.default, Null)


def test_dumped_policy_parses_to_the_same_policy() -> None:
    policy = parse_policy(GOOD)
    assert parse_policy(dump_policy(policy)) == policy


def _schema(*columns: str, table: str = "aanvragers") -> Schema:
    return Schema((Table(table, tuple(Column(c, LogicalType.TEXT) for c in columns), ("id",)),))


def test_drift_names_unnamed_and_stale_columns() -> None:
    policy = parse_policy(GOOD)
    schema = _schema("id", "bsn", "naam", "geboren", "telefoon")
    drift = find_drift(schema, policy)
    assert drift.unnamed_columns == ("aanvragers.telefoon",)
    assert drift.stale_columns == ("aanvragers.extra",)
    assert not drift.clean
    assert any("telefoon" in line and "add a rule" in line for line in drift.lines())


def test_a_name_spelled_differently_is_one_problem_with_the_rename() -> None:
    policy = parse_policy(GOOD)
    drift = find_drift(_schema("id", "BSN", "naam", "geboren", "Extra", "telefoon"), policy)
    assert drift.lines() == [
        "column aanvragers.bsn: in the policy, not in the source, which has aanvragers.BSN"
        " (rename it)",
        "column aanvragers.extra: in the policy, not in the source, which has aanvragers.Extra"
        " (rename it)",
        "column aanvragers.telefoon: in the source, not in the policy (add a rule)",
    ]
    renamed = find_drift(
        _schema("id", "bsn", "naam", "geboren", "extra", table="Aanvragers"), policy
    )
    assert renamed.lines()[0] == (
        "table aanvragers: in the policy, not in the source, which has Aanvragers (rename it)"
    )


def test_drift_names_tables_and_broken_references() -> None:
    policy = parse_policy(GOOD)
    drift = find_drift(_schema("x", table="other"), policy)
    assert drift.unnamed_tables == ("other",)
    assert drift.stale_tables == ("aanvragers",)
    assert drift.broken_references == ("quasi_identifiers aanvragers.geboren: no such column",)


def test_policy_that_fits_has_no_drift() -> None:
    policy = parse_policy(GOOD)
    assert find_drift(_schema("id", "bsn", "naam", "geboren", "extra"), policy).clean
