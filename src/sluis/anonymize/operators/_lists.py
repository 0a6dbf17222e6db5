"""The value lists shipped with the operators (``data/*.txt``), read once per process."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def values(name: str) -> tuple[str, ...]:
    """The non-empty lines of ``data/<name>.txt``."""
    text = resources.files(__package__).joinpath("data", f"{name}.txt").read_text("utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip())


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
