"""Runs the free-text cases in ``cases/notations.yaml``: personal values written in less
common notations must be found by the free-text finder, look-alikes must not.

Test ids are case indices; failure messages name categories and counts, never the text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from sluis.discover.text import find_entities

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "notations.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize(
    "index", range(len(CASES)), ids=[f"notation-{i}" for i in range(len(CASES))]
)
def test_notation_case(index: int) -> None:
    case = CASES[index]
    text: str = case["text"]
    spans = find_entities(text)
    found = {span.category for span in spans}
    missing = set(case.get("categories", [])) - found
    assert not missing, f"categories not found: {sorted(missing)}"
    unwanted = set(case.get("absent", [])) & found
    assert not unwanted, f"categories found that must not be: {sorted(unwanted)}"
    least = case.get("min_score", 0.0)
    weak = sorted(
        {s.category for s in spans if s.category in case.get("categories", []) and s.score < least}
    )
    assert not weak, f"scored below {least}: {weak}"
    covered = {text[s.start : s.end] for s in spans}
    exact = [i for i, want in enumerate(case.get("spans", [])) if want not in covered]
    assert not exact, f"expected spans not found exactly: numbers {exact}"
