"""Invariants of the checksum detectors, and agreement with python-stdnum (test-only).

PYTEST_DONT_REWRITE: failures report the test, not the values it compared.
"""

from __future__ import annotations

import string
from importlib import import_module

from hypothesis import given
from hypothesis import strategies as st
from stdnum import iban as std_iban
from stdnum.nl import bsn as std_bsn
from stdnum.nl import btw as std_btw
from stdnum.nl import onderwijsnummer as std_onderwijsnummer
from stdnum.nl import postcode as std_postcode

from sluis.discover.detectors import bsn, iban, onderwijsnummer, phone, postcode, rsin, vat
from sluis.discover.detectors.base import Detector

MODULES = (
    "bsn", "iban", "email", "vat", "onderwijsnummer", "postcode", "phone", "ip", "birth_date",
    "kenteken", "passport", "v_number", "kvk", "rsin",
)  # fmt: skip
DETECTORS: tuple[Detector, ...] = tuple(
    import_module(f"sluis.discover.detectors.{name}").DETECTOR for name in MODULES
)

WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2)
DIGITS = st.text(alphabet=string.digits, min_size=1, max_size=1)


def digit_strings(size: int) -> st.SearchStrategy[str]:
    return st.text(alphabet=string.digits, min_size=size, max_size=size)


def _partial_sum(head: str) -> int:
    return sum(w * int(c) for w, c in zip(WEIGHTS, head, strict=True)) % 11


@st.composite
def valid_bsns(draw: st.DrawFn) -> str:
    """A nine-digit number passing the 11-proef: eight digits plus the one completing them."""
    head = draw(digit_strings(8).filter(lambda h: h != "00000000" and _partial_sum(h) != 10))
    return head + str(_partial_sum(head))


def with_check_digits(country: str, bban: str) -> str:
    """An IBAN with correct ISO 7064 check digits for ``country`` + ``bban``."""
    provisional = country + "00" + bban
    check = 98 - iban.mod97(provisional)
    return f"{country}{check:02d}{bban}"


@st.composite
def nl_ibans(draw: st.DrawFn) -> str:
    bank = draw(st.sampled_from(sorted(iban.NL_BANK_CODES)))
    return with_check_digits("NL", bank + draw(digit_strings(10)))


@st.composite
def foreign_ibans(draw: st.DrawFn) -> str:
    country = draw(st.sampled_from(sorted(c for c in iban.LENGTHS if c != "NL")))
    size = iban.LENGTHS[country] - 4
    bban = draw(
        st.text(alphabet=string.digits + string.ascii_uppercase, min_size=size, max_size=size)
    )
    return with_check_digits(country, bban)


def grouped(value: str) -> str:
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4))


def mutate_digit(value: str, data: st.DataObject) -> str:
    positions = [i for i, c in enumerate(value) if c.isdigit()]
    index = data.draw(st.sampled_from(positions))
    new = data.draw(DIGITS.filter(lambda d: d != value[index]))
    return value[:index] + new + value[index + 1 :]


@given(valid_bsns())
def test_valid_bsn_matches_in_every_notation(number: str) -> None:
    notations = [
        number,
        f"{number[:4]}.{number[4:6]}.{number[6:]}",
        f"{number[:3]} {number[3:6]} {number[6:]}",
        f" {number} ",
        str(int(number)) if int(number) >= 10_000_000 else number,  # a numeric column
    ]
    assert all(bsn.DETECTOR.matches(n) for n in notations)
    assert rsin.DETECTOR.matches(number)
    assert not onderwijsnummer.DETECTOR.matches(number)


@given(valid_bsns())
def test_valid_bsn_is_found_after_a_keyword(number: str) -> None:
    text = f"Het BSN van de aanvrager is {number}."
    spans = list(bsn.DETECTOR.find(text))
    assert len(spans) == 1
    assert text[spans[0].start : spans[0].end] == number
    assert spans[0].score >= 0.9


@given(valid_bsns(), st.data())
def test_one_changed_digit_breaks_the_bsn(number: str, data: st.DataObject) -> None:
    assert not bsn.DETECTOR.matches(mutate_digit(number, data))


