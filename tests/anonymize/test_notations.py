"""A licence plate or VAT number gets one fake however it is written, never another of the
source's, and a VAT number keeps its "NL" and "B"."""

from __future__ import annotations

import random

import pyarrow as pa
import pytest

from sluis.anonymize.operators import notations
from sluis.anonymize.operators.dispatch import OPERATORS
from sluis.discover.detectors.kenteken import SIDE_CODES
from sluis.keys import Key

KEY = Key(bytes(range(32)))


def _compact(value: str) -> str:
    return "".join(c for c in value.upper() if c.isalnum())


@pytest.mark.parametrize("written", ["63-NH-BD", "63NHBD", "63-nh-bd", "63 NH BD"])
def test_every_notation_of_a_plate_gets_the_same_fake_in_its_own_layout(written: str) -> None:
    (register,) = OPERATORS["id.license_plate"](pa.array(["63-NH-BD"]), KEY).to_pylist()
    (fake,) = notations.license_plate(pa.array([written]), KEY).to_pylist()
    assert _compact(fake) == _compact(register) != "63NHBD"
    assert [c.isalnum() or c for c in fake] == [c.isalnum() or c for c in written]
    assert [c.islower() for c in fake] == [c.islower() for c in written]


def _plates(count: int, seed: int, groups: tuple[str, str, str] | None = None) -> list[str]:
    rng = random.Random(seed)
    out: set[str] = set()
    while len(out) < count:
        shape = groups or rng.choice(SIDE_CODES)
        parts = [
            "".join(rng.choice("0123456789" if g == "9" else "BDFGHJKLNPRSTVXZ") for g in group)
            for group in shape
        ]
        out.add("-".join(parts) if rng.random() < 0.5 else "".join(parts))
    return sorted(out)


def test_fakes_stay_distinct_and_clear_of_the_sources_plates() -> None:
    # 20,000 plates of one side-code: without detours some fakes would be plates of the source.
    source = _plates(20_000, 5, SIDE_CODES[5])
    detours = notations.plate_detours([pa.array(source)], KEY)
    fakes = notations.license_plate(pa.array(source), KEY, detours).to_pylist()
    assert len({_compact(f) for f in fakes}) == len({_compact(s) for s in source})
    assert not {_compact(f) for f in fakes} & {_compact(s) for s in source}


@pytest.mark.parametrize("written", ["NL123456789B01", "NL 1234.56.789.B01", "nl123456789b01"])
def test_a_vat_number_keeps_its_letters_and_one_fake_in_every_notation(written: str) -> None:
    (plain,) = OPERATORS["id.vat"](pa.array(["NL123456789B01"]), KEY).to_pylist()
    (fake,) = notations.vat(pa.array([written]), KEY).to_pylist()
    assert plain[:2] == "NL" and plain[11] == "B" and plain != "NL123456789B01"
    digits = "".join(c for c in fake if c.isdigit())
    assert digits == "".join(c for c in plain if c.isdigit())
    assert [c if not c.isdigit() else "9" for c in fake] == [
        c if not c.isdigit() else "9" for c in written
    ]
