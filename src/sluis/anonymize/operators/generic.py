"""Generic operators: null, mask, keyed hash, format-preserving pseudonyms, generalization.

:func:`pseudonymize` keeps the shape of an identifier: digits stay digits, letters stay
letters in the same case, everything else stays in place. The alphanumeric positions are read
as a mixed-radix number (in chunks of at most 10**18 values) and each chunk goes through a
keyed derangement selected by the value's shape, so equal shapes with different values never
collide (unique stays unique) and no value maps to itself. Integers keep their number of
digits and sign. Given an identifier's values in the source (:func:`detours`, see
:mod:`sluis.anonymize.taken`), no pseudonym equals one of them: a licence plate's letters and
digits leave some 10⁷ values per shape, so about one pseudonym in a few hundred would.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyarrow as pa
import pyarrow.compute as pc

from sluis.anonymize.operators._arrow import as_array, is_text, map_text, per_distinct, permutation
from sluis.anonymize.operators.postcode import generalize_postcode
from sluis.anonymize.permutation import KeyedPermutation
from sluis.anonymize.prf import Prf, prf_hex
from sluis.anonymize.taken import Detour, Detours, derange, encode, plan
from sluis.keys import Key

__all__ = ["generalize_number", "generalize_postcode", "hash", "mask", "null", "pseudonymize"]

PURPOSE = "generic.pseudonym"
_CHUNK = 10**18
_TWEAKS = 1 << 20
# Chunk sizes whose values and tweaks fit one 64-bit integer can be detoured; beyond that, a
# pseudonym equals a source value too rarely to matter.
_DETOURED_SIZE = (1 << 62) // _TWEAKS
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LOWER = _UPPER.lower()


def null(values: pa.Array | pa.ChunkedArray) -> pa.Array:
    """All nulls, same length and type."""
    array = as_array(values)
    return pa.nulls(len(array), array.type)


def mask(values: pa.Array | pa.ChunkedArray, keep_last: int = 0, char: str = "*") -> pa.Array:
    """Replace all but the last ``keep_last`` characters by ``char`` (text output)."""
    if keep_last < 0 or len(char) != 1:
        raise ValueError("keep_last must be >= 0 and char one character")

    def masked(text: str) -> str:
        kept = text[len(text) - keep_last :] if keep_last else ""
        return char * (len(text) - len(kept)) + kept

    return map_text(values, masked)


def hash(values: pa.Array | pa.ChunkedArray, key: Key, length: int = 16) -> pa.Array:
    """Keyed lower-case hex digest (HMAC-SHA256) cut to ``length`` characters."""
    return prf_hex(key.derive("generic.hash"), values, length)


def generalize_number(values: pa.Array | pa.ChunkedArray, width: float) -> pa.Array:
    """Round numbers down to a multiple of ``width`` (buckets), keeping the type."""
    if width <= 0:
        raise ValueError("width must be positive")
    array = as_array(values)
    if pa.types.is_integer(array.type) and float(width).is_integer():
        return pc.multiply(pc.floor(pc.divide(array.cast(pa.float64()), width)), width).cast(
            array.type
        )
    return pc.multiply(pc.floor(pc.divide(array.cast(pa.float64()), width)), width).cast(array.type)


def _radices(text: str) -> list[int]:
    return [
        10 if ch.isdigit() and ch.isascii() else 26 if ch.isascii() and ch.isalpha() else 0
        for ch in text
    ]


def _chunks(radices: list[int]) -> list[list[int]]:
    chunks: list[list[int]] = []
    current: list[int] = []
    size = 1
    for position, radix in enumerate(radices):
        if not radix:
            continue
        if size * radix > _CHUNK:
            chunks.append(current)
            current, size = [], 1
        current.append(position)
        size *= radix
    if current:
        chunks.append(current)
    return chunks


# One chunk of one text: (row, positions, value, tweak); jobs are grouped by chunk size.
_Job = tuple[int, list[int], int, int]
_Jobs = dict[int, list[_Job]]


def _jobs(texts: list[str], prf: Prf) -> _Jobs:
    """The alphanumeric chunks of ``texts`` as numbers, with their shape's tweak."""
    jobs: _Jobs = {}
    for row, text in enumerate(texts):
        radices = _radices(text)
        shape = "".join("9" if r == 10 else "A" if r == 26 else "." for r in radices)
        for number, positions in enumerate(_chunks(radices)):
            size, value = 1, 0
            for p in positions:
                ch = text[p]
                digit = int(ch) if radices[p] == 10 else _UPPER.index(ch.upper())
                value = value * radices[p] + digit
                size *= radices[p]
            if size < 2:
                continue
            tweak = prf.integer(f"{shape}/{number}".encode(), _TWEAKS)
            jobs.setdefault(size, []).append((row, positions, value, tweak))
    return jobs


