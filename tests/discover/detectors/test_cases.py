"""Runs the data-driven cases in ``cases/<code>.yaml`` against the detector of that code.

Each file has ``valid`` and ``invalid`` lists for ``matches`` and ``text`` cases with the
expected number of spans (optionally ``min_score`` / ``max_score`` for all of them). Test
ids and failure messages name the file and case index, never the value.

PYTEST_DONT_REWRITE: assertion introspection would print the values compared.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import Any

import pytest
import yaml

from sluis.discover.detectors.base import Detector
from sluis.model.categories import CATEGORIES

CASES = Path(__file__).parent / "cases"
CODES = sorted(path.stem for path in CASES.glob("*.yaml"))


def _detector(code: str) -> Detector:
    detector: Detector = import_module(f"sluis.discover.detectors.{code}").DETECTOR
    return detector


def _load(code: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((CASES / f"{code}.yaml").read_text(encoding="utf-8"))
    return data


def _params(kind: str) -> list[Any]:
    params = []
    for code in CODES:
        for index, case in enumerate(_load(code).get(kind) or []):
            params.append(pytest.param(code, index, case, id=f"{code}-{kind}-{index}"))
    return params


def test_every_case_file_has_all_sections() -> None:
    assert len(CODES) == 14
    for code in CODES:
        data = _load(code)
        assert data.get("valid"), code
        assert data.get("invalid"), code
        assert data.get("text"), code


@pytest.mark.parametrize("code", CODES)
def test_detector_contract(code: str) -> None:
    detector = _detector(code)
    assert detector.code == code
    assert detector.category in CATEGORIES
    assert detector.evidence
    assert isinstance(detector.needs_context, bool)


@pytest.mark.parametrize(("code", "index", "value"), _params("valid"))
def test_valid_values_match(code: str, index: int, value: str) -> None:
    matched = _detector(code).matches(value)
    assert matched, f"{code}: valid case {index} not matched"


@pytest.mark.parametrize(("code", "index", "value"), _params("invalid"))
def test_invalid_values_do_not_match(code: str, index: int, value: str) -> None:
    matched = _detector(code).matches(value)
    assert not matched, f"{code}: invalid case {index} matched"


@pytest.mark.parametrize(("code", "index", "case"), _params("text"))
def test_text_cases(code: str, index: int, case: dict[str, Any]) -> None:
    detector = _detector(code)
    text: str = case["text"]
    spans = list(detector.find(text))
    assert len(spans) == case["spans"], f"{code}: text case {index}: {len(spans)} spans"
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert span.category == detector.category
        assert span.detector == detector.code
        assert 0.0 < span.score <= 1.0
        assert span.score >= case.get("min_score", 0.0), f"{code}: text case {index}: score"
        assert span.score <= case.get("max_score", 1.0), f"{code}: text case {index}: score"
