"""Onderwijsnummers replaced by other valid onderwijsnummers.

An onderwijsnummer (DUO, for pupils without a BSN) is nine digits starting ``10`` whose
BSN-weighted sum is 5 modulo 11. The six digits after ``10`` are mapped by a keyed
derangement restricted to prefixes that admit a check digit, so the output is valid, a
unique column stays unique and no number maps to itself. Other shapes fall back to the
generic format-preserving pseudonym.
"""

from __future__ import annotations

import pyarrow as pa

from sluis.anonymize.operators import generic
from sluis.anonymize.operators._arrow import as_array, map_text, permutation
from sluis.keys import Key

PURPOSE = "id.onderwijsnummer"
_MIDDLE = 10**6
_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2)


def _check_digit(prefix: str) -> int | None:
    """The last digit that makes ``prefix`` (8 digits) a valid onderwijsnummer."""
    total = sum(w * int(d) for w, d in zip(_WEIGHTS, prefix, strict=True))
    digit = (total - 5) % 11
    return digit if digit < 10 else None


def _member(candidates: pa.Array, _tweak: pa.Array | None) -> pa.Array:
    return pa.array([_check_digit(f"10{c:06d}") is not None for c in candidates.to_pylist()])


def onderwijsnummer(values: pa.Array | pa.ChunkedArray, key: Key) -> pa.Array:
    """Keyed replacement onderwijsnummers (see the module docstring)."""
    array = as_array(values)
    perm = permutation(key.derive(PURPOSE), "middle", _MIDDLE, member=_member)
    fallback: dict[str, str] = {}

    def replace(text: str) -> str | None:
        digits = text.strip()
        if len(digits) == 9 and digits.startswith("10") and digits.isdigit():
            middle = perm.derange(int(digits[2:8]))
            prefix = f"10{middle:06d}"
            return prefix + str(_check_digit(prefix))
        if text not in fallback:
            fallback[text] = generic.pseudonymize(pa.array([text]), key).to_pylist()[0]
        return fallback[text]

    return map_text(array, replace)
