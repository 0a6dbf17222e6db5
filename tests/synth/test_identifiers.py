"""The synthetic identifiers pass the real checks, whatever the seed."""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

import phonenumbers
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum import iban as std_iban
from stdnum.nl import bsn as std_bsn
from stdnum.nl import identiteitskaartnummer as std_doc
from stdnum.nl import onderwijsnummer as std_onderwijs
from stdnum.nl import postcode as std_postcode

from sluis.synth import identifiers as ids

CASES: dict[str, list[dict[str, Any]]] = yaml.safe_load(
    (Path(__file__).parent / "identifier_cases.yaml").read_text(encoding="utf-8")
)
seeds = st.integers(min_value=0, max_value=2**32)


@pytest.mark.parametrize("case", CASES["bsn_checksum"], ids=lambda c: c["why"])
def test_bsn_checksum_cases(case: dict[str, Any]) -> None:
    assert ids.bsn_checksum_ok(case["digits"]) is case["valid"]


@pytest.mark.parametrize("case", CASES["format_bsn"], ids=lambda c: c["style"])
def test_format_bsn_cases(case: dict[str, Any]) -> None:
    assert ids.format_bsn(case["value"], case["style"]) == case["written"]


@pytest.mark.parametrize("case", CASES["iban_check_digits"], ids=lambda c: c["bank"])
def test_iban_check_digit_cases(case: dict[str, Any]) -> None:
    assert ids.iban_check_digits(case["bank"], case["account"]) == case["check"]


@pytest.mark.parametrize("case", CASES["format_phone"], ids=lambda c: c["style"])
def test_format_phone_cases(case: dict[str, Any]) -> None:
    assert ids.format_phone(case["national"], case["style"]) == case["written"]


@settings(max_examples=60)
@given(seeds)
def test_bsn_passes_the_11_proef_in_every_written_form(seed: int) -> None:
    rng = random.Random(seed)
    value = ids.bsn(rng)
    assert std_bsn.is_valid(value)
    for style in ("plain", "dotted", "spaced", "short"):
        written = ids.format_bsn(value, style)
        assert std_bsn.is_valid(re.sub(r"\D", "", written).zfill(9))


@settings(max_examples=60)
@given(seeds)
def test_case_numbers_are_bsn_look_alikes(seed: int) -> None:
    number = ids.case_number(random.Random(seed))
    assert len(str(number)) == 9
    assert std_bsn.is_valid(str(number))


@settings(max_examples=60)
@given(seeds, st.booleans())
def test_iban_is_valid_with_a_real_bank_code(seed: int, spaced: bool) -> None:
    value = ids.iban(random.Random(seed), spaced=spaced)
    compact = value.replace(" ", "")
    assert std_iban.is_valid(value)
    assert ids.iban_valid(value)
    assert len(compact) == 18
    assert compact[4:8] in ids.BANK_CODES


@settings(max_examples=100)
@given(seeds)
def test_phone_is_valid_for_libphonenumber(seed: int) -> None:
    parsed = phonenumbers.parse(ids.phone(random.Random(seed)), "NL")
    assert phonenumbers.is_valid_number(parsed)
    assert phonenumbers.region_code_for_number(parsed) == "NL"


@settings(max_examples=100)
@given(seeds)
def test_postcode_never_uses_forbidden_letters(seed: int) -> None:
    value = ids.postcode(random.Random(seed))
    assert std_postcode.is_valid(value)
    assert value[-2:] not in {"SA", "SD", "SS"}


@settings(max_examples=60)
@given(seeds)
def test_other_identifiers_pass_their_checks(seed: int) -> None:
    rng = random.Random(seed)
    assert std_onderwijs.is_valid(ids.onderwijsnummer(rng))
    assert std_doc.is_valid(ids.passport_number(rng))
    v_number = ids.v_number(rng)
    assert len(v_number) == 10 and v_number.isdigit()
    plate = ids.license_plate(rng)
    assert len(plate) == 8 and plate.count("-") == 2
    assert not set(plate) & set("AEIOUCQ")


def test_same_seed_same_values() -> None:
    def draw(seed: int) -> list[str]:
        rng = random.Random(seed)
        return [ids.bsn(rng), ids.iban(rng), ids.phone(rng), ids.postcode(rng)]

    assert draw(5) == draw(5)
    assert draw(5) != draw(6)
