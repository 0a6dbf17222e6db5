"""AGB code: the eight-digit number of a care provider in Vektis's register (a doctor,
psychologist or practice), in text only after an AGB word: eight digits also write dates,
KvK numbers and phone fragments."""

from __future__ import annotations

from sluis.discover.detectors._common import DigitsWithContext, words_pattern

_KEYWORDS = words_pattern(["agb", "agb-?code", "agb-?nummer", "agb-?nr\\.?"])

DETECTOR = DigitsWithContext("agb", "id.professional_number", 8, _KEYWORDS, ("agb",))
