"""A keyed permutation of the integers ``[0, N)``: a balanced Feistel network with cycle-walking.

Construction (in the spirit of NIST FF1, on integers instead of digit strings):

* ``m = ceil(sqrt(N))``; a value ``x < m*m`` is split into ``L = x // m`` and ``R = x % m``.
* Each of ``rounds`` (default 10, at least 8) rounds maps ``(L, R)`` to
  ``(R, (L + F_i(R)) mod m)``, where ``F_i(R)`` is HMAC-SHA256 of ``i``, a direction letter and
  ``R`` (8 bytes, little-endian) under a sub-key bound to ``N`` and the number of rounds, reduced
  modulo ``m``. Every round is a bijection of
  ``[0, m)^2`` whatever ``F_i`` is, so the network is one too; the inverse runs the rounds
  backwards with subtraction.
* Cycle-walking: while the result is ``>= N`` (or not a member of an optional subset), the
  network is applied again. The walk stays on the cycle of the input, so the restriction to
  ``[0, N)`` (or to the subset) is again a bijection.

An optional *tweak* per value (an integer below ``tweak_bound``) selects an independent
permutation per tweak value with the same key, e.g. one per phone area code.

Fixed points: a random permutation has about one fixed point. :meth:`derange` gives a
keyed bijection *without* fixed points, ``D(x) = P^-1(next(P(x)))`` where ``next`` is the
next member in cyclic order: ``D`` is a conjugate of a cyclic shift, a single cycle through
all members, so ``D(x) != x`` whenever the domain has two or more members.

Speed: for a batch that touches a good part of ``[0, m)``, each round function is
tabulated once (``m`` HMACs per round) and applied with ``take``; otherwise only the
distinct half-values of the batch are hashed. All arithmetic is vectorized with Arrow.
"""

from __future__ import annotations

from collections.abc import Callable
from math import isqrt
from typing import Any, overload

import pyarrow as pa
import pyarrow.compute as pc

from sluis.anonymize.prf import Prf, int_messages, scalar
from sluis.keys import Key

Member = Callable[[pa.Array, pa.Array | None], pa.Array]
"""Vectorized membership test: candidate values (int64) and their tweaks -> booleans."""

TABLE_LIMIT = 1 << 18  # tabulate round functions for half-domains up to this size
_MAX_COMBINED = 1 << 62


