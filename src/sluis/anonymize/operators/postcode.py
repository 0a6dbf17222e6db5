"""Dutch postcode pseudonyms and generalization.

A postcode is four digits 1000-9999 and two letters other than SA, SD and SS (6,057,000
codes). :func:`postcode` applies a keyed derangement to the index of the code, so unique
input stays unique, the output is always a valid postcode and never the input. With
``keep_digits=True`` only the letters are permuted (per digit group), which keeps the area.
Spacing and letter case are kept. Text that is no valid postcode is replaced by a keyed
valid postcode (not guaranteed unique). Given the source's own postcodes (:func:`detours`,
see :mod:`sluis.anonymize.taken`), no replacement equals one of them: with 20,000 addresses,
about one fake postcode in 300 would otherwise be another address's real one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import product

import pyarrow as pa
import pyarrow.compute as pc

from sluis.anonymize.operators._arrow import (
    as_array,
    map_text,
    per_distinct,
    permutation,
    restore_type,
)
from sluis.anonymize.permutation import KeyedPermutation
from sluis.anonymize.prf import Prf
from sluis.anonymize.taken import Detour, Detours, derange, first_free, plan
from sluis.keys import Key

PURPOSE = "location.postcode"
PAIRS = tuple(
    a + b
    for a, b in product("ABCDEFGHIJKLMNOPQRSTUVWXYZ", repeat=2)
    if a + b not in {"SA", "SD", "SS"}
)
_PAIR_INDEX = {pair: index for index, pair in enumerate(PAIRS)}
_SHAPE = re.compile(r"\s*([1-9]\d{3})(\s*)([A-Za-z]{2})\s*")
DOMAIN = 9000 * len(PAIRS)
_DETOUR = f"{PURPOSE}/code"


def parse(text: str) -> tuple[int, str, bool] | None:
    """``(index, separator, lower)`` of a valid postcode, else ``None``."""
    match = _SHAPE.fullmatch(text)
    if match is None:
        return None
    pair = match.group(3).upper()
    if pair not in _PAIR_INDEX:
        return None
    index = (int(match.group(1)) - 1000) * len(PAIRS) + _PAIR_INDEX[pair]
    return index, match.group(2), match.group(3).islower()


def render(index: int, separator: str = " ", lower: bool = False) -> str:
    """The postcode with this index."""
    digits, pair = divmod(index, len(PAIRS))
    letters = PAIRS[pair].lower() if lower else PAIRS[pair]
    return f"{digits + 1000}{separator}{letters}"


def _code_permutation(key: Key) -> KeyedPermutation:
    return permutation(key.derive(PURPOSE), "code", DOMAIN)


def _distinct(distinct: pa.Array, key: Key, keep_digits: bool, detour: Detour | None) -> pa.Array:
    sub = key.derive(PURPOSE)
    texts: list[str] = distinct.to_pylist()
    parsed = [parse(t) for t in texts]
    good = [p for p in parsed if p is not None]
    indices = pa.array([p[0] for p in good], pa.int64())
    if keep_digits:
        perm = permutation(sub, "letters", len(PAIRS), tweak_bound=10_000)
        groups = pa.array([p[0] // len(PAIRS) for p in good], pa.int64())
        pairs = pa.array([p[0] % len(PAIRS) for p in good], pa.int64())
        new = [
            g * len(PAIRS) + q
            for g, q in zip(
                groups.to_pylist(), perm.derange(pairs, groups).to_pylist(), strict=True
            )
        ]
    else:
        new = derange(_code_permutation(key), indices, None, detour).to_pylist()
    mapped = iter(new)
    prf = Prf(sub)
    out = []
    for text, item in zip(texts, parsed, strict=True):
        if item is None:
            out.append(render(_drawn(prf, text, detour)))
        else:
            out.append(render(next(mapped), item[1], item[2]))
    return pa.array(out, pa.string())


def _drawn(prf: Prf, text: str, detour: Detour | None) -> int:
    """A keyed postcode index for a text that is no postcode, drawn again while the source
    holds it."""
    seed = b"invalid/" + text.encode("utf-8")
    return first_free(lambda suffix: prf.integer(seed + suffix, DOMAIN), detour)


def postcode(
    values: pa.Array | pa.ChunkedArray,
    key: Key,
    detours: Detours | None = None,
    *,
    keep_digits: bool = False,
) -> pa.Array:
    """Replace postcodes by keyed valid postcodes, unique in gives unique out; with
    ``detours``, none equals a postcode of the source."""
    array = as_array(values)
    detour = detours.get(_DETOUR) if detours and not keep_digits else None
    result = per_distinct(array.cast(pa.string()), lambda d: _distinct(d, key, keep_digits, detour))
    return restore_type(result, array.type)


def detours(values: Iterable[pa.Array], key: Key) -> dict[str, Detour]:
    """The detour around the valid postcodes among ``values``."""
    texts: set[str] = set()
    for array in values:
        texts.update(pc.unique(array.drop_null().cast(pa.string())).to_pylist())
    indices = [p[0] for p in map(parse, texts) if p is not None]
    if not indices:
        return {}
    return {_DETOUR: plan(_code_permutation(key), pa.array(indices, pa.int64()))}


def generalize_postcode(values: pa.Array | pa.ChunkedArray) -> pa.Array:
    """Keep only the four digits of each postcode (``1234 AB`` -> ``1234``); others become null."""

    def digits(text: str) -> str | None:
        match = _SHAPE.fullmatch(text)
        return match.group(1) if match else None

    return map_text(values, digits)
