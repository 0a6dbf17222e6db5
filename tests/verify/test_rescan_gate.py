"""The rescan skips text without a digit, "@" or ":", and plain dates: no identifier is ever
found there."""

from __future__ import annotations

import re

import pyarrow as pa
from hypothesis import example, given, settings
from hypothesis import strategies as st

from sluis.discover.detectors import all_detectors
from sluis.discover.detectors.bsn import BsnDetector
from sluis.discover.detectors.email import EmailDetector
from sluis.discover.text import find_entities
from sluis.verify.checks.rescan import (
    _SURELY,
    MIN_IDENTIFIER_DIGITS,
    PLAIN_DATE,
    may_hold_identifier,
    may_hold_identifiers,
)
from sluis.verify.context import is_identifier

_DETECTORS = [d for d in all_detectors() if is_identifier(d.category)]
_NO_DIGITS = st.text(
    st.characters(blacklist_categories=("Nd", "Cs"), blacklist_characters="@:")
    | st.sampled_from("ABCDEFGHJKLMNPRSTVXZ-. NLBE"),
    max_size=40,
)


@settings(max_examples=400, deadline=None)
@given(_NO_DIGITS)
def test_no_identifier_without_a_digit_at_or_colon(text: str) -> None:
    assert not may_hold_identifier(text)
    assert not any(d.matches(text) for d in _DETECTORS)
    assert not any(is_identifier(s.category) for s in find_entities(text))


def test_identifiers_pass_the_gate() -> None:
    for text in ("123456782", "a@b.nl", "fe80::1", "NL91ABNA0417164300", "12-AB-34"):
        assert may_hold_identifier(text)


@settings(max_examples=500, deadline=None)
@given(
    st.integers(
        min_value=-(10 ** (MIN_IDENTIFIER_DIGITS - 1)) + 1,
        max_value=10 ** (MIN_IDENTIFIER_DIGITS - 1) - 1,
    )
)
def test_no_identifier_is_a_shorter_number(number: int) -> None:
    text = str(number)
    assert not any(d.matches(text) for d in _DETECTORS)
    assert not any(is_identifier(s.category) for s in find_entities(text))


def test_no_identifier_is_a_shorter_number_at_the_edges() -> None:
    top = 10 ** (MIN_IDENTIFIER_DIGITS - 1)
    for number in (*range(top - 2_000, top), *range(0, 2_000), 1_234_567, 9_999_999):
        assert not any(d.matches(str(number)) for d in _DETECTORS)


_DATES = st.builds(
    lambda year, month, day, time, shape: shape.format(
        y=year, m=month, d=day, t=time, mm=f"{month:02d}", dd=f"{day:02d}"
    ),
    st.integers(1800, 2099),
    st.integers(1, 12),
    st.integers(1, 31),  # 31 February too: the pattern does not know the calendar
    st.sampled_from(["", " 00:00", "T23:59:59", " 12:30:00.123456"]),
    st.sampled_from(["{y}-{mm}-{dd}{t}", "{y}-{m}-{d}{t}", "{d}-{m}-{y}", "{dd}-{mm}-{y}"]),
)


@settings(max_examples=1000, deadline=None)
@given(_DATES)
def test_no_identifier_is_a_plain_date(text: str) -> None:
    assert re.fullmatch(PLAIN_DATE, text)
    assert not any(d.matches(text) for d in _DETECTORS if not d.needs_context)
    assert may_hold_identifiers(pa.array([text])).to_pylist() == [False]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=20) | _NO_DIGITS | st.none(), max_size=20))
@example(["𝟎", "٣", "2024-02-30"])  # decimal digits of other scripts; no date on the calendar
def test_the_gate_in_arrow_is_the_gate_in_python_but_for_dates(texts: list[str | None]) -> None:
    got = may_hold_identifiers(pa.array(texts, pa.string())).to_pylist()
    want = [
        None if t is None else may_hold_identifier(t) and not re.fullmatch(PLAIN_DATE, t)
        for t in texts
    ]
    assert got == want


_DIGITS = st.text("0123456789", min_size=7, max_size=10)
_EMAILS = st.builds(
    lambda local, domain, tld: f"{local}@{domain}.{tld}",
    st.text("aZ09.{}-_+'!#", min_size=0, max_size=70),
    st.text("ab9-.", min_size=0, max_size=20),
    st.text("nlNLcomX1", min_size=0, max_size=5),
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(_DIGITS | _EMAILS | st.text(max_size=12), min_size=1, max_size=20))
def test_what_the_rescan_calls_sure_the_detector_matches(texts: list[str]) -> None:
    """The rescan skips cells its Arrow tests call a BSN or an e-mail address in columns
    whose rule writes those: the detector must say the same, or a cell would go unread."""
    array = pa.array(texts, pa.string())
    for category, detector in (("id.bsn", BsnDetector()), ("contact.email", EmailDetector())):
        for text, surely in zip(texts, _SURELY[category](array).to_pylist(), strict=True):
            if surely:
                assert detector.matches(text)
                assert not text.startswith(("{", "[")) and " " not in text
            elif re.fullmatch(r"[0-9]{8,9}", text) and category == "id.bsn":
                assert not detector.matches(text)  # plain digits: the same answer both ways
