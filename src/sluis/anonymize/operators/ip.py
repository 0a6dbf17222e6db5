"""IP addresses replaced by valid addresses of the same family and notation.

IPv4 addresses are mapped by a keyed permutation of the whole 32-bit space (a derangement:
no address maps to itself), so distinct addresses stay distinct and every output is a
well-formed dotted quad. IPv6 addresses get 128 keyed bits (collisions are negligible).
A network's prefix length stays ("10.0.0.0/8"). Text that is no IP address is replaced by a
keyed IPv4 address.
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
        texts, masks = zip(*map(_mask_apart, distinct.cast(pa.string()).to_pylist()), strict=True)
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
        for text, address, mask in zip(texts, parsed, masks, strict=True):
            if isinstance(address, ipaddress.IPv6Address):
                bits = int.from_bytes(prf.digest(b"v6/" + text.encode())[:16], "big")
                fake: ipaddress.IPv4Address | ipaddress.IPv6Address = ipaddress.IPv6Address(bits)
            else:
                fake = ipaddress.IPv4Address(next(mapped))
            out.append(_masked(fake, mask, _is_network(text + mask)))
        return pa.array(out, pa.string())

    result = per_distinct(array.cast(pa.string()) if not is_text(original) else array, transform)
    return result.cast(original) if is_text(original) else result


def _mask_apart(text: str) -> tuple[str, str]:
    """The address and its "/prefix" ("" when it has none)."""
    address, slash, length = text.strip().partition("/")
    return (address, slash + length) if slash and length.isdigit() else (text, "")


def _is_network(text: str) -> bool:
    """A network written with its prefix, no host bits set ("10.0.0.0/8", a ``cidr``)."""
    try:
        ipaddress.ip_network(text)
    except ValueError:
        return False
    return "/" in text


def _masked(fake: ipaddress.IPv4Address | ipaddress.IPv6Address, mask: str, network: bool) -> str:
    """The fake with the original's prefix; a network's without host bits."""
    if network:
        return str(ipaddress.ip_network(f"{fake}{mask}", strict=False))
    return f"{fake}{mask}"


def _parse(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None
