"""Numbers written like Dutch phone numbers that the numbering plan does not issue.

Faker's nl_NL numbers are random digits and real notes hold typos, so an unissued ``067…``
or ``0123 456789`` number must be found like an issued one. Test ids and messages carry no
numbers.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sluis.discover.detectors.phone import DETECTOR, is_valid, written_like_dutch
from sluis.discover.text import find_entities

_DIGITS = "0123456789"
# 060, 067 and 069 are no mobile ranges; 066 (pagers) is valid and left to the other tests.
unissued_mobiles = st.builds(
    lambda third, rest: "06" + third + rest,
    st.sampled_from("079"),
    st.text(_DIGITS, min_size=7, max_size=7),
)
_NOTATIONS = (
    lambda n: f"{n[:2]}-{n[2:]}",
    lambda n: f"{n[:2]} {n[2:]}",
    lambda n: f"{n[:2]} {n[2:6]} {n[6:]}",
    lambda n: f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8:]}",
    lambda n: f"({n[:2]}) {n[2:]}",
    lambda n: f"+31 {n[1]} {n[2:]}",
    lambda n: f"+31 (0){n[1]}-{n[2:]}",
    lambda n: f"+31{n[1:]}",
    lambda n: f"0031{n[1:]}",
)
_SENTENCES = (
    "Kunt u mij bellen op {}?",
    "Zoon {} weet ervan.",
    "{} (mevrouw wil niet na 17u gebeld worden)",
    "Gegevens: BSN 111222333, nummer {}, postcode 3511 AB.",
    "- tel: {}\n- opm: geen",
)


@settings(max_examples=300, deadline=None)
@given(unissued_mobiles, st.sampled_from(_NOTATIONS), st.sampled_from(_SENTENCES))
def test_every_unissued_mobile_in_a_sentence_is_found(
    number: str, notation: object, sentence: str
) -> None:
    assert callable(notation)
    written: str = notation(number)
    assert not is_valid(written)
    text = sentence.format(written)
    phones = [text[s.start : s.end] for s in find_entities(text) if s.category == "contact.phone"]
    assert phones == [written], f"{len(phones)} phone spans, not the whole number"
    assert DETECTOR.matches(written)


@settings(max_examples=200, deadline=None)
@given(unissued_mobiles)
def test_bare_unissued_mobile_needs_a_phone_word(number: str) -> None:
    cued = f"tel: {number}"
    bare = f"Dossier {number} is gesloten."
    assert [cued[s.start : s.end] for s in find_entities(cued)] == [number]
    assert not any(s.category == "contact.phone" for s in find_entities(bare))


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["012", "0123", "0190", "0209"]),
    st.text(_DIGITS, min_size=6, max_size=6),
)
def test_unissued_geographic_number_with_area_code_apart_is_found(area: str, rest: str) -> None:
    subscriber = (rest + "7")[: 10 - len(area)]
    for written in (f"{area}-{subscriber}", f"({area}) {subscriber}", f"{area} {subscriber}"):
        text = f"Overleg met huisarts, telefoon {written}."
        phones = [text[s.start : s.end] for s in find_entities(text)]
        assert written in phones
        assert written_like_dutch(written)


@settings(max_examples=200, deadline=None)
@given(st.integers(10**8, 10**10 - 1))
def test_digit_runs_without_a_dutch_shape_are_no_phone_cells(value: int) -> None:
    """Amounts, product codes and order numbers: bare runs not starting with 06."""
    cell = str(value)
    if not cell.startswith("0"):
        assert not written_like_dutch(cell)
        assert not DETECTOR.matches(cell) or is_valid(cell)
    padded = cell.zfill(10)
    if not padded.startswith("06") and not is_valid(padded):
        assert not DETECTOR.matches(padded)
