"""IP addresses stay valid, distinct, and never themselves."""

from __future__ import annotations

import ipaddress

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sluis.anonymize.operators.ip import ip
from sluis.keys import Key

KEY = Key(bytes(range(32)))


@settings(max_examples=30, deadline=None)
@given(st.lists(st.ip_addresses(), min_size=1, max_size=50, unique=True))
def test_addresses_stay_valid_distinct_and_replaced(addresses: list[object]) -> None:
    texts = [str(a) for a in addresses]
    out = ip(pa.array(texts), KEY).to_pylist()
    for before, after in zip(texts, out, strict=True):
        assert after is not None and after != before
        assert ipaddress.ip_address(after).version == ipaddress.ip_address(before).version
    v4 = [a for a, b in zip(out, texts, strict=True) if ipaddress.ip_address(b).version == 4]
    assert len(set(v4)) == len(v4)


def test_deterministic_per_key_and_nulls_stay() -> None:
    values = pa.array(["192.168.1.10", None, "2001:db8::1"])
    assert ip(values, KEY).equals(ip(values, KEY))
    assert ip(values, KEY).to_pylist()[1] is None
    assert ip(values, Key(bytes(32))).to_pylist() != ip(values, KEY).to_pylist()


@pytest.mark.parametrize(
    ("value", "prefix", "network"),
    [
        ("10.20.12.165/32", 32, True),
        ("10.0.0.0/8", 8, True),
        ("192.168.1.5/24", 24, False),
        ("2001:db8::/48", 48, True),
    ],
)
def test_a_prefix_length_stays(value: str, prefix: int, network: bool) -> None:
    (out,) = ip(pa.array([value]), KEY).to_pylist()
    interface = ipaddress.ip_interface(out)
    assert interface.network.prefixlen == prefix
    assert str(interface.ip) != value.split("/")[0]
    assert (str(ipaddress.ip_network(out, strict=False)) == out) is network