class KeyedPermutation:
    """A keyed bijection of ``[0, domain_size)`` (or of the members of a subset of it)."""

    def __init__(
        self,
        key: Key,
        domain_size: int,
        *,
        rounds: int = 10,
        member: Member | None = None,
        tweak_bound: int = 1,
    ) -> None:
        if domain_size < 2:
            raise ValueError("a permutation domain needs at least 2 values")
        if rounds < 8:
            raise ValueError("a Feistel permutation needs at least 8 rounds")
        self.domain_size = domain_size
        self.rounds = rounds
        self.member = member
        self.tweak_bound = tweak_bound
        self._m = isqrt(domain_size - 1) + 1
        if self._m * self._m >= 1 << 63:
            raise ValueError("permutation domain too large for 64-bit arithmetic")
        if tweak_bound > 1 and tweak_bound * self._m >= _MAX_COMBINED:
            raise ValueError("tweak_bound too large for this domain")
        self._prf = Prf(key.derive(f"feistel/{domain_size}/{rounds}"))
        self._tables: list[pa.Array | None] = [None] * rounds

    # -- round function -------------------------------------------------------------------

    def _hash(self, prefix: bytes, inputs: pa.Array) -> pa.Array:
        return self._prf.integer_array(int_messages(inputs, prefix), self._m)

    def _round(self, index: int, half: pa.Array, tweak: pa.Array | None) -> pa.Array:
        m = self._m
        if tweak is None:
            table = self._tables[index]
            if table is not None:
                return table.take(half)
            prefix = bytes([index]) + b"r"
            distinct = pc.unique(half)
            if m <= TABLE_LIMIT and 4 * len(distinct) >= m:
                table = self._hash(prefix, pa.array(range(m), pa.int64()))
                self._tables[index] = table
                return table.take(half)
            source = half
        else:
            prefix = bytes([index]) + b"t"
            source = pc.add(pc.multiply(tweak, scalar(m)), half)
            distinct = pc.unique(source)
        return self._hash(prefix, distinct).take(pc.index_in(source, value_set=distinct))

    # -- the network ---------------------------------------------------------------------

    def _encrypt(self, x: pa.Array, tweak: pa.Array | None) -> pa.Array:
        m = scalar(self._m)
        left = pc.divide(x, m)
        right = pc.subtract(x, pc.multiply(left, m))
        for index in range(self.rounds):
            total = pc.add(left, self._round(index, right, tweak))
            left, right = (
                right,
                pc.if_else(pc.greater_equal(total, m), pc.subtract(total, m), total),
            )
        return pc.add(pc.multiply(left, m), right)

    def _decrypt(self, y: pa.Array, tweak: pa.Array | None) -> pa.Array:
        m = scalar(self._m)
        left = pc.divide(y, m)
        right = pc.subtract(y, pc.multiply(left, m))
        for index in reversed(range(self.rounds)):
            diff = pc.subtract(right, self._round(index, left, tweak))
            left, right = pc.if_else(pc.less(diff, scalar(0)), pc.add(diff, m), diff), left
        return pc.add(pc.multiply(left, m), right)

    def _rejected(self, y: pa.Array, tweak: pa.Array | None) -> pa.Array:
        outside = pc.greater_equal(y, scalar(self.domain_size))
        if self.member is None:
            return outside
        inside = pc.if_else(outside, scalar(0), y)
        return pc.or_(outside, pc.invert(self.member(inside, tweak)))

    def _walk(
        self,
        y: pa.Array,
        tweak: pa.Array | None,
        step: Callable[[pa.Array, pa.Array | None], pa.Array],
    ) -> pa.Array:
        bad = self._rejected(y, tweak)
        if not pc.any(bad).as_py():
            return y
        # Only the values still outside are stepped and checked again, until none is.
        where = pc.indices_nonzero(bad)
        values = y.take(where)
        sub_tweak = None if tweak is None else tweak.take(where)
        done_where: list[pa.Array] = []
        done_values: list[pa.Array] = []
        while len(where):
            values = step(values, sub_tweak)
            still = self._rejected(values, sub_tweak)
            done = pc.invert(still)
            done_where.append(where.filter(done))
            done_values.append(values.filter(done))
            where, values = where.filter(still), values.filter(still)
            sub_tweak = None if sub_tweak is None else sub_tweak.filter(still)
        order = pc.sort_indices(pa.concat_arrays(done_where))
        return pc.replace_with_mask(y, bad, pa.concat_arrays(done_values).take(order))

    def _successor(self, y: pa.Array, tweak: pa.Array | None, delta: int) -> pa.Array:
        def step(values: pa.Array, _tweak: pa.Array | None) -> pa.Array:
            moved = pc.add(values, scalar(delta))
            moved = pc.if_else(pc.less(moved, scalar(0)), scalar(self.domain_size - 1), moved)
            return pc.if_else(pc.greater_equal(moved, scalar(self.domain_size)), scalar(0), moved)

        return self._walk(step(y, tweak), tweak, step)

    def _prepare(self, x: pa.Array, tweak: pa.Array | None) -> tuple[pa.Array, pa.Array | None]:
        x = x.cast(pa.int64())
        if x.null_count:
            raise ValueError("permutation input must not contain nulls")
        if len(x) and (pc.min(x).as_py() < 0 or pc.max(x).as_py() >= self.domain_size):
            raise ValueError("permutation input outside the domain")
        if tweak is None:
            if self.tweak_bound > 1:
                raise ValueError("this permutation needs a tweak per value")
            return x, None
        tweak = tweak.cast(pa.int64())
        if len(tweak) != len(x):
            raise ValueError("tweak and input differ in length")
        if len(tweak) and (pc.min(tweak).as_py() < 0 or pc.max(tweak).as_py() >= self.tweak_bound):
            raise ValueError("tweak outside [0, tweak_bound)")
        return x, tweak

    def _apply(self, kind: str, x: Any, tweak: Any) -> Any:
        scalar = isinstance(x, int)
        xs = pa.array([x], pa.int64()) if scalar else x
        ts = pa.array([tweak], pa.int64()) if scalar and tweak is not None else tweak
        xs, ts = self._prepare(xs, ts)
        if not len(xs):
            return xs
        if kind == "forward":
            out = self._walk(self._encrypt(xs, ts), ts, self._encrypt)
        elif kind == "inverse":
            out = self._walk(self._decrypt(xs, ts), ts, self._decrypt)
        else:
            delta = 1 if kind == "derange" else -1
            ys = self._walk(self._encrypt(xs, ts), ts, self._encrypt)
            ys = self._successor(ys, ts, delta)
            out = self._walk(self._decrypt(ys, ts), ts, self._decrypt)
        return out[0].as_py() if scalar else out

    @overload
    def forward(self, x: int, tweak: int | None = None) -> int: ...
    @overload
    def forward(self, x: pa.Array, tweak: pa.Array | None = None) -> pa.Array: ...
    def forward(self, x: Any, tweak: Any = None) -> Any:
        """The image of ``x`` (an int or an int64 array without nulls)."""
        return self._apply("forward", x, tweak)

    @overload
    def inverse(self, x: int, tweak: int | None = None) -> int: ...
    @overload
    def inverse(self, x: pa.Array, tweak: pa.Array | None = None) -> pa.Array: ...
    def inverse(self, x: Any, tweak: Any = None) -> Any:
        """The preimage of ``x``: ``inverse(forward(x)) == x``."""
        return self._apply("inverse", x, tweak)

    @overload
    def derange(self, x: int, tweak: int | None = None) -> int: ...
    @overload
    def derange(self, x: pa.Array, tweak: pa.Array | None = None) -> pa.Array: ...
    def derange(self, x: Any, tweak: Any = None) -> Any:
        """A keyed bijection without fixed points: never returns its input."""
        return self._apply("derange", x, tweak)

    @overload
    def underange(self, x: int, tweak: int | None = None) -> int: ...
    @overload
    def underange(self, x: pa.Array, tweak: pa.Array | None = None) -> pa.Array: ...
    def underange(self, x: Any, tweak: Any = None) -> Any:
        """The inverse of :meth:`derange`."""
        return self._apply("underange", x, tweak)
