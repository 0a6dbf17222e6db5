"""The value lists shipped with the operators (``data/*.txt``), read once per process."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from sluis.discover import lexicon

_WORD_BREAKS = re.compile(r"[\s\-]+")
# Words a fake may share with its original: particles and titles say nothing about a person.
_SHARED_OK = frozenset({"van", "de", "der", "den", "het", "'t", "ter", "ten", "te", "in", "op",
                        "el", "al", "la", "le", "du", "da", "di", "dos", "von"})  # fmt: skip


@cache
def values(name: str) -> tuple[str, ...]:
    """The non-empty lines of ``data/<name>.txt``; a name list without the names that are
    also common words ("Beste", "Lieve", "Bos"): a fake "Beste" would turn every "Beste …,"
    of a letter into a name, for the finder and the verifier."""
    text = resources.files(__package__).joinpath("data", f"{name}.txt").read_text("utf-8")
    lines = (line.strip() for line in text.splitlines())
    if name.startswith(_NAME_LISTS):
        words = lexicon.stopwords()
        return tuple(line for line in lines if line and line.lower() not in words)
    return tuple(line for line in lines if line)


_NAME_LISTS = ("first_names", "last_names")


@cache
def lowered(name: str) -> frozenset[str]:
    """The lower-cased values of a list, for membership tests."""
    return frozenset(v.lower() for v in values(name))


@cache
def postcode_cities() -> tuple[tuple[int, int, str], ...]:
    """``(first, last, city)`` postcode-digit ranges of some Dutch cities."""
    rows = []
    for line in values("postcode_cities"):
        first, last, city = line.split(" ", 2)
        rows.append((int(first), int(last), city))
    return tuple(rows)


@cache
def joined(*names: str) -> tuple[str, ...]:
    """Several lists after one another (cached, so hot loops do not concatenate)."""
    return tuple(v for name in names for v in values(name))


def _words(text: str) -> frozenset[str]:
    return frozenset(_WORD_BREAKS.split(text.lower())) - _SHARED_OK - {""}


def other_than(original: str, pool: tuple[str, ...], index: int) -> str:
    """``pool[index]``, or the next value after it that shares no word with ``original``
    (``Anna`` never becomes ``Anna Maria``, ``Kerkstraat`` never ``Korte Kerkstraat``):
    the verifier counts an original word left in its own row as a leak."""
    words = _words(original)
    for step in range(len(pool)):
        candidate = pool[(index + step) % len(pool)]
        if not words & _words(candidate):
            return candidate
    raise ValueError("every value of the list shares a word with the original")
