"""Small Arrow helpers shared by the operators."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from sluis.anonymize.permutation import KeyedPermutation, Member
from sluis.anonymize.prf import as_array, per_distinct, scalar
from sluis.keys import Key

__all__ = [
    "as_array",
    "is_text",
    "map_text",
    "mod",
    "per_distinct",
    "permutation",
    "remembered",
    "restore_type",
    "scalar",
]


def is_text(type_: pa.DataType) -> bool:
    """Whether an Arrow type holds text."""
    return (
        bool(pa.types.is_string(type_) or pa.types.is_large_string(type_))
        or str(type_) == "string_view"
    )


def restore_type(result: pa.Array, type_: pa.DataType) -> pa.Array:
    """Cast an operator's result back to the input type where the types are compatible."""
    if result.type == type_:
        return result
    try:
        return result.cast(type_)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return result


def map_text(
    values: pa.Array | pa.ChunkedArray,
    function: Callable[[str], str | None],
    memo: dict[str, str | None] | None = None,
) -> pa.Array:
    """Apply ``function`` once per distinct text; non-text input is read as its text form.
    With a ``memo`` (see :func:`remembered`), texts of earlier batches are not redone."""
    array = as_array(values)
    original = array.type
    if not is_text(original):
        array = array.cast(pa.string())

    def transform(distinct: pa.Array) -> pa.Array:
        texts = distinct.to_pylist()
        if memo is None:
            return pa.array([function(v) for v in texts], type=pa.string())
        if len(memo) > _MEMO_LIMIT:
            memo.clear()
        out = []
        for text in texts:
            # One lookup: another thread may clear the memo between two.
            fake = memo.get(text, _UNSEEN)
            if fake is _UNSEEN:
                fake = memo.setdefault(text, function(text))
            out.append(fake)
        return pa.array(out, type=pa.string())

    return restore_type(
        per_distinct(array, transform), original if is_text(original) else pa.string()
    )


# Texts a memo holds before it starts over: a bound on memory, not on correctness.
_MEMO_LIMIT = 100_000
_UNSEEN = object()


@lru_cache(maxsize=64)
def remembered(key: Key, operator: str) -> dict[str, str | None]:
    """This process's memo of one operator's output under one key: columns repeat their
    values from batch to batch (towns, given names, streets), and a fake depends on nothing
    but the key and the text."""
    return {}


def forget_fakes() -> None:
    """Drop every memo of :func:`remembered`: they hold original values, kept no longer than
    the run that needs them."""
    remembered.cache_clear()


def mod(values: pa.Array, modulus: int) -> pa.Array:
    """``values mod modulus`` for non-negative integers."""
    m = scalar(modulus)
    return pc.subtract(values, pc.multiply(pc.divide(values, m), m))


@lru_cache(maxsize=256)
def _cached(
    key: Key, purpose: str, domain_size: int, member: Member | None, tweak_bound: int
) -> KeyedPermutation:
    return KeyedPermutation(
        key.derive(purpose), domain_size, member=member, tweak_bound=tweak_bound
    )


def permutation(
    key: Key,
    purpose: str,
    domain_size: int,
    *,
    member: Member | None = None,
    tweak_bound: int = 1,
) -> KeyedPermutation:
    """The keyed permutation for one purpose, cached so its round tables are built once."""
    return _cached(key, purpose, domain_size, member, tweak_bound)


def scalar_list(array: pa.Array) -> list[Any]:
    """The Python values of an array."""
    return list(array.to_pylist())


def merge(mask: pa.Array, when_true: pa.Array, when_false: pa.Array) -> pa.Array:
    """Interleave two compacted arrays: ``when_true`` where ``mask`` holds, else ``when_false``."""
    base = pa.nulls(len(mask), when_true.type)
    if len(when_true):
        base = pc.replace_with_mask(base, mask, when_true)
    if len(when_false):
        base = pc.replace_with_mask(base, pc.invert(mask), when_false.cast(when_true.type))
    return base


def split(mask: pa.Array, values: pa.Array) -> tuple[pa.Array, pa.Array]:
    """The values where ``mask`` holds and where it does not (a compacted pair)."""
    return values.filter(mask), values.filter(pc.invert(mask))
