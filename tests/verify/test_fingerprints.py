"""Normal forms meet across notations; the vectorized search agrees with a plain lookup."""

from __future__ import annotations

import datetime

import polars as pl
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from sluis.verify.fingerprints import FingerprintKey, forms, search, tokens
from sluis.verify.pieces import cell_fingerprints, registered, texts_frame

KEY = FingerprintKey(bytes(32))
# Examples that fingerprint in polars: no deadline, as the first call compiles its patterns.
_IN_POLARS = settings(deadline=None)


def _fp(value: str, key: FingerprintKey = KEY) -> set[int]:
    found, _ = registered(pl.DataFrame({"text": [value], "category": ["person.name"]}), key)
    return set(found["fp"].to_list())


@given(st.integers(min_value=10**8, max_value=10**9 - 1))
def test_phone_notations_share_a_digit_form(nsn: int) -> None:
    text = str(nsn)
    notations = [f"0{text}", f"+31{text}", f"0031{text}", f"+31 {text[0]} {text[1:5]} {text[5:]}"]
    digit_forms = [{f for f in forms(n) if f.startswith("d")} for n in notations]
    assert all(d == digit_forms[0] and d for d in digit_forms)


@_IN_POLARS
@given(st.integers(min_value=1, max_value=99_999_999))
def test_leading_zeros_do_not_hide_a_number(number: int) -> None:
    padded = f"{number:09d}"
    if len(str(number)) >= 6:
        assert _fp(padded) & _fp(str(number))


@_IN_POLARS
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzé", min_size=4, max_size=12), st.data())
def test_case_and_separators_do_not_hide_text(word: str, data: st.DataObject) -> None:
    spaced = " - ".join([word[:2], word[2:]]).upper()
    assert data is not None
    assert _fp(word) & _fp(spaced)


def test_short_values_are_skipped_but_identifiers_are_not() -> None:
    assert forms("Ali") == []
    assert forms("7") == []
    assert "d12345674" in forms("012345674")
    assert "d417164300" in forms("NL91 ABNA 0417 1643 00")


def test_runs_of_tokens_meet_a_registered_full_name() -> None:
    found, starts = registered(
        pl.DataFrame({"text": ["Fatima El Amrani"], "category": ["person.name"]}), KEY
    )
    known = found["fp"]
    note = pa.array(["Gesprek met MEVROUW FATIMA EL-AMRANI over haar diploma"])
    pieces = cell_fingerprints(texts_frame(note), KEY, starts=starts)
    found = pieces.filter(pl.col("fp").is_in(known.implode()))
    assert found["structural"].to_list() == [True]  # a run, not one word alone


def test_the_key_changes_every_fingerprint() -> None:
    assert not _fp("voorbeeld", FingerprintKey(bytes([1]) * 32)) & _fp("voorbeeld")


@settings(max_examples=50, deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=2**64 - 1), max_size=200, unique=True),
    st.lists(st.integers(min_value=0, max_value=2**64 - 1), min_size=1, max_size=50),
)
def test_search_agrees_with_membership(values: list[int], extra: list[int]) -> None:
    ordered = sorted(values)
    if not ordered:
        return
    probes = extra + ordered[::3]
    found, index = search(pa.array(ordered, type=pa.uint64()), pa.array(probes, type=pa.uint64()))
    members = set(ordered)
    assert found.to_pylist() == [p in members for p in probes]
    for ok, at, probe in zip(found.to_pylist(), index.to_pylist(), probes, strict=True):
        if ok:
            assert ordered[at] == probe


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        st.characters(whitelist_categories=("Lu", "Ll", "Lt", "Lm", "Lo", "Nd", "Nl", "No")),
        min_size=1,
        max_size=12,
    )
)
def test_a_one_word_cell_is_its_only_token(text: str) -> None:
    # The pieces of an alphanumeric cell are its whole forms alone, on this ground.
    assert text.isalnum()
    assert tokens(text) == [text]


@_IN_POLARS
@given(st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2099, 12, 31)))
def test_a_date_meets_its_other_notations_but_never_its_digits(day: datetime.date) -> None:
    iso, dutch = day.isoformat(), f"{day.day}-{day.month}-{day.year}"
    assert _fp(iso) == _fp(dutch) == _fp(day.strftime("%d/%m/%Y"))
    # An 8-digit BSN (or any number) with the same digits is another value.
    assert not _fp(iso) & _fp(day.strftime("%Y%m%d"))
    assert not _fp(iso) & _fp(day.strftime("%d%m%Y"))


@_IN_POLARS
@given(st.lists(st.integers(min_value=0, max_value=255), min_size=4, max_size=4))
def test_an_address_and_an_amount_do_not_meet(octets: list[int]) -> None:
    address = ".".join(map(str, octets))
    digits = "".join(map(str, octets))
    amount = f"{digits[:-2] or '0'}.{digits[-2:]}" if len(digits) > 2 else "0.00"
    assert forms(amount) == []
    assert not _fp(address) & _fp(digits)
    assert forms(address) == ["i" + address]


@_IN_POLARS
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=10**9 - 1))
def test_a_decimal_number_meets_no_identifier(whole: int, fraction: int) -> None:
    """A coordinate ("5.115012") has no digit form: it met the BSN 005115012 in a scan event."""
    decimal = f"{whole}.{str(fraction).zfill(3)}"  # three to nine decimals
    assert forms(decimal) == []
    assert forms("06.12345678") == ["t0612345678", "d612345678"]  # a phone keeps its digits
