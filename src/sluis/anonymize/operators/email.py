"""Fake e-mail addresses on a reserved domain, unique per original address.

``jan.jansen@gemeente.nl`` becomes ``<fake first name>.<token>@example.org``: the first name
is the keyed fake of the local part's first word (consistent with the name operators; its
first ten letters), the token is 16 hex characters (64 bits) of HMAC over the trimmed,
lower-cased original. Addresses differing only in case map alike. Distinct originals collide
only with probability about ``n**2 / 2**65`` for ``n`` addresses (3e-6 for ten million). The
default domain is reserved by RFC 2606 and never delivers mail; ``invalid`` (RFC 6761) is
another choice.
"""

from __future__ import annotations

import re
import unicodedata

import pyarrow as pa
import pyarrow.compute as pc

from sluis.anonymize.operators._arrow import (
    as_array,
    map_text,
    per_distinct,
    remembered,
    restore_type,
)
from sluis.anonymize.operators.names import NameFaker
from sluis.anonymize.prf import Prf
from sluis.keys import Key

PURPOSE = "contact.email"
_WORD_GROUP = r"(?P<word>[A-Za-zÀ-ÿ]{2,})"
_FIRST_PART = 10


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z]", "", folded.lower()) or "x"


def email(values: pa.Array | pa.ChunkedArray, key: Key, *, domain: str = "example.org") -> pa.Array:
    """Replace e-mail addresses (or any text) by unique fake addresses on ``domain``."""
    prf = Prf(key.derive(PURPOSE))
    names = NameFaker(key)

    def first(word: str) -> str:
        return _ascii(names.first(word))

    def transform(distinct: pa.Array) -> pa.Array:
        normal = pc.utf8_lower(pc.utf8_trim_whitespace(distinct))
        token = pc.utf8_slice_codeunits(prf.hex_array(normal), 0, 16)
        local = pc.list_element(pc.split_pattern(normal, "@", max_splits=1), 0)
        word = pc.struct_field(pc.extract_regex(local, _WORD_GROUP), 0)
        firsts = pc.fill_null(map_text(word, first, remembered(key, "email/first")), "user")
        # At most _FIRST_PART letters: an address stays within 39 characters on the default
        # domain, so it fits the varchar(40) many systems give e-mail.
        firsts = pc.utf8_slice_codeunits(firsts, 0, _FIRST_PART)
        return pc.binary_join_element_wise(firsts, ".", token, f"@{domain}", "")

    return restore_type(per_distinct(as_array(values).cast(pa.string()), transform), pa.string())
