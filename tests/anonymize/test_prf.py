from __future__ import annotations

import hashlib
import hmac

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from sluis.anonymize.prf import _FEW, Prf, int_messages, map_distinct, prf, prf_hex, prf_ints
from sluis.keys import Key

KEY = Key(bytes(range(32)))
HIGH_KEY = Key(bytes([0xFF, 0x80, 0x00, 0x13] * 8))  # not valid UTF-8 as raw bytes


def test_prf_is_hmac_sha256_keyed_with_the_key_text() -> None:
    for key in (KEY, HIGH_KEY):
        for data in (b"", b"abc", bytes(200)):
            expected = hmac.digest(key.to_text().encode("ascii"), data, hashlib.sha256)
            assert prf(key, data) == expected
            assert Prf(key).digest(data) == expected


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.binary(max_size=80), min_size=1, max_size=40),
    st.sampled_from([1, 2, 7, 31_623, 2**32 - 1, 2**32, 2**32 + 1, 10**12, 2**63]),
)
def test_vectorized_path_equals_scalar_path(data: list[bytes], modulus: int) -> None:
    function = Prf(HIGH_KEY)
    # Short arrays are hashed one by one; padded past _FEW they take the polars kernel.
    for messages in (data, data + [i.to_bytes(2, "big") for i in range(_FEW)]):
        array = pa.array(messages, pa.binary())
        assert function.hex_array(array).to_pylist() == [function.digest(d).hex() for d in messages]
        assert function.integer_array(array, modulus).to_pylist() == [
            function.integer(d, modulus) for d in messages
        ]


@given(st.lists(st.integers(-(2**63), 2**63 - 1), max_size=20), st.binary(max_size=3))
def test_int_messages_are_context_and_little_endian_bytes(
    values: list[int], context: bytes
) -> None:
    out = int_messages(pa.array(values, pa.int64()), context).to_pylist()
    assert out == [context + v.to_bytes(8, "little", signed=True) for v in values]


def test_prf_ints_per_value_with_nulls_and_chunks() -> None:
    values = pa.chunked_array([["a", "b", None], ["a"]])
    out = prf_ints(KEY, values, 1000).to_pylist()
    assert out[0] == out[3] and out[2] is None
    assert all(0 <= v < 1000 for v in out if v is not None)
    assert (
        prf_ints(Key.generate(), values, 2**62).to_pylist()
        != prf_ints(KEY, values, 2**62).to_pylist()
    )


def test_prf_hex_and_map_distinct() -> None:
    out = prf_hex(KEY, pa.array(["x", None, "x"]), 10).to_pylist()
    assert out[0] == out[2] and len(out[0]) == 10 and out[1] is None
    calls: list[str] = []

    def upper(v: str) -> str:
        calls.append(v)
        return v.upper()

    result = map_distinct(pa.array(["a", "b", "a", None, "b"]), upper, pa.string())
    assert result.to_pylist() == ["A", "B", "A", None, "B"]
    assert sorted(calls) == ["a", "b"]  # each distinct value once


@settings(max_examples=20, deadline=None)
@given(st.lists(st.text(max_size=20), min_size=1, max_size=5), st.integers(0, 1))
def test_text_messages_hash_their_utf8_bytes(texts: list[str], padded: int) -> None:
    function = Prf(KEY)
    texts = texts + [f"filler {i}" for i in range(_FEW * padded)]
    array = pa.array(texts, pa.string())
    assert function.hex_array(array).to_pylist() == [
        function.digest(t.encode("utf-8")).hex() for t in texts
    ]
    assert function.integer_array(array, 97).to_pylist() == [
        function.integer(t.encode("utf-8"), 97) for t in texts
    ]
