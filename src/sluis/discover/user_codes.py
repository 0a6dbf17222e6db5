"""User codes: the account names of employees ("WLAGERWEY", "j.vos", "A.DGRAAF", "K.VVUGT1").

An organization makes them from a person's initials, an abbreviated particle and the surname,
so a column of them names its people as a column of names does. A code is read as initials
(one to three letters), maybe an abbreviated particle, and a known surname; a column is one
of user codes when nearly every value has the shape and enough spell a known surname.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sluis.discover.detectors._names import is_known_last
from sluis.discover.lexicon import normalize

# Initials, maybe a dot or underscore, the rest, maybe a number ("W.JANSSEN1").
_SHAPE = re.compile(r"([a-z]{1,3})([._]?)([a-z]{2,})\d{0,3}")
# Particles as user codes shorten them: "JVBERG" (J. van Berg), "A.DGRAAF" (A. de Graaf).
_PARTICLES = ("vander", "vanden", "vande", "van", "vdr", "vd", "v", "den", "der", "de", "d",
              "ter", "ten", "te", "t")  # fmt: skip
_MIN_SURNAME = 4
# After a dot or underscore the surname stands apart: "t.vos", "x.wu" are as clear.
_MIN_SEPARATED = 2
# Distinct values a column needs, the share of them in the shape, and the share spelling a
# known surname (the lexicon knows most surnames, not all).
MIN_DISTINCT, SHAPED, KNOWN = 5, 0.9, 0.4


def _shaped(value: str) -> re.Match[str] | None:
    """Initials and the rest, in one case, accents folded ("ł.kowalski"); written together,
    four letters at least ("lvos")."""
    if not (value.islower() or value.isupper()):
        return None
    match = _SHAPE.fullmatch(normalize(value))
    if match is None or (not match.group(2) and len(match.group(1) + match.group(3)) < 4):
        return None
    return match


def spells_surname(value: str) -> bool:
    """Whether ``value`` reads as initials, maybe a particle, and a known surname."""
    match = _shaped(value)
    if match is None:
        return False
    if match.group(2):
        rest = match.group(3)
        return _surname(rest, _MIN_SEPARATED) or _glued(match.group(1) + rest)
    return _glued(match.group(1) + match.group(3))


def _glued(letters: str) -> bool:
    """Initials and a surname written together ("wlagerwey", "jvberg")."""
    cuts = range(1, min(3, len(letters) - _MIN_SURNAME) + 1)
    return any(_surname(letters[cut:], _MIN_SURNAME) for cut in cuts)


def _surname(rest: str, least: int) -> bool:
    """Whether ``rest`` is a known surname of ``least`` letters or more, maybe after an
    abbreviated particle."""
    return any(
        rest.startswith(particle)
        and len(rest) - len(particle) >= least
        and is_known_last(rest[len(particle) :])
        for particle in ("", *_PARTICLES)
    )


def share(values: Iterable[str]) -> float:
    """The share of distinct ``values`` that spell a surname, when the column reads as user
    codes (see the module docstring); else 0."""
    distinct = {v.strip() for v in values if v and v.strip()}
    if len(distinct) < MIN_DISTINCT:
        return 0.0
    if sum(1 for v in distinct if _shaped(v)) < SHAPED * len(distinct):
        return 0.0
    known = sum(1 for v in distinct if spells_surname(v)) / len(distinct)
    return known if known >= KNOWN else 0.0
