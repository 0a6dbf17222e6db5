"""The keyed pseudo-random function (HMAC-SHA256) and helpers to apply it to Arrow arrays.

Everything keyed in Sluis goes through :class:`Prf`. It precomputes the HMAC inner and outer
hash states once per key, which roughly halves the cost per call compared with
``hmac.new``. Array helpers work on the *distinct* values of an array and expand the result
with ``take``, so a column with few distinct values costs few HMACs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from sluis.keys import Key

_BLOCK = 64  # SHA-256 block size in bytes


class Prf:
    """HMAC-SHA256 under one key, with the padded key states computed once."""

    __slots__ = ("_inner", "_outer")

    def __init__(self, key: Key) -> None:
        padded = key.material.ljust(_BLOCK, b"\0")
        self._inner = hashlib.sha256(bytes(b ^ 0x36 for b in padded))
        self._outer = hashlib.sha256(bytes(b ^ 0x5C for b in padded))

    def digest(self, data: bytes) -> bytes:
        """HMAC-SHA256(key, data): 32 bytes."""
        inner = self._inner.copy()
        inner.update(data)
        outer = self._outer.copy()
        outer.update(inner.digest())
        return outer.digest()

    def integer(self, data: bytes, modulus: int) -> int:
        """An integer in ``[0, modulus)`` from the first 16 bytes of the digest.

        With 128 bits reduced modulo at most 2**64 the bias is below 2**-64.
        """
        return int.from_bytes(self.digest(data)[:16], "big") % modulus

    def integers(self, messages: Iterable[bytes], modulus: int) -> list[int]:
        """:meth:`integer` for many messages."""
        inner0, outer0 = self._inner, self._outer
        out: list[int] = []
        append = out.append
        for data in messages:
            inner = inner0.copy()
            inner.update(data)
            outer = outer0.copy()
            outer.update(inner.digest())
            append(int.from_bytes(outer.digest()[:16], "big") % modulus)
        return out


def prf(key: Key, data: bytes) -> bytes:
    """HMAC-SHA256(key, data)."""
    return Prf(key).digest(data)


def encode(value: Any) -> bytes:
    """The canonical bytes of a scalar for hashing: UTF-8 text of its string form."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8")
    return str(value).encode("utf-8")


@lru_cache(maxsize=4096)
def scalar(value: int | str) -> pa.Scalar:
    """A cached Arrow scalar for a Python constant.

    pyarrow converts a bare Python int argument of a compute function anew on every call,
    which costs far more than the kernel on small arrays; operators pass these instead.
    """
    return pa.scalar(value, pa.int64() if isinstance(value, int) else pa.string())


def as_array(values: pa.Array | pa.ChunkedArray) -> pa.Array:
    """A single contiguous array (chunked arrays are combined)."""
    if isinstance(values, pa.ChunkedArray):
        return values.combine_chunks() if values.num_chunks else pa.array([], values.type)
    return values


def per_distinct(
    values: pa.Array | pa.ChunkedArray, transform: Callable[[pa.Array], pa.Array]
) -> pa.Array:
    """Apply ``transform`` to the distinct non-null values once, then expand to every row.

    ``transform`` gets an array without nulls and must return an array of the same length.
    Nulls stay null.
    """
    array = as_array(values)
    if pa.types.is_dictionary(array.type):
        array = array.cast(array.type.value_type)
    encoded = pc.dictionary_encode(array)
    mapped = transform(encoded.dictionary)
    if len(mapped) != len(encoded.dictionary):
        raise ValueError("a per-distinct transform changed the number of values")
    return mapped.take(encoded.indices)


def map_distinct(
    values: pa.Array | pa.ChunkedArray, function: Callable[[Any], Any], out_type: pa.DataType
) -> pa.Array:
    """Apply a scalar Python ``function`` once per distinct non-null value."""

    def transform(distinct: pa.Array) -> pa.Array:
        return pa.array([function(v) for v in distinct.to_pylist()], type=out_type)

    return per_distinct(values, transform)


def prf_ints(
    key: Key, values: pa.Array | pa.ChunkedArray, modulus: int, *, context: bytes = b""
) -> pa.Array:
    """A keyed integer in ``[0, modulus)`` per value (int64; nulls stay null).

    ``context`` separates uses of the same key; equal values always get equal integers.
    """
    if not 0 < modulus <= 2**63:
        raise ValueError("modulus must be in (0, 2**63]")
    function = Prf(key)

    def transform(distinct: pa.Array) -> pa.Array:
        messages = (context + encode(v) for v in distinct.to_pylist())
        return pa.array(function.integers(messages, modulus), type=pa.int64())

    return per_distinct(values, transform)


def prf_hex(key: Key, values: pa.Array | pa.ChunkedArray, length: int) -> pa.Array:
    """A keyed lower-case hex string of ``length`` (1-64) characters per value."""
    if not 1 <= length <= 64:
        raise ValueError("length must be between 1 and 64")
    function = Prf(key)

    def transform(distinct: pa.Array) -> pa.Array:
        return pa.array(
            [function.digest(encode(v)).hex()[:length] for v in distinct.to_pylist()],
            type=pa.string(),
        )

    return per_distinct(values, transform)
