"""The phone fake for numbers written like Dutch numbers that the plan does not issue."""

from __future__ import annotations

import pyarrow as pa
import pytest

from sluis.anonymize.operators.phone import phone
from sluis.discover.detectors.phone import is_valid, national_form
from sluis.keys import Key

KEY = Key(bytes(range(32)))
OTHER = Key(bytes(range(1, 33)))
UNISSUED = [
    "06-76027721",
    "06 97123456",
    "06 97 12 34 56",
    "+31 6 97123456",
    "+31 (0)6-76027721",
    "0031697123456",
    "0697123456",
    "(0123) 456789",
    "0123-456789",
    "+3109 2483435",
]


def _shape(text: str) -> str:
    return "".join("9" if c.isdigit() else c for c in text)


@pytest.mark.parametrize("index", range(len(UNISSUED)), ids=[f"unissued-{i}" for i in range(10)])
def test_unissued_number_becomes_a_valid_fake_in_the_same_shape(index: int) -> None:
    original = UNISSUED[index]
    assert not is_valid(original)
    [fake] = phone(pa.array([original]), KEY).to_pylist()
    assert isinstance(fake, str)
    assert fake != original
    assert _shape(fake) == _shape(original), "notation changed"
    assert is_valid(fake), "fake is not a valid Dutch number"


def test_unissued_fake_is_keyed_and_deterministic() -> None:
    values = pa.array([*UNISSUED, None])
    first = phone(values, KEY).to_pylist()
    assert phone(values, KEY).to_pylist() == first
    assert first[-1] is None
    other = phone(values, OTHER).to_pylist()
    assert sum(a != b for a, b in zip(first, other, strict=True)) >= len(UNISSUED) - 1


def test_unissued_fake_is_the_same_in_every_notation() -> None:
    notations = ["06-97123456", "06 97123456", "+31 6 97123456", "0031697123456", "0697123456"]
    fakes = phone(pa.array(notations), KEY).to_pylist()
    assert len({national_form(f) for f in fakes if f is not None}) == 1
