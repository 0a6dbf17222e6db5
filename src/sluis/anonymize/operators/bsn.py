"""Format-preserving BSN pseudonyms: a keyed bijection of the valid BSNs onto themselves.

A valid BSN is an 8-digit prefix ``p`` (not all zeros) whose 11-proef sum
``9*d1 + ... + 2*d8`` is not 10 modulo 11; the check digit is that sum modulo 11. The
operator permutes the prefixes with a keyed Feistel permutation restricted (by cycle-walking)
to valid prefixes, in blocks by leading zeros: none (9 digits), one (8 digits when the zero
is dropped, as integer columns do) and more. So an 8-digit BSN stays 8 digits, a 9-digit one
stays 9, integer columns stay integer and the output always passes the 11-proef. The
permutation is a derangement (see :mod:`sluis.anonymize.permutation`): no BSN maps to itself.

Notation is kept: ``123456782``, ``12345674`` (dropped zero), ``1234.56.782``,
``123 456 782``, ``1234-56-782``, and a loonheffingennummer's "L01" (``123456782L01``).
Input that fails the 11-proef, or is no BSN at all, is still replaced: by a keyed hash into
the valid space (deterministic, but not guaranteed to be collision-free and may coincide
with the pseudonym of a valid BSN).

Given the BSNs and RSINs the source holds (:func:`detours`, see :mod:`sluis.anonymize.taken`),
no pseudonym, nor a hashed replacement, equals one of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache

import pyarrow as pa
import pyarrow.compute as pc

from sluis.anonymize.operators._arrow import (
    as_array,
    is_text,
    merge,
    mod,
    per_distinct,
    permutation,
    restore_type,
    scalar,
    split,
)
from sluis.anonymize.prf import prf_ints
from sluis.anonymize.taken import Detour, Detours, derange, plan
from sluis.discover.detectors.bsn import PAYROLL_SUFFIX, without_payroll_suffix
from sluis.keys import Key

PURPOSE = "id.bsn"
_PREFIXES = 10**8
_NO_NUMBER = 10**9  # stands in for text without 8 or 9 digits
_SPACED = re.compile(r"\d(?:[ .\-]?\d)*")


def check_sum(prefix: pa.Array) -> pa.Array:
    """The 11-proef sum of 8-digit prefixes, modulo 11 (the check digit when below 10):
    the weighted digit sums of the low and the high four digits, looked up in two tables."""
    low, high = _weighted_sums()
    half = scalar(10_000)
    upper = pc.divide(prefix, half)
    total = pc.add(
        high.take(mod(upper, 10_000)), low.take(pc.subtract(prefix, pc.multiply(upper, half)))
    )
    return mod(total, 11)


@cache
def _weighted_sums() -> tuple[pa.Array, pa.Array]:
    """Per four-digit number, its digits weighted 2-5 (lowest first) and weighted 6-9."""

    def table(first_weight: int) -> pa.Array:
        return pa.array(
            [sum((n // 10**i % 10) * (first_weight + i) for i in range(4)) for n in range(10_000)],
            pa.int64(),
        )

    return table(2), table(6)


def _valid_prefix(prefix: pa.Array) -> pa.Array:
    return pc.and_(pc.less(check_sum(prefix), scalar(10)), pc.greater(prefix, scalar(0)))


# Prefix blocks by number of leading zeros: [low, high) and a name for the permutation.
_BLOCKS = ((10**7, _PREFIXES, "high"), (10**6, 10**7, "low"), (1, 10**6, "short"))


def _member(low: int) -> Callable[[pa.Array, pa.Array | None], pa.Array]:
    def member(candidates: pa.Array, _tweak: pa.Array | None) -> pa.Array:
        return _valid_prefix(pc.add(candidates, scalar(low)))

    return member


# One member function per block, made once, so the cached permutations are found again.
_MEMBERS = {low: _member(low) for low, _, _ in _BLOCKS}


def is_valid(numbers: pa.Array) -> pa.Array:
    """Whether integers are valid BSNs (11-proef, 1..999999999)."""
    in_range = pc.and_(pc.greater(numbers, scalar(0)), pc.less(numbers, scalar(10**9)))
    safe = pc.if_else(in_range, numbers, scalar(0))
    prefix = pc.divide(safe, scalar(10))
    ok = pc.equal(check_sum(prefix), mod(safe, 10))
    return pc.and_(in_range, pc.and_(ok, pc.greater(prefix, scalar(0))))


def _next_valid(
    prefix: pa.Array, low: pa.Array, high: pa.Array, detours: Detours | None
) -> pa.Array:
    """The first valid prefix at or after ``prefix`` within ``[low, high)`` (wrapping) that
    the source does not hold."""
    while True:
        bad = pc.invert(_valid_prefix(prefix))
        if detours:
            bad = pc.or_(bad, _held(prefix, detours))
        if not pc.any(bad).as_py():
            return prefix
        step = pc.add(prefix, scalar(1))
        step = pc.if_else(pc.greater_equal(step, high), low, step)
        prefix = pc.if_else(bad, step, prefix)


def _held(prefix: pa.Array, detours: Detours) -> pa.Array:
    """Per prefix, whether the source holds a BSN with it."""
    held = pa.array([False] * len(prefix), pa.bool_())
    for low, high, name in _BLOCKS:
        detour = detours.get(_detour_name(name))
        if detour is None:
            continue
        inside = pc.and_(pc.greater_equal(prefix, scalar(low)), pc.less(prefix, scalar(high)))
        relative = pc.if_else(inside, pc.subtract(prefix, scalar(low)), scalar(-1))
        held = pc.or_(held, pc.and_(inside, detour.is_taken(relative)))
    return held


def _detour_name(block: str) -> str:
    return f"{PURPOSE}/{block}"


def _block_bounds(prefix: pa.Array) -> tuple[pa.Array, pa.Array]:
    """Per prefix, the bounds ``[low, high)`` of the block it falls in."""
    low = pa.array([_BLOCKS[-1][0]] * len(prefix), pa.int64())
    high = pa.array([_BLOCKS[-1][1]] * len(prefix), pa.int64())
    for block_low, block_high, _ in reversed(_BLOCKS[:-1]):
        inside = pc.greater_equal(prefix, scalar(block_low))
        low = pc.if_else(inside, scalar(block_low), low)
        high = pc.if_else(inside, scalar(block_high), high)
    return low, high


def pseudonymize_numbers(
    numbers: pa.Array, sources: pa.Array, key: Key, detours: Detours | None = None
) -> pa.Array:
    """Map integers (no nulls) to valid BSNs; invalid ones are hashed from ``sources`` text."""
    numbers = numbers.cast(pa.int64())
    valid = is_valid(numbers)
    prefix = pc.if_else(valid, pc.divide(numbers, scalar(10)), scalar(0))
    sub = key.derive(PURPOSE)
    result = prefix
    for low, high, name in _BLOCKS:
        in_block = pc.and_(
            valid,
            pc.and_(pc.greater_equal(prefix, scalar(low)), pc.less(prefix, scalar(high))),
        )
        where = pc.indices_nonzero(in_block)
        if not len(where):
            continue
        perm = permutation(sub, name, high - low, member=_MEMBERS[low])
        detour = detours.get(_detour_name(name)) if detours else None
        relative = pc.subtract(prefix.take(where), scalar(low))
        mapped = pc.add(derange(perm, relative, None, detour), scalar(low))
        result = pc.replace_with_mask(result, in_block, mapped)
    invalid = pc.invert(valid)
    where = pc.indices_nonzero(invalid)
    if len(where):
        # Keep the number of digits the input shows (an integer column drops zeros).
        digits = pc.max_element_wise(pc.divide(numbers.take(where), scalar(10)), scalar(1))
        low, high = _block_bounds(pc.min_element_wise(digits, scalar(_PREFIXES - 1)))
        hashed = prf_ints(sub, sources.take(where), _PREFIXES, context=b"invalid/")
        width = pc.subtract(high, low)
        hashed = pc.add(pc.subtract(hashed, pc.multiply(pc.divide(hashed, width), width)), low)
        result = pc.replace_with_mask(result, invalid, _next_valid(hashed, low, high, detours))
    return pc.add(pc.multiply(result, scalar(10)), check_sum(result))


def _render(template: str, digits: str) -> str:
    slots = sum(ch == "#" for ch in template)
    it = iter(digits[-slots:])
    return "".join(next(it) if ch == "#" else ch for ch in template)


def _plain_distinct(plain: pa.Array, key: Key, detours: Detours | None) -> pa.Array:
    numbers = plain.cast(pa.int64())
    sources = numbers.cast(pa.string())
    out = pseudonymize_numbers(numbers, sources, key, detours).cast(pa.string())
    out = pc.utf8_lpad(out, 9, "0")
    short = pc.equal(pc.utf8_length(plain), scalar(8))
    return pc.if_else(short, pc.utf8_slice_codeunits(out, 1), out)


def _text_distinct(distinct: pa.Array, key: Key, detours: Detours | None) -> pa.Array:
    plain = pc.match_substring_regex(distinct, r"^\d{8,9}$")
    fast, slow = split(plain, distinct)
    return merge(plain, _plain_distinct(fast, key, detours), _notation_distinct(slow, key, detours))


def _number(text: str) -> int | None:
    """The BSN-sized number a text writes, in any notation (``1234.56.782``, the
    loonheffingennummer ``123456782L01``), else None."""
    stripped = without_payroll_suffix(text.strip())
    if _SPACED.fullmatch(stripped):
        digits = "".join(ch for ch in stripped if ch.isdigit())
        if len(digits) in (8, 9):
            return int(digits)
    return None


def _numbers(texts: pa.Array) -> pa.Array:
    """The BSN-sized numbers among ``texts``, in any notation (:func:`_number`, vectorized)."""
    stripped = pc.replace_substring_regex(
        pc.utf8_trim_whitespace(texts), f"^([0-9]{{9}}){PAYROLL_SUFFIX.pattern}", r"\1"
    )
    spaced = pc.match_substring_regex(stripped, f"^{_SPACED.pattern}$")
    digits = pc.replace_substring_regex(stripped.filter(spaced), r"\D", "")
    length = pc.utf8_length(digits)
    sized = pc.and_(pc.greater_equal(length, scalar(8)), pc.less_equal(length, scalar(9)))
    return digits.filter(sized).cast(pa.int64())


def _notation_distinct(distinct: pa.Array, key: Key, detours: Detours | None) -> pa.Array:
    texts: list[str] = distinct.to_pylist()
    numbers: list[int] = []
    sources: list[str] = []
    templates: list[str] = []
    for text in texts:
        number = _number(text)
        if number is None:
            numbers.append(_NO_NUMBER)
            sources.append(text)
            templates.append("#########")
            continue
        stripped = without_payroll_suffix(text.strip())
        numbers.append(number)
        sources.append(str(number))
        templates.append(text.replace(stripped, re.sub(r"\d", "#", stripped), 1))
    out = pseudonymize_numbers(
        pa.array(numbers, pa.int64()), pa.array(sources, pa.string()), key, detours
    ).to_pylist()
    return pa.array(
        [_render(t, f"{n:09d}") for t, n in zip(templates, out, strict=True)], pa.string()
    )


def bsn(values: pa.Array | pa.ChunkedArray, key: Key, detours: Detours | None = None) -> pa.Array:
    """Replace BSNs by keyed, unique, valid BSNs in the same notation and type; with
    ``detours``, none equals a BSN the source holds."""
    array = as_array(values)
    original = array.type
    if pa.types.is_integer(original):

        def ints(distinct: pa.Array) -> pa.Array:
            return pseudonymize_numbers(distinct, distinct.cast(pa.string()), key, detours)

        return per_distinct(array, ints).cast(original)
    if not is_text(original):
        array = array.cast(pa.string())
    return restore_type(
        per_distinct(array.cast(pa.string()), lambda d: _text_distinct(d, key, detours)),
        original,
    )


def detours(values: Iterable[pa.Array], key: Key) -> dict[str, Detour]:
    """The detours around the valid BSNs (or RSINs) among ``values``: integers, or texts in
    any notation; anything else is passed over."""
    found: list[pa.Array] = []
    for array in values:
        if pa.types.is_integer(array.type):
            found.append(pc.unique(array.drop_null()).cast(pa.int64()))
        else:
            found.append(_numbers(pc.unique(array.drop_null().cast(pa.string()))))
    numbers = pc.unique(pa.concat_arrays(found)) if found else pa.array([], pa.int64())
    numbers = numbers.filter(is_valid(numbers))
    prefix = pc.divide(numbers, scalar(10))
    sub = key.derive(PURPOSE)
    out = {}
    for low, high, name in _BLOCKS:
        inside = pc.and_(pc.greater_equal(prefix, scalar(low)), pc.less(prefix, scalar(high)))
        members = pc.subtract(prefix.filter(inside), scalar(low))
        if len(members):
            perm = permutation(sub, name, high - low, member=_MEMBERS[low])
            out[_detour_name(name)] = plan(perm, members)
    return out
