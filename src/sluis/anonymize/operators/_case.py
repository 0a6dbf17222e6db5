"""Keep the case style of an original text when writing its fake."""

from __future__ import annotations


def style(original: str, fake: str) -> str:
    """``fake`` in the case style of ``original``: UPPER, lower or as listed."""
    letters = [ch for ch in original if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return fake.upper()
    if letters and all(ch.islower() for ch in letters):
        return fake.lower()
    return fake
