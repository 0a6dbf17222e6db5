"""A fake that spells another name of the same text, and a fresh one that does not.

Names are faked one by one, so the fake of one person can be the name of another person
in the same note or document ("Katarzyna" for the partner of a Katarzyna, "… van Leeuwen"
beside a Van Leeuwen, "Annamaria" beside an Anna Maria). The copy would then hold that
person's name where the source held it, which is a leak in all but origin.
"""

from __future__ import annotations

import re

import pyarrow as pa

from sluis.anonymize.operators.dispatch import OPERATORS
from sluis.keys import Key

_WORD = re.compile(r"[^\W_]+")
_MIN_WORD = 3
_MAX_RUN = 4
# Fresh draws before a clashing name becomes a tag.
_REDRAWS = 3


def words(text: str) -> list[str]:
    """The case-folded words of ``text``."""
    return _WORD.findall(text.casefold())


def pieces(fake: str) -> list[str]:
    """Two or more of the fake's words in a row, written together, and a lone word of at
    least :data:`_MIN_WORD` letters, case-folded."""
    found = words(fake)
    runs = ["".join(found[i:j]) for i in range(len(found)) for j in range(i + 2, len(found) + 1)]
    if len(found) == 1 and len(found[0]) >= _MIN_WORD:
        runs.append(found[0])
    return runs


def word_runs(text_words: list[str]) -> frozenset[str]:
    """Runs of up to :data:`_MAX_RUN` of a text's :func:`words`, written together."""
    return frozenset(
        "".join(text_words[i:j])
        for i in range(len(text_words))
        for j in range(i + 1, i + _MAX_RUN + 1)
    )


def spells_another(fake: str, runs: frozenset[str]) -> bool:
    """A piece of the fake (see :func:`pieces`) reads as a run of words of the original
    text (``runs``, see :func:`word_runs`)."""
    return any(piece in runs for piece in pieces(fake))


def redrawn(category: str, original: str, key: Key, runs: frozenset[str]) -> str:
    """Another fake for ``original``, from a key derived for redrawing, that spells no
    name of the original text; the category's tag when none of a few draws does."""
    for n in range(1, _REDRAWS + 1):
        drawn = OPERATORS[category](pa.array([original], pa.string()), key.derive(f"redraw/{n}"))
        fake = drawn.cast(pa.string())[0].as_py()
        if fake is not None and not spells_another(fake, runs):
            return str(fake)
    return f"<{category}>"
