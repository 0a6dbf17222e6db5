"""V-nummers (vreemdelingennummers) replaced by other 10-digit V-nummers.

A V-nummer has no public checksum; it is ten digits, not starting with 0 (a leading 0
would read as a Dutch phone number). Ten-digit numbers are mapped by a keyed derangement
of ``[10**9, 10**10)``, so a unique column stays unique and no number maps to itself;
other shapes fall back to the generic format-preserving pseudonym. Integer columns stay
integer.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from sluis.anonymize.operators import generic
from sluis.anonymize.operators._arrow import (
    as_array,
    is_text,
    merge,
    per_distinct,
    permutation,
    restore_type,
    scalar,
    split,
)
from sluis.keys import Key

PURPOSE = "id.v_number"
_LOW, _HIGH = 10**9, 10**10


def v_number(values: pa.Array | pa.ChunkedArray, key: Key) -> pa.Array:
    """Keyed replacement V-nummers (see the module docstring)."""
    array = as_array(values)
    original = array.type
    perm = permutation(key.derive(PURPOSE), "v", _HIGH - _LOW)

    def numbers(distinct: pa.Array) -> pa.Array:
        return pc.add(perm.derange(pc.subtract(distinct, scalar(_LOW))), scalar(_LOW))

    if pa.types.is_integer(original):
        ints = array.cast(pa.int64())
        shaped = pc.and_(pc.greater_equal(ints, scalar(_LOW)), pc.less(ints, scalar(_HIGH)))
        if pc.all(shaped).as_py() is not False:
            return per_distinct(ints, numbers).cast(original)
        return generic.pseudonymize(array, key)

    def texts(distinct: pa.Array) -> pa.Array:
        plain = pc.match_substring_regex(distinct, r"^[1-9]\d{9}$")
        fast, slow = split(plain, distinct)
        mapped = numbers(fast.cast(pa.int64())).cast(pa.string()) if len(fast) else fast
        return merge(plain, mapped, generic.pseudonymize(slow, key) if len(slow) else slow)

    text = array if is_text(original) else array.cast(pa.string())
    return restore_type(per_distinct(text.cast(pa.string()), texts), original)
