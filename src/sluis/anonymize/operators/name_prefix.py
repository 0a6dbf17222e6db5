"""Surname prefixes (tussenvoegsels) replaced by other common prefixes.

A prefix identifies no one alone, but it is part of the name, so the copy does not keep
it. Each prefix maps to another from the list below by a keyed choice (never itself),
keeping the case style; an empty cell stays empty, as most people have no prefix.
"""

from __future__ import annotations

import pyarrow as pa

from sluis.anonymize.operators._arrow import as_array, map_text
from sluis.anonymize.operators._case import style
from sluis.anonymize.prf import Prf
from sluis.keys import Key

PURPOSE = "person.name_prefix"
PREFIXES = (
    "van", "de", "van de", "van der", "van den", "den", "der", "ter", "ten", "te",
    "van 't", "in 't", "op de", "van het", "el", "al", "ben", "da", "dos", "le",
)  # fmt: skip


def name_prefix(values: pa.Array | pa.ChunkedArray, key: Key) -> pa.Array:
    """Keyed replacement prefixes (see the module docstring)."""
    prf = Prf(key.derive(PURPOSE))

    def replace(text: str) -> str:
        plain = " ".join(text.split()).casefold()
        if not plain:
            return text
        others = [p for p in PREFIXES if p != plain]
        return style(text, others[prf.integer(plain.encode(), len(others))])

    return map_text(as_array(values), replace)
