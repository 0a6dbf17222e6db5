"""V-nummers stay ten digits without a leading zero, distinct, and never themselves."""

from __future__ import annotations

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from sluis.anonymize.operators.v_number import v_number
from sluis.keys import Key

KEY = Key(bytes(range(32)))


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(10**9, 10**10 - 1), min_size=1, max_size=100, unique=True))
def test_v_numbers_stay_distinct_valid_and_replaced(numbers: list[int]) -> None:
    texts = [str(n) for n in numbers]
    out = v_number(pa.array(texts), KEY).to_pylist()
    assert len(set(out)) == len(out)
    for before, after in zip(texts, out, strict=True):
        assert after != before and len(after) == 10 and after[0] != "0"
    as_ints = v_number(pa.array(numbers, pa.int64()), KEY).to_pylist()
    assert [str(n) for n in as_ints] == out
