"""The detour around the source's own identifiers: still a bijection, never onto a taken value.

Properties of :mod:`sluis.anonymize.taken` on small domains (where collisions are many), and
the BSN and phone operators given the detours of a source built to collide with them.
"""

from __future__ import annotations

import pickle
import random
from collections.abc import Callable

import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sluis.anonymize import taken
from sluis.anonymize.operators import bsn, generic, phone, postcode
from sluis.anonymize.operators.onderwijsnummer import detours as onderwijsnummer_detours
from sluis.anonymize.operators.onderwijsnummer import onderwijsnummer
from sluis.anonymize.permutation import KeyedPermutation
from sluis.discover.detectors.bsn import DETECTOR as BSN
from sluis.discover.detectors.phone import DETECTOR as PHONE
from sluis.discover.detectors.phone import national_form
from sluis.keys import Key
from sluis.synth import identifiers

KEY = Key(bytes(range(32)))


@st.composite
def domains(draw: st.DrawFn) -> tuple[KeyedPermutation, list[int], int]:
    """A permutation (tweaked or not) and a taken set of up to a third of each tweak's
    values (so that free values are left for every taken one), and the number of tweaks."""
    size = draw(st.integers(3, 200))
    tweaks = draw(st.sampled_from([1, 3]))
    key = Key(draw(st.binary(min_size=32, max_size=32)))
    perm = KeyedPermutation(key, size, tweak_bound=tweaks)
    chosen: set[int] = set()
    for tweak in range(tweaks):
        values = draw(st.sets(st.integers(0, size - 1), max_size=size // 3))
        chosen.update(tweak * size + value for value in values)
    return perm, sorted(chosen), tweaks


def _everything(perm: KeyedPermutation, tweaks: int) -> tuple[pa.Array, pa.Array | None]:
    size = perm.domain_size
    values = pa.array([v for _ in range(tweaks) for v in range(size)], pa.int64())
    if tweaks == 1:
        return values, None
    return values, pa.array([t for t in range(tweaks) for _ in range(size)], pa.int64())


@settings(max_examples=60, deadline=None)
@given(domains())
def test_the_detour_is_a_bijection_that_keeps_taken_values_apart(
    case: tuple[KeyedPermutation, list[int], int],
) -> None:
    perm, chosen, tweaks = case
    size = perm.domain_size
    detour = taken.plan(perm, pa.array(chosen, pa.int64()), tweaked=tweaks > 1)
    values, tweak = _everything(perm, tweaks)
    images = taken.derange(perm, values, tweak, detour)
    encoded = taken.encode(images, tweak, size).to_pylist()
    plain = taken.encode(perm.derange(values, tweak), tweak, size).to_pylist()
    assert sorted(encoded) == list(range(size * tweaks))  # a bijection of the domain
    assert not {encoded[c] for c in chosen} & set(chosen)  # taken values leave the taken set
    assert sum(a != b for a, b in zip(encoded, plain, strict=True)) == 2 * len(detour.moved_from)
    assert all(e != i for i, e in enumerate(encoded))  # still a derangement


def test_a_wholly_taken_domain_keeps_the_plain_derangement() -> None:
    perm = KeyedPermutation(KEY, 5)
    everything = pa.array(range(5), pa.int64())
    detour = taken.plan(perm, everything)
    assert not len(detour.moved_from)
    assert taken.derange(perm, everything, None, detour) == perm.derange(everything)


def _valid_bsns(count: int) -> list[str]:
    out, number = [], 100_000_000
    while len(out) < count:
        number += 7_919
        digits = f"{number:09d}"
        if BSN.matches(digits):
            out.append(digits)
    return out


def test_bsn_pseudonyms_in_every_notation_avoid_the_source_numbers() -> None:
    start = _valid_bsns(300)
    images = bsn.bsn(pa.array(start), KEY).to_pylist()
    source = start + images  # every plain pseudonym of ``start`` is in the source
    detours = bsn.detours([pa.array(source), pa.array([int(s) for s in source])], KEY)
    held = set(source)
    plain = bsn.bsn(pa.array(start), KEY, detours).to_pylist()
    as_int = bsn.bsn(pa.array([int(s) for s in start], pa.int64()), KEY, detours).to_pylist()
    dotted = [f"{s[:4]}.{s[4:6]}.{s[6:]}" for s in start]
    written = bsn.bsn(pa.array(dotted), KEY, detours).to_pylist()
    clashes = len(set(plain) & held)
    assert clashes == 0, f"{clashes} pseudonyms equal a source BSN"
    assert {f"{n:09d}" for n in as_int} == set(plain)
    assert [w.replace(".", "") for w in written] == plain
    assert len(set(plain)) == len(start)


def test_a_hashed_invalid_bsn_avoids_the_source_numbers() -> None:
    invalid = pa.array(["123456789", "87654321x", "000000000"])
    hashed = bsn.bsn(invalid, KEY).to_pylist()
    detours = bsn.detours([pa.array(hashed)], KEY)
    again = bsn.bsn(invalid, KEY, detours).to_pylist()
    clashes = len(set(again) & set(hashed))
    assert clashes == 0, f"{clashes} hashed replacements equal a source BSN"
    assert all(BSN.matches(value) for value in again)


def test_phone_pseudonyms_and_fallbacks_avoid_the_source_numbers() -> None:
    start = [f"06-{n}" for n in range(21_000_000, 21_000_000 + 300 * 37, 37)]
    unissued = ["0123 456789", "067-1234567"]
    plain = phone.phone(pa.array(start + unissued), KEY).to_pylist()
    source = start + plain  # the pseudonyms and the fallbacks are numbers of the source
    detours = phone.detours([pa.array(source)], KEY)
    again = phone.phone(pa.array(start + unissued), KEY, detours).to_pylist()
    held = {national_form(number) for number in source}
    clashes = len({national_form(number) for number in again} & held)
    assert clashes == 0, f"{clashes} replacements equal a source number"
    assert len(set(again[: len(start)])) == len(start)
    assert all(PHONE.matches(number) for number in again)


def _chained(
    operator: Callable[..., pa.Array], start: list[object]
) -> tuple[list[object], list[object]]:
    """A source holding ``start`` and every plain pseudonym of it, and the pseudonyms of
    ``start`` detoured around that source."""
    array = pa.array(start)
    source = start + operator(array, KEY).to_pylist()
    build = {
        onderwijsnummer: onderwijsnummer_detours,
        generic.pseudonymize: generic.detours,
        postcode.postcode: postcode.detours,
    }
    detours = build[operator]([pa.array(source)], KEY)
    return source, operator(array, KEY, detours).to_pylist()


@pytest.mark.parametrize(
    ("operator", "start"),
    [
        (onderwijsnummer, [identifiers.onderwijsnummer(random.Random(n)) for n in range(400)]),
        (generic.pseudonymize, [identifiers.license_plate(random.Random(n)) for n in range(400)]),
        (generic.pseudonymize, list(range(10_000_000, 10_040_000, 100))),  # KvK numbers
        (postcode.postcode, [identifiers.postcode(random.Random(n)) for n in range(400)]),
    ],
    ids=["onderwijsnummer", "licence plate", "KvK as integer", "postcode"],
)
def test_other_identifiers_avoid_the_source_values(
    operator: Callable[..., pa.Array], start: list[object]
) -> None:
    start = list(dict.fromkeys(start))
    source, detoured = _chained(operator, start)
    clashes = len(set(detoured) & set(source))
    assert clashes == 0, f"{clashes} pseudonyms equal a source value"
    assert len(set(detoured)) == len(start)


@settings(max_examples=200)
@given(
    st.lists(st.integers(-(2**62), 2**62), unique=True, max_size=50),
    st.lists(st.one_of(st.none(), st.integers(-(2**62), 2**62)), max_size=50),
)
def test_sorted_values_find_what_a_hash_lookup_finds(
    values: list[int], probes: list[int | None]
) -> None:
    probes += values[:5]  # some probes hit
    index = taken.SortedValues(pa.array(values, pa.int64()))
    expected = pc.index_in(pa.array(probes, pa.int64()), value_set=pa.array(values, pa.int64()))
    found = index.positions(pa.array(probes, pa.int64()))
    assert found.cast(pa.int64()).to_pylist() == expected.cast(pa.int64()).to_pylist()
    assert index.contains(pa.array(probes, pa.int64())).to_pylist() == [
        p is not None and p in values for p in probes
    ]
    assert [index.has(p) for p in probes if p is not None] == [
        p in values for p in probes if p is not None
    ]


@pytest.mark.parametrize("scanned", [0, 10])  # searched, scanned
def test_a_detour_sends_no_index_to_the_workers(
    scanned: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(taken, "_SCANNED", scanned)
    detour = taken.Detour(pa.array([5, 3, 9], pa.int64()), pa.array([1, 2, 4], pa.int64()),
                          taken._EMPTY, taken._EMPTY)  # fmt: skip
    assert detour.holds(3) and not detour.holds(4)
    assert list(detour.is_taken(pa.array([9, 1], pa.int64())).to_pylist()) == [True, False]
    copy = pickle.loads(pickle.dumps(detour))  # after the index was built
    assert "index" in detour.__dict__ and "index" not in copy.__dict__
    assert copy.holds(9) and not copy.holds(1)
