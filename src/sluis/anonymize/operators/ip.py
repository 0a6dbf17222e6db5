"""IP addresses replaced by valid addresses of the same family and notation.

IPv4 addresses are mapped by a keyed permutation of the whole 32-bit space (a derangement:
no address maps to itself), so distinct addresses stay distinct and every output is a
well-formed dotted quad. IPv6 addresses get 128 keyed bits (collisions are negligible).
Text that is no IP address is replaced by a keyed IPv4 address.
"""

from __future__ import annotations

import ipaddress

import pyarrow as pa

from sluis.anonymize.operators._arrow import as_array, is_text, per_distinct, permutation
from sluis.anonymize.prf import Prf
from sluis.keys import Key

PURPOSE = "network.ip"
_IPV4 = 2**32


def ip(values: pa.Array | pa.ChunkedArray, key: Key) -> pa.Array:
    """Keyed replacement IP addresses (see the module docstring)."""
    array = as_array(values)
    original = array.type
    sub = key.derive(PURPOSE)
    prf = Prf(sub)

    def transform(distinct: pa.Array) -> pa.Array:
        texts = distinct.cast(pa.string()).to_pylist()
        parsed = [_parse(t) for t in texts]
        v4 = [
            int(a)
            if isinstance(a, ipaddress.IPv4Address)
            else int.from_bytes(prf.digest(t.encode())[:4], "big")
            for t, a in zip(texts, parsed, strict=True)
            if not isinstance(a, ipaddress.IPv6Address)
        ]
        mapped = iter(
            permutation(sub, "v4", _IPV4).derange(pa.array(v4, pa.int64())).to_pylist()
            if v4
            else []
        )
        out = []
        for text, address in zip(texts, parsed, strict=True):
            if isinstance(address, ipaddress.IPv6Address):
                bits = int.from_bytes(prf.digest(b"v6/" + text.encode())[:16], "big")
                out.append(str(ipaddress.IPv6Address(bits)))
            else:
                out.append(str(ipaddress.IPv4Address(next(mapped))))
        return pa.array(out, pa.string())

    result = per_distinct(array.cast(pa.string()) if not is_text(original) else array, transform)
    return result.cast(original) if is_text(original) else result


def _parse(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None