@given(nl_ibans())
def test_nl_iban_with_right_check_digits_matches(value: str) -> None:
    for notation in (value, grouped(value), value.lower(), grouped(value).lower()):
        assert iban.DETECTOR.matches(notation)
    text = f"Graag overmaken op {grouped(value)} voor vrijdag."
    assert len(list(iban.DETECTOR.find(text))) == 1


@given(foreign_ibans())
def test_foreign_iban_with_right_check_digits_matches(value: str) -> None:
    assert iban.DETECTOR.matches(value)
    assert iban.DETECTOR.matches(grouped(value))
    spans = list(iban.DETECTOR.find(f"rekening {grouped(value)} 12 euro"))
    assert len(spans) == 1


@given(st.one_of(nl_ibans(), foreign_ibans()), st.data())
def test_one_changed_digit_breaks_the_iban(value: str, data: st.DataObject) -> None:
    assert not iban.DETECTOR.matches(mutate_digit(value, data))


@given(nl_ibans())
def test_nl_iban_with_unknown_bank_code_does_not_match(value: str) -> None:
    fake = with_check_digits("NL", "JCUL" + value[8:])
    assert iban.is_valid(fake) is False


# Agreement with python-stdnum on the same candidate shapes.


@given(digit_strings(9))
def test_bsn_agrees_with_stdnum(number: str) -> None:
    assert bsn.DETECTOR.matches(number) == std_bsn.is_valid(number)


@given(digit_strings(8))
def test_eight_digit_bsn_agrees_with_stdnum(number: str) -> None:
    assert bsn.DETECTOR.matches(number) == std_bsn.is_valid(number.zfill(9))


@given(st.sampled_from(sorted(iban.NL_BANK_CODES)), digit_strings(10), digit_strings(2))
def test_nl_iban_agrees_with_stdnum(bank: str, account: str, check: str) -> None:
    value = f"NL{check}{bank}{account}"
    assert iban.DETECTOR.matches(value) == std_iban.is_valid(value)


@given(
    st.from_regex(r"\A[1-9][0-9]{3} ?[A-Za-z]{2}\Z"),
)
def test_postcode_agrees_with_stdnum(value: str) -> None:
    assert postcode.DETECTOR.matches(value) == std_postcode.is_valid(value)


@given(digit_strings(9), digit_strings(2), st.booleans())
def test_vat_agrees_with_stdnum(number: str, suffix: str, lower: bool) -> None:
    value = f"NL{number}B{suffix}"
    value = value.lower() if lower else value
    assert vat.DETECTOR.matches(value) == std_btw.is_valid(value)


@given(valid_bsns(), digit_strings(2).filter(lambda s: s != "00"))
def test_vat_from_bsn_matches(number: str, suffix: str) -> None:
    assert vat.DETECTOR.matches(f"NL{number}B{suffix}")


@given(digit_strings(7))
def test_onderwijsnummer_agrees_with_stdnum(tail: str) -> None:
    value = "10" + tail
    assert onderwijsnummer.DETECTOR.matches(value) == std_onderwijsnummer.is_valid(value)


@given(st.text(max_size=120), st.text(alphabet="0123456789 .-+()@:/ABNLabnl", max_size=60))
def test_detectors_never_fail_on_arbitrary_input(noise: str, digits_like: str) -> None:
    for text in (noise, digits_like, noise + " " + digits_like):
        for detector in DETECTORS:
            detector.matches(text)
            for span in detector.find(text):
                assert 0 <= span.start < span.end <= len(text)
                assert 0.0 < span.score <= 1.0


@given(digit_strings(8).filter(lambda s: s[0] in "123458"))  # 060, 066, 067, 069: no mobiles
def test_dutch_mobile_matches_in_every_notation(subscriber: str) -> None:
    notations = [
        f"06{subscriber}",
        f"06-{subscriber}",
        f"06 {subscriber[:4]} {subscriber[4:]}",
        f"+31 6 {subscriber[:4]} {subscriber[4:]}",
        f"+31 (0)6 {subscriber}",
        f"00316{subscriber}",
        f"316{subscriber}",
    ]
    matched = all(phone.DETECTOR.matches(n) for n in notations)
    assert matched
    found = len(list(phone.DETECTOR.find(f"Bel mij op 06-{subscriber} na vijven.")))
    assert found == 1
