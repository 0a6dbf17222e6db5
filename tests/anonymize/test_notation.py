"""Runner for notation_cases.yaml: shape kept, output valid, never the input."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
import yaml

from sluis.anonymize.operators.dispatch import fake_for
from sluis.keys import Key
from tests.anonymize.checks import CHECKS

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "notation_cases.yaml").read_text(encoding="utf-8")
)
KEY = Key(b"\x07" * 32)


@pytest.mark.parametrize("case", CASES, ids=[f"{c['operator']}-{i}" for i, c in enumerate(CASES)])
def test_notation(case: dict[str, Any]) -> None:
    operator = fake_for(case["operator"])
    out = operator(pa.array([case["input"], None]), KEY).to_pylist()
    assert out[1] is None, "null must stay null"
    assert isinstance(out[0], str)
    assert re.fullmatch(case["shape"], out[0]), "output does not keep the notation"
    assert CHECKS[case["check"]](out[0]), "output fails the identifier's own rules"
    assert out[0] != case["input"], "the original value survived"
    again = operator(pa.array([case["input"]]), KEY).to_pylist()
    assert again[0] == out[0], "not deterministic"
