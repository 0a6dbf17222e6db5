"""Runs the whole-cell cases in ``cases/entities.yaml`` for the name, place and
quasi-identifier detectors, and checks each fulfils the detector contract.

Test ids are detector code, list and index; failure messages never contain the value.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import Any

import pytest
import yaml

from sluis.discover.detectors import BUILTIN_MODULES
from sluis.discover.detectors.base import Detector
from sluis.model.categories import CATEGORIES

CASES: dict[str, dict[str, list[str]]] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "entities.yaml").read_text(encoding="utf-8")
)
CONTEXT_NEEDED = {"last_name", "gender", "nationality", "country"}


def _detector(code: str) -> Detector:
    detector: Detector = import_module(f"sluis.discover.detectors.{code}").DETECTOR
    return detector


def _params() -> list[Any]:
    return [
        pytest.param(code, kind, index, id=f"{code}-{kind}-{index}")
        for code, lists in CASES.items()
        for kind in ("valid", "invalid")
        for index in range(len(lists[kind]))
    ]


@pytest.mark.parametrize(("code", "kind", "index"), _params())
def test_cell_case(code: str, kind: str, index: int) -> None:
    value = CASES[code][kind][index]
    expected = kind == "valid"
    assert _detector(code).matches(value) is expected, f"{code} {kind} case {index}"


@pytest.mark.parametrize("code", sorted(CASES))
def test_detector_contract(code: str) -> None:
    detector = _detector(code)
    assert code in BUILTIN_MODULES
    assert detector.code == code
    assert detector.category in CATEGORIES
    assert detector.evidence
    assert detector.needs_context is (code in CONTEXT_NEEDED)
    assert all(isinstance(span.score, float) for span in detector.find("x"))


@pytest.mark.parametrize("code", sorted(CASES))
def test_every_case_list_has_both_kinds(code: str) -> None:
    assert len(CASES[code]["valid"]) >= 5
    assert len(CASES[code]["invalid"]) >= 5