def _chunk_values(items: list[_Job]) -> tuple[pa.Array, pa.Array]:
    """The chunks' numbers and their shapes' tweaks."""
    return pa.array([i[2] for i in items], pa.int64()), pa.array([i[3] for i in items], pa.int64())


def _radix_detour(size: int) -> str:
    return f"{PURPOSE}/radix/{size}"


def _int_detour(digits: int) -> str:
    return f"{PURPOSE}/int/{digits}"


def _radix_permutation(sub: Key, size: int) -> KeyedPermutation:
    return permutation(sub, f"radix/{size}", size, tweak_bound=_TWEAKS)


def _text_distinct(distinct: pa.Array, key: Key, detours: Detours | None) -> pa.Array:
    sub = key.derive(PURPOSE)
    texts: list[str] = distinct.to_pylist()
    chars = [list(t) for t in texts]
    for size, items in _jobs(texts, Prf(sub)).items():
        xs, ts = _chunk_values(items)
        detour = detours.get(_radix_detour(size)) if detours else None
        new_values = derange(_radix_permutation(sub, size), xs, ts, detour).to_pylist()
        for (row, positions, _, _), new in zip(items, new_values, strict=True):
            for p in reversed(positions):
                original = texts[row][p]
                radix = 10 if original.isdigit() else 26
                new, digit = divmod(new, radix)
                chars[row][p] = (
                    str(digit) if radix == 10 else (_UPPER if original.isupper() else _LOWER)[digit]
                )
    return pa.array(["".join(c) for c in chars], pa.string())


def _int_groups(numbers: list[int]) -> dict[int, list[int]]:
    """The rows of ``numbers`` by number of digits (up to 18)."""
    groups: dict[int, list[int]] = {}
    for row, number in enumerate(numbers):
        digits = len(str(abs(number)))
        if digits <= 18:
            groups.setdefault(digits, []).append(row)
    return groups


def _int_permutation(sub: Key, digits: int) -> tuple[KeyedPermutation, int]:
    """The permutation of the numbers of ``digits`` digits, and the lowest of them."""
    low = 0 if digits == 1 else 10 ** (digits - 1)
    return permutation(sub, f"int/{digits}", 10**digits - low), low


def _int_distinct(distinct: pa.Array, key: Key, detours: Detours | None) -> pa.Array:
    sub = key.derive(PURPOSE)
    numbers: list[int] = distinct.cast(pa.int64()).to_pylist()
    out = list(numbers)
    for digits, rows in _int_groups(numbers).items():
        perm, low = _int_permutation(sub, digits)
        xs = pa.array([abs(numbers[r]) - low for r in rows], pa.int64())
        detour = detours.get(_int_detour(digits)) if detours else None
        for row, new in zip(rows, derange(perm, xs, None, detour).to_pylist(), strict=True):
            out[row] = (new + low) * (-1 if numbers[row] < 0 else 1)
    return pa.array(out, pa.int64())


def detours(values: Iterable[pa.Array], key: Key) -> dict[str, Detour]:
    """The detours around the identifiers among ``values`` (texts or integers)."""
    sub = key.derive(PURPOSE)
    texts: set[str] = set()
    numbers: set[int] = set()
    for array in values:
        distinct = pc.unique(array.drop_null())
        if pa.types.is_integer(array.type):
            numbers.update(distinct.cast(pa.int64()).to_pylist())
        else:
            texts.update(distinct.cast(pa.string()).to_pylist())
    out = {}
    for size, items in _jobs(sorted(texts), Prf(sub)).items():
        if size < _DETOURED_SIZE:
            xs, ts = _chunk_values(items)
            perm = _radix_permutation(sub, size)
            out[_radix_detour(size)] = plan(perm, encode(xs, ts, size), tweaked=True)
    ints = sorted(numbers)
    for digits, rows in _int_groups(ints).items():
        perm, low = _int_permutation(sub, digits)
        xs = pa.array([abs(ints[r]) - low for r in rows], pa.int64())
        out[_int_detour(digits)] = plan(perm, xs)
    return out


def pseudonymize(
    values: pa.Array | pa.ChunkedArray, key: Key, detours: Detours | None = None
) -> pa.Array:
    """Format-preserving keyed pseudonyms for text or integer identifiers; with ``detours``,
    none equals an identifier of the source."""
    array = as_array(values)
    kind = array.type
    if pa.types.is_integer(kind):
        return per_distinct(array, lambda d: _int_distinct(d, key, detours)).cast(kind)
    text = array if is_text(kind) else array.cast(pa.string())
    result = per_distinct(text.cast(pa.string()), lambda d: _text_distinct(d, key, detours))
    return result.cast(kind) if is_text(kind) else result
