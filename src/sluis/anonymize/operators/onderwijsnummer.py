"""Onderwijsnummers replaced by other valid onderwijsnummers.

An onderwijsnummer (DUO, for pupils without a BSN) is nine digits starting ``10`` whose
BSN-weighted sum is 5 modulo 11. The six digits after ``10`` are mapped by a keyed
derangement restricted to prefixes that admit a check digit, so the output is valid, a
unique column stays unique and no number maps to itself. Other shapes fall back to the
generic format-preserving pseudonym. There are only about 90,000 valid onderwijsnummers, so
given the source's own (:func:`detours`, see :mod:`sluis.anonymize.taken`) no pseudonym
equals one of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import pyarrow as pa
import pyarrow.compute as pc

from sluis.anonymize.operators import generic
from sluis.anonymize.operators._arrow import (
    as_array,
    merge,
    mod,
    per_distinct,
    permutation,
    restore_type,
    scalar,
    split,
)
from sluis.anonymize.permutation import KeyedPermutation
from sluis.anonymize.taken import Detour, Detours, derange, plan
from sluis.keys import Key

PURPOSE = "id.onderwijsnummer"
_MIDDLE = 10**6
_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2)
_SHAPE = r"^10\d{7}$"
_DETOUR = f"{PURPOSE}/middle"


def _check_digits(middles: pa.Array) -> pa.Array:
    """Per six-digit middle, the check digit of ``10<middle>``; 10 where none exists."""
    high, low = _weighted_sums()
    upper = pc.divide(middles, scalar(1000))
    total = pc.add(
        high.take(upper), low.take(pc.subtract(middles, pc.multiply(upper, scalar(1000))))
    )
    # The leading "10" weighs 9·1 + 8·0, and the whole sum must be 5 modulo 11.
    return mod(pc.add(total, scalar(9 - 5)), 11)


@cache
def _weighted_sums() -> tuple[pa.Array, pa.Array]:
    """Per three-digit number, its digits weighted 7-5 and weighted 4-2."""

    def table(weights: tuple[int, ...]) -> pa.Array:
        return pa.array(
            [
                sum(w * int(d) for w, d in zip(weights, f"{n:03d}", strict=True))
                for n in range(1000)
            ],
            pa.int64(),
        )

    return table(_WEIGHTS[2:5]), table(_WEIGHTS[5:])


def _member(candidates: pa.Array, _tweak: pa.Array | None) -> pa.Array:
    return pc.less(_check_digits(candidates), scalar(10))


def _permutation(key: Key) -> KeyedPermutation:
    return permutation(key.derive(PURPOSE), "middle", _MIDDLE, member=_member)


def _middles(texts: pa.Array) -> tuple[pa.Array, pa.Array]:
    """Which texts are shaped like an onderwijsnummer, and the six digits after ``10``."""
    stripped = pc.utf8_trim_whitespace(texts)
    shaped = pc.match_substring_regex(stripped, _SHAPE)
    return shaped, pc.utf8_slice_codeunits(stripped.filter(shaped), 2, 8).cast(pa.int64())


def onderwijsnummer(
    values: pa.Array | pa.ChunkedArray, key: Key, detours: Detours | None = None
) -> pa.Array:
    """Keyed replacement onderwijsnummers (see the module docstring)."""
    array = as_array(values)
    original = array.type
    detour = detours.get(_DETOUR) if detours else None

    def replace(distinct: pa.Array) -> pa.Array:
        shaped, middles = _middles(distinct)
        _, others = split(shaped, distinct)
        new = derange(_permutation(key), middles, None, detour)
        numbers = pc.binary_join_element_wise(
            "10",
            pc.utf8_lpad(new.cast(pa.string()), 6, "0"),
            _check_digits(new).cast(pa.string()),
            "",
        )
        return merge(shaped, numbers, generic.pseudonymize(others, key) if len(others) else others)

    return restore_type(per_distinct(array.cast(pa.string()), replace), original)


def detours(values: Iterable[pa.Array], key: Key) -> dict[str, Detour]:
    """The detour around the valid onderwijsnummers among ``values``."""
    found = []
    for array in values:
        _, middles = _middles(pc.unique(array.drop_null().cast(pa.string())))
        found.append(middles.filter(_member(middles, None)))
    if not found:
        return {}
    return {_DETOUR: plan(_permutation(key), pa.concat_arrays(found))}
