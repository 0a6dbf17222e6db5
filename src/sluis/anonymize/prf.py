"""The keyed pseudo-random function (HMAC-SHA256) and helpers to apply it to Arrow arrays.

Everything keyed in Sluis goes through :class:`Prf`. The HMAC key is the sub-key's text
form (64 ASCII hex digits), so the vectorized path — the ``polars-hash`` kernel, about
2 M HMACs per second per core, which takes text keys — and the scalar path (``hashlib``
with the padded key states computed once, also taken for arrays of fewer than ``_FEW``
messages, where a polars call costs more) give identical output. Array helpers work on
the *distinct* values of an array and expand the result with ``take``, so a column with
few distinct values costs few HMACs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

import polars as pl
import polars_hash as plh
import pyarrow as pa
import pyarrow.compute as pc

from sluis.keys import Key

_BLOCK = 64  # SHA-256 block size in bytes
_LIMB = 1 << 32
_VECTOR_MODULUS = 1 << 32  # vectorized reduction keeps r * 2**32 + limb below 2**64
# Below this many messages one polars call costs more than hashing each with hashlib.
_FEW = 1024


class Prf:
    """HMAC-SHA256 keyed with the hex text of one key."""

    __slots__ = ("_inner", "_outer", "_text")

    def __init__(self, key: Key) -> None:
        self._text = key.to_text()
        padded = self._text.encode("ascii").ljust(_BLOCK, b"\0")
        self._inner = hashlib.sha256(bytes(b ^ 0x36 for b in padded))
        self._outer = hashlib.sha256(bytes(b ^ 0x5C for b in padded))

    def digest(self, data: bytes) -> bytes:
        """HMAC-SHA256(hex text of the key, data): 32 bytes."""
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
        array = pa.array(list(messages), pa.binary())
        return self.integer_array(array, modulus).to_pylist()  # type: ignore[no-any-return]

    def hex_array(self, messages: pa.Array) -> pa.Array:
        """The lower-case hex digests (64 characters) of a binary or string array."""
        if len(messages) < _FEW:
            hexes = [self.digest(_as_bytes(m)).hex() for m in messages.to_pylist()]
            return pa.array(hexes, pa.string())
        frame = pl.DataFrame({"m": pl.from_arrow(messages)})
        digests = frame.select(plh.col("m").chash.hmac_sha256(key=self._text))
        return as_array(digests.to_series().to_arrow()).cast(pa.string())

    def integer_array(self, messages: pa.Array, modulus: int) -> pa.Array:
        """:meth:`integer` for every message of a binary or string array, as int64."""
        if not 0 < modulus <= 2**63:
            raise ValueError("modulus must be in (0, 2**63]")
        if len(messages) < _FEW or modulus > _VECTOR_MODULUS:
            return pa.array(
                [self.integer(_as_bytes(m), modulus) for m in messages.to_pylist()], pa.int64()
            )
        frame = pl.DataFrame({"m": pl.from_arrow(messages)})
        hexes = pl.col("h")
        limbs = [
            hexes.str.slice(8 * i, 8).str.to_integer(base=16, dtype=pl.UInt64) for i in range(4)
        ]
        rest = limbs[0] % modulus
        for limb in limbs[1:]:
            rest = (rest * _LIMB + limb) % modulus
        digests = frame.select(plh.col("m").chash.hmac_sha256(key=self._text).alias("h"))
        return as_array(digests.select(rest.cast(pl.Int64)).to_series().to_arrow())


def _as_bytes(message: bytes | str) -> bytes:
    """A message of a binary or string array as the bytes the polars kernel hashes."""
    return message.encode("utf-8") if isinstance(message, str) else message


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
        return function.integer_array(messages(distinct, context), modulus)

    return per_distinct(values, transform)


def prf_hex(key: Key, values: pa.Array | pa.ChunkedArray, length: int) -> pa.Array:
    """A keyed lower-case hex string of ``length`` (1-64) characters per value."""
    if not 1 <= length <= 64:
        raise ValueError("length must be between 1 and 64")
    function = Prf(key)

    def transform(distinct: pa.Array) -> pa.Array:
        return pc.utf8_slice_codeunits(function.hex_array(messages(distinct)), 0, length)

    return per_distinct(values, transform)


def int_messages(values: pa.Array, context: bytes = b"") -> pa.Array:
    """``context + v.to_bytes(8, "little", signed=True)`` for an int64 array without nulls."""
    values = as_array(values).cast(pa.int64())
    if values.null_count:
        raise ValueError("int_messages needs an array without nulls")
    packed = pa.Array.from_buffers(
        pa.binary(8), len(values), [None, values.buffers()[1]], offset=values.offset
    )
    return messages(packed.cast(pa.binary()), context)


def messages(values: pa.Array, context: bytes = b"") -> pa.Array:
    """``context + encode(v)`` for every value, as a binary array (vectorized for text)."""
    if pa.types.is_string(values.type) or pa.types.is_large_string(values.type):
        values = values.cast(pa.binary())
    elif not (pa.types.is_binary(values.type) or pa.types.is_large_binary(values.type)):
        values = pa.array([encode(v) for v in values.to_pylist()], pa.binary())
    if not context:
        return values
    values = as_array(values).cast(pa.binary())
    return pc.binary_join_element_wise(
        pa.scalar(context, pa.binary()), values, pa.scalar(b"", pa.binary())
    )
