"""The Arrow path for ISO dates shifts exactly like the general per-value path."""

from __future__ import annotations

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from sluis.anonymize.operators.dates import _shift_iso, _shift_texts, shift_date
from sluis.keys import Key

_ISO_TEXT = st.builds(
    "{:04d}-{:02d}-{:02d}".format,
    st.sampled_from([0, 1, 2, 999, 1900, 1985, 2000, 2024, 9998, 9999]) | st.integers(0, 9999),
    st.integers(0, 13),
    st.integers(0, 32),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_ISO_TEXT, st.integers(-400, 400)), min_size=1, max_size=30))
def test_iso_path_agrees_with_the_general_path(cases: list[tuple[str, int]]) -> None:
    texts = pa.array([t for t, _ in cases], pa.string())
    days = pa.array([d for _, d in cases], pa.int64())
    assert _shift_iso(texts, days).to_pylist() == _shift_texts(texts, days).to_pylist()


def test_mixed_notations_keep_their_row_order() -> None:
    values = pa.array(["1985-03-12", "12-03-1985", None, " 1985-03-12", "2023-02-30", "geen"])
    subjects = pa.array(["a", "a", "a", "a", "a", "a"])
    out = shift_date(values, Key(bytes(32)), subjects, max_days=30).to_pylist()
    assert out[2] is None and out[4] is None and out[5] is None
    assert out[0] != "1985-03-12"
    # The same subject moves every notation by the same number of days.
    assert out[1] == f"{out[0][8:10]}-{out[0][5:7]}-{out[0][0:4]}"
    assert out[3] == " " + out[0]


def test_placeholders_for_no_date_and_no_end_stay() -> None:
    """SAP writes an unknown date as ``00000000`` and an open end as ``99991231``: no
    person's date; before, the first became null and the second moved."""
    values = pa.array(["00000000", "99991231", "0000-00-00", "9999-12-31", "19850312"])
    out = shift_date(values, Key(bytes(32)), pa.array(["a"] * 5)).to_pylist()
    assert out[:4] == values.to_pylist()[:4]
    assert out[4] not in (None, "19850312")
