"""Runner for rule_cases.yaml: which rules flag which access, and what gets queued."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from sluis.registers.snooping import ReviewOptions, score_accesses
from sluis.registers.snooping.rules import DEFAULT_RULES, RULES_BY_CODE
from tests.registers.snooping.cases import context, expand

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "rule_cases.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_rule_case(case: dict[str, Any]) -> None:
    records = [r for row in case["accesses"] for r in expand(row)]
    scored = {s.trace_id: s for s in score_accesses(records, context(case.get("assignments", ())))}
    threshold = ReviewOptions().threshold
    for trace_id, expected in case["expect"].items():
        got = scored[trace_id]
        if "rules" in expected:
            assert sorted(got.rules) == sorted(expected["rules"]), trace_id
        if "queued" in expected:
            assert (got.score >= threshold) == expected["queued"], trace_id
        if "explained" in expected:
            assert got.explained == expected["explained"], trace_id


def test_every_rule_has_a_case_that_fires_it() -> None:
    fired = {code for c in CASES for e in c["expect"].values() for code in e.get("rules", ())}
    assert fired == set(RULES_BY_CODE)


def test_rule_codes_are_stable_and_reasons_generic() -> None:
    codes = [rule.code for rule in DEFAULT_RULES]
    assert codes == [f"SN10{n}" for n in range(1, 10)]
    names = [rule.name for rule in DEFAULT_RULES]
    assert len(set(names)) == len(names)
    for rule in DEFAULT_RULES:
        assert rule.reason.startswith("the employee ")
        assert "S-" not in rule.reason and rule.weight > 0
