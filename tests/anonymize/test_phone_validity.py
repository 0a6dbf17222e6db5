"""The vectorized validity rule for Dutch numbers agrees with libphonenumber."""

from __future__ import annotations

import phonenumbers
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from sluis.anonymize.operators import phone
from sluis.anonymize.operators.phone import valid_nationals
from sluis.discover.detectors.phone import is_valid

# National significant numbers of every length libphonenumber knows for NL, biased towards
# the prefixes of real number ranges so that both answers occur often.
_PREFIXES = ("6", "61", "66", "97", "970", "10", "20", "30", "85", "88", "800", "900", "140", "")
nationals = st.builds(
    lambda prefix, rest: (prefix + rest)[:12] or "1",
    st.sampled_from(_PREFIXES),
    st.text("0123456789", min_size=3, max_size=11),
).filter(lambda n: n[0] != "0")


@settings(max_examples=400, deadline=None)
@given(st.lists(nationals, min_size=1, max_size=50))
def test_valid_nationals_is_libphonenumber_validity(numbers: list[str]) -> None:
    expected = [
        phonenumbers.is_valid_number(
            phonenumbers.PhoneNumber(country_code=31, national_number=int(n))
        )
        for n in numbers
    ]
    assert valid_nationals(pa.array(numbers)).to_pylist() == expected


_STYLES = (
    "0{n}",
    "0{n2}-{rest}",
    "+31{n}",
    "+31 {n2} {rest}",
    "0031 {n}",
    "+31 (0){n}",
    "0{n2} {rest}",
)


@settings(max_examples=400, deadline=None)
@given(nationals, st.sampled_from(_STYLES))
def test_plain_numbers_parse_as_libphonenumber_parses_them(national: str, style: str) -> None:
    text = style.format(n=national, n2=national[:2], rest=national[2:])
    assert phone._parse_many([text]) == [phone._parse_with_library(text)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="0123456789 +-().", max_size=16), max_size=20))
def test_any_digits_and_signs_parse_at_once_as_one_by_one(texts: list[str]) -> None:
    assert phone._parse_many(texts) == [phone._parse_with_library(t) for t in texts]


@settings(max_examples=400, deadline=None)
@given(nationals)
def test_detector_validity_is_libphonenumber_validity(national: str) -> None:
    number = phonenumbers.PhoneNumber(country_code=31, national_number=int(national))
    assert is_valid("0" + national) == phonenumbers.is_valid_number(number)
