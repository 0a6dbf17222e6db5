"""KvK-nummer: the eight-digit Business Register number (a sequence number, no check digit).

For a sole trader (eenmanszaak) the register entry is personal data. Eight digits also
write dates (``12032024``), AGB codes and phone fragments, hence ``needs_context``:
``find`` reports a number only with a KvK word nearby.
"""

from __future__ import annotations

from sluis.discover.detectors._common import DigitsWithContext, words_pattern

_KEYWORDS = words_pattern(
    [
        "kvk",
        "kvk-?nummer",
        "kvk-?nr\\.?",
        "kamer van koophandel",
        "handelsregister",
        "chamber of commerce",
    ]
)

_GATE = ("kvk", "kamer van koophandel", "handelsregister", "chamber of commerce")

DETECTOR = DigitsWithContext("kvk", "id.kvk", 8, _KEYWORDS, _GATE)
