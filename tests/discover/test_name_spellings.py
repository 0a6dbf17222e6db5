"""A known column name hits in every spelling: camelCase, PascalCase, snake_case, joined,
and with another spelling of "number" (cases in ``cases/name_spellings.yaml``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from sluis.discover.vocabulary import STRONG, hint, known_word

_CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "name_spellings.yaml").read_text(encoding="utf-8")
)
_SPELLINGS = [
    pytest.param(name, case, id=f"{case['category']}-{name}")
    for case in _CASES
    for name in case["names"]
]


@pytest.mark.parametrize(("name", "case"), _SPELLINGS)
def test_every_spelling_of_a_known_name_hits(name: str, case: dict[str, Any]) -> None:
    found = hint(name)
    assert found.category == case["category"]
    assert found.not_personal is case.get("not_personal", False)
    assert found.strength == STRONG


@pytest.mark.parametrize(
    ("word", "known"),
    [
        ("geboorte_dat", "geboortedat"),
        ("huis_nr", "huisnr"),
        ("huis_no", "huisnr"),
        ("house_num", "house_nr"),
        ("date_of_birth", "date_of_birth"),
        ("dateofbirth", "date_of_birth"),
        ("geboorte_info", None),
    ],
)
def test_known_word_reads_joined_and_number_spellings(word: str, known: str | None) -> None:
    assert known_word(word) == known


@pytest.mark.parametrize(
    ("name", "about_birth"),
    [
        ("geboorteInfo", True),
        ("BirthRegistered", True),
        ("dob_txt", True),
        ("GebDt", True),
        ("gebruikersNaam", False),
        ("aanvraagDatum", False),
        ("HireDate", False),
    ],
)
def test_names_about_birth_are_told(name: str, about_birth: bool) -> None:
    assert hint(name).about_birth is about_birth


def test_spellings_do_not_make_unknown_names_personal() -> None:
    for name in ("regelNr", "BadgeNumber", "CostCenter", "ProductNo", "lidNr", "GTIN"):
        assert hint(name).category is None
