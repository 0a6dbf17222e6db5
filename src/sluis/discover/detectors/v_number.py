"""V-nummer (vreemdelingennummer): the ten-digit number of a foreign national in the
vreemdelingenketen, printed as ``V-NR.`` on residence permits.

No check digit is publicly documented, and ten-digit numbers are everywhere (mobiles without
separators, A-nummers, case numbers), hence ``needs_context``: ``find`` reports a number
only with a V-nummer word nearby.
"""

from __future__ import annotations

from sluis.discover.detectors._common import DigitsWithContext, words_pattern

_KEYWORDS = words_pattern(
    [
        "v-?nummer",
        "v-?nr\\.?",
        "vnr\\.?",
        "vreemdelingennummer",
        "vreemdelingen-nummer",
        "v-number",
    ]
)

_GATE = ("nummer", "nr", "number")  # in every keyword above

DETECTOR = DigitsWithContext("v_number", "id.v_number", 10, _KEYWORDS, _GATE)
