from __future__ import annotations

import hashlib
import hmac

import pyarrow as pa

from sluis.keys import Key
from sluis.anonymize.prf import Prf, map_distinct, prf, prf_hex, prf_ints

KEY = Key(bytes(range(32)))


def test_prf_is_hmac_sha256() -> None:
    for data in (b"", b"abc", bytes(200)):
        assert prf(KEY, data) == hmac.digest(KEY.material, data, hashlib.sha256)
        assert Prf(KEY).digest(data) == prf(KEY, data)


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
