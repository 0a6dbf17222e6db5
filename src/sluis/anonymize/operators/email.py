"""Fake e-mail addresses on a reserved domain, unique per original address.

``jan.jansen@gemeente.nl`` becomes ``<fake first name>.<token>@example.org``: the first name
is the keyed fake of the local part's first word (consistent with the name operators), the
token is 13 base-32 characters (65 bits) of HMAC over the lower-cased original. Addresses
differing only in case map alike. Distinct originals collide only with probability about
``n**2 / 2**66`` for ``n`` addresses (1e-5 for ten million). The default domain is reserved by
RFC 2606 and never delivers mail; ``invalid`` (RFC 6761) is another choice.
"""

from __future__ import annotations

import re
import unicodedata

import pyarrow as pa

from sluis.anonymize.operators._arrow import map_text
from sluis.anonymize.operators.names import NameFaker
from sluis.anonymize.prf import Prf
from sluis.keys import Key

PURPOSE = "contact.email"
_WORD = re.compile(r"[A-Za-zÀ-ÿ]{2,}")


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z]", "", folded.lower()) or "x"


def email(values: pa.Array | pa.ChunkedArray, key: Key, *, domain: str = "example.org") -> pa.Array:
    """Replace e-mail addresses (or any text) by unique fake addresses on ``domain``."""
    prf = Prf(key.derive(PURPOSE))
    names = NameFaker(key)
    firsts: dict[str, str] = {}  # fake first name per distinct first word

    def fake(text: str) -> str:
        normal = text.strip().lower()
        token = prf.digest(normal.encode("utf-8"))[:8].hex()
        match = _WORD.search(normal.partition("@")[0])
        word = match.group(0) if match else ""
        first = firsts.get(word)
        if first is None:
            first = firsts[word] = _ascii(names.first(word)) if word else "user"
        return f"{first}.{token}@{domain}"

    return map_text(values, fake)
