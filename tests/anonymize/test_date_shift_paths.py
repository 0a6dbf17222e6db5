"""The Arrow path for ISO dates shifts exactly like the general per-value path; no path
moves a date across the day of the run."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from sluis.anonymize.operators.dates import _shift_iso, _shift_texts, shift_date, this_side
from sluis.keys import Key

_ISO_TEXT = st.builds(
    "{:04d}-{:02d}-{:02d}".format,
    st.sampled_from([0, 1, 2, 999, 1900, 1985, 2000, 2024, 9998, 9999]) | st.integers(0, 9999),
    st.integers(0, 13),
    st.integers(0, 32),
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(_ISO_TEXT, st.integers(-400, 400)), min_size=1, max_size=30),
    st.integers(-800_000, 2_900_000),
)
def test_iso_path_agrees_with_the_general_path(cases: list[tuple[str, int]], today: int) -> None:
    texts = pa.array([t for t, _ in cases], pa.string())
    days = pa.array([d or 1 for _, d in cases], pa.int64())
    iso = _shift_iso(texts, days, today).to_pylist()
    assert iso == _shift_texts(texts, days, today).to_pylist()


_TODAY = dt.date(2026, 11, 25)


@settings(max_examples=300, deadline=None)
@given(
    st.integers(-450, 450).map(lambda d: _TODAY + dt.timedelta(days=d)),
    st.integers(1, 400),
    st.sampled_from(["date32", "timestamp", "iso", "dutch"]),
    st.text(min_size=1, max_size=3),
)
def test_no_date_crosses_the_day_of_the_run(
    date: dt.date, max_days: int, kind: str, subject: str
) -> None:
    """A birth date of last week never lands in the future, nor a planned date in the past;
    the date always moves, by at most ``max_days``."""
    values = {
        "date32": pa.array([date], pa.date32()),
        "timestamp": pa.array([dt.datetime.combine(date, dt.time(13, 5))], pa.timestamp("us")),
        "iso": pa.array([date.isoformat()]),
        "dutch": pa.array([date.strftime("%d-%m-%Y")]),
    }[kind]
    out = shift_date(values, Key(bytes(32)), pa.array([subject]), max_days, _TODAY).to_pylist()[0]
    moved = {
        "date32": lambda: out,
        "timestamp": lambda: out.date(),
        "iso": lambda: dt.date.fromisoformat(out),
        "dutch": lambda: dt.datetime.strptime(out, "%d-%m-%Y").date(),
    }[kind]()
    assert moved != date and abs((moved - date).days) <= max_days
    assert (moved <= _TODAY) == (date <= _TODAY)


def test_a_shift_that_would_cross_stops_at_the_boundary() -> None:
    today = 1_000
    start = pa.array([990, 990, 1_000, 1_005, 1_005, 1_001], pa.int64())
    days = pa.array([30, -30, 7, -30, 30, -4], pa.int64())
    # Up to today stops at today; later stops the day after; a stop on itself goes back.
    assert this_side(start, days, today).to_pylist() == [10, -30, -7, -4, 30, 4]


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
