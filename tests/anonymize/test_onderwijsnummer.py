"""Onderwijsnummers stay valid onderwijsnummers, distinct, and never themselves."""

from __future__ import annotations

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from sluis.anonymize.operators.onderwijsnummer import onderwijsnummer
from sluis.discover.detectors.onderwijsnummer import DETECTOR
from sluis.keys import Key

KEY = Key(bytes(range(32)))


def _valid(middle: int) -> str | None:
    """The onderwijsnummer ``10<middle><check>``: its weighted sum is 5 modulo 11."""
    prefix = f"10{middle:06d}"
    digit = (sum(w * int(d) for w, d in zip(range(9, 1, -1), prefix, strict=True)) - 5) % 11
    return None if digit == 10 else prefix + str(digit)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(0, 10**6 - 1), min_size=1, max_size=80, unique=True))
def test_outputs_are_valid_distinct_and_replaced(middles: list[int]) -> None:
    numbers = [n for n in map(_valid, middles) if n is not None]
    out = onderwijsnummer(pa.array(numbers, pa.string()), KEY).to_pylist()
    assert len(set(out)) == len(out)
    for before, after in zip(numbers, out, strict=True):
        assert after != before and DETECTOR.matches(after)
