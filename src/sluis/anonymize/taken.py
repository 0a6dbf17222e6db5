"""Pseudonyms that never equal another identifier of the same source.

A keyed derangement ``D`` gives every valid BSN another valid one, spread over the whole
space. Among ``n`` BSNs of a source, about ``n² / |V|`` pseudonyms then equal some *other*
person's real BSN (``|V|``, the valid nine-digit BSNs, is about 8·10⁷: one such pseudonym at
10,000 people, a hundred at 100,000); a phone number's subscriber digits (10⁶–10⁷ values per
area code) make it likelier still. Nothing is revealed, the number belongs to someone else,
but whoever searches the copy for the source's identifiers finds it and cannot tell it from
a leak.

So a run first collects the identifiers its source holds (``T``), and replaces with
``f = τ∘D``, where ``τ`` exchanges every ``a`` in ``D(T) ∩ T`` with a ``b`` outside
``T ∪ D(T)``: the first value on ``a``'s own ``D``-walk that no other ``a`` took. ``f`` is a
bijection of the whole domain without fixed points, as ``D`` is; it differs from ``D`` on
``2·|D(T) ∩ T|`` values only, and maps every member of ``T`` outside ``T``. A value the
collection missed keeps ``D``'s odds, and two runs over different sources may give such a rare
value different pseudonyms. Values are encoded as ``tweak * domain_size + value`` for tweaked
permutations.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property

import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

from sluis.anonymize.permutation import KeyedPermutation
from sluis.anonymize.prf import scalar

# Steps a value walks to find a free image; only a domain almost wholly taken needs more,
# and there (as when the walk comes round to its start) ``f`` is left equal to ``D``.
_MAX_WALK = 200
_EMPTY = pa.array([], pa.int64())


class SortedValues:
    """Distinct integers, sorted once, in which probes are found by binary search: Arrow's
    set lookups hash the whole value set on every call, which at two million values cost
    0.2 s per batch, more than the batch itself."""

    def __init__(self, values: pa.Array) -> None:
        frame = pl.DataFrame({"value": pl.Series(values=values, dtype=pl.Int64)})
        ordered = frame.with_row_index("at").sort("value")
        self._values, self._at = ordered["value"], ordered["at"]

    def positions(self, probes: pa.Array) -> pa.Array:
        """Per probe, its index among the values as given; null where it is none of them."""
        if not len(self._values):
            return pa.nulls(len(probes), pa.uint32())
        probe = pl.Series(values=probes, dtype=pl.Int64)
        found = self._values.search_sorted(probe).clip(upper_bound=len(self._values) - 1)
        hit = self._values.gather(found) == probe
        at = pl.select(pl.when(hit).then(self._at.gather(found))).to_series()
        return at.to_arrow().cast(pa.uint32())

    def contains(self, probes: pa.Array) -> pa.Array:
        """Per probe, whether it is one of the values."""
        return pc.is_valid(self.positions(probes))

    def has(self, value: int) -> bool:
        """Whether ``value`` is one of the values."""
        at = self._values.search_sorted(value)
        return bool(at < len(self._values) and self._values[at] == value)


# Up to this many taken values one lookup scans them all (about as fast as a search).
_SCANNED = 200_000


@dataclass(frozen=True)
class Detour:
    """``f`` on one permutation: the images of the taken values and the exchanged pairs."""

    taken: pa.Array  # encoded members of T, distinct (int64)
    images: pa.Array  # f of each, none of them in T
    moved_from: pa.Array  # the b values: D(x) = b for some x outside T, and f(x) = a
    moved_to: pa.Array

    @cached_property
    def index(self) -> SortedValues:
        """``taken``, sorted for lookups (built once per process, not pickled)."""
        return SortedValues(self.taken)

    def __getstate__(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if k != "index"}

    def is_taken(self, encoded: pa.Array) -> pa.Array:
        """Per encoded value, whether the source holds it."""
        return self.index.contains(encoded)

    def holds(self, encoded: int) -> bool:
        """Whether the source holds one encoded value: a scan of a few values (faster than a
        search's fixed cost), a binary search of many."""
        if len(self.taken) <= _SCANNED:
            return bool(pc.any(pc.equal(self.taken, pa.scalar(encoded, pa.int64()))).as_py())
        return self.index.has(encoded)


Detours = Mapping[str, Detour]
"""Detours by name (the operator's purpose and permutation, e.g. ``id.bsn/high``)."""

# Fresh draws of a keyed replacement for text that is no valid identifier, while the source
# holds the draw.
DRAWS = 8


def first_free(draw: Callable[[bytes], int], detour: Detour | None) -> int:
    """``draw(b"")``, or else the first of ``draw(b"/1")`` … ``draw(b"/7")`` (a keyed choice
    per suffix, encoded) that the source does not hold; the last draw when all are held."""
    value = draw(b"")
    for attempt in range(1, DRAWS):
        if detour is None or not detour.holds(value):
            break
        value = draw(b"/%d" % attempt)
    return value


def encode(values: pa.Array, tweaks: pa.Array | None, size: int) -> pa.Array:
    """One integer per value and tweak."""
    values = values.cast(pa.int64())
    if tweaks is None:
        return values
    return pc.add(pc.multiply(tweaks.cast(pa.int64()), scalar(size)), values)


def decode(encoded: pa.Array, size: int, tweaked: bool) -> tuple[pa.Array, pa.Array | None]:
    """The values and tweaks of :func:`encode`."""
    if not tweaked:
        return encoded, None
    tweaks = pc.divide(encoded, scalar(size))
    return pc.subtract(encoded, pc.multiply(tweaks, scalar(size))), tweaks


def plan(perm: KeyedPermutation, taken: pa.Array, *, tweaked: bool = False) -> Detour:
    """The detour of ``perm``'s derangement around the encoded values ``taken``."""
    size = perm.domain_size
    taken = pc.unique(taken.cast(pa.int64()))
    values, tweaks = decode(taken, size, tweaked)
    images = encode(perm.derange(values, tweaks), tweaks, size) if len(taken) else _EMPTY
    plain = Detour(taken, images, _EMPTY, _EMPTY)
    hits = images.filter(pc.is_in(images, value_set=taken))
    if not len(hits):
        return plain
    chosen = _walk(perm, sorted(hits.to_pylist()), plain, tweaked)
    if not chosen:
        return plain
    froms = pa.array(list(chosen), pa.int64())
    tos = pa.array(list(chosen.values()), pa.int64())
    return Detour(taken, _exchange(images, froms, tos), tos, froms)


def _walk(
    perm: KeyedPermutation, starts: list[int], plain: Detour, tweaked: bool
) -> dict[int, int]:
    """Per start ``a``, the first value of its ``D``-walk outside ``T ∪ D(T)`` that no other
    start chose before (they step in turns, in ascending order); ``plain`` holds ``D`` of the
    taken values."""
    size = perm.domain_size
    images = SortedValues(plain.images)
    chosen: dict[int, int] = {}
    used: set[int] = set()
    at = {a: a for a in starts}
    pending = starts
    for _ in range(_MAX_WALK):
        if not pending:
            break
        here = pa.array([at[a] for a in pending], pa.int64())
        # A taken value's step is known; the others are computed.
        where = plain.index.positions(here)
        known = pc.is_valid(where)
        steps = dict(
            zip(
                here.filter(known).to_pylist(),
                plain.images.take(where.filter(known)).to_pylist(),
                strict=True,
            )
        )
        rest = here.filter(pc.invert(known))
        if len(rest):
            values, tweaks = decode(rest, size, tweaked)
            computed = encode(perm.derange(values, tweaks), tweaks, size)
            steps.update(zip(rest.to_pylist(), computed.to_pylist(), strict=True))
        nexts = pa.array([steps[at[a]] for a in pending], pa.int64())
        forbidden = pc.or_(plain.index.contains(nexts), images.contains(nexts))
        taken = set(nexts.filter(forbidden).to_pylist())
        still = []
        for a, step in zip(pending, nexts.to_pylist(), strict=True):
            if step not in taken and step not in used:
                chosen[a] = step
                used.add(step)
            elif step != a:
                at[a] = step
                still.append(a)
        pending = still
    return chosen


def _exchange(encoded: pa.Array, froms: pa.Array, tos: pa.Array) -> pa.Array:
    """``encoded`` with every value in ``froms`` replaced by the one at its place in ``tos``."""
    where = pc.index_in(encoded, value_set=froms)
    found = pc.is_valid(where)
    if not pc.any(found).as_py():
        return encoded
    return pc.replace_with_mask(encoded, found, tos.take(where.filter(found)))


def derange(
    perm: KeyedPermutation, values: pa.Array, tweaks: pa.Array | None, detour: Detour | None
) -> pa.Array:
    """``perm.derange(values, tweaks)``, detoured around the source's own values."""
    if detour is None or not len(values):
        return perm.derange(values, tweaks)
    size = perm.domain_size
    encoded = encode(values, tweaks, size)
    where = detour.index.positions(encoded)
    known = pc.is_valid(where)
    out = pc.if_else(known, scalar(0), encoded)  # placeholders, replaced below
    if pc.any(known).as_py():
        out = pc.replace_with_mask(out, known, detour.images.take(where.filter(known)))
    others = pc.invert(known)
    if pc.any(others).as_py():
        rest_values, rest_tweaks = decode(encoded.filter(others), size, tweaks is not None)
        moved = encode(perm.derange(rest_values, rest_tweaks), rest_tweaks, size)
        if len(detour.moved_from):
            moved = _exchange(moved, detour.moved_from, detour.moved_to)
        out = pc.replace_with_mask(out, others, moved)
    values_out, _ = decode(out, size, tweaks is not None)
    return values_out
