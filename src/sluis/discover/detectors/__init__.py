"""The built-in detectors, one module each; every module exports ``DETECTOR``."""

from __future__ import annotations

from functools import cache
from importlib import import_module

from sluis.discover.detectors.base import Detector, Span

# Order matters where two detectors match the same cell: checksum-validated first.
BUILTIN_MODULES: tuple[str, ...] = (
    "bsn",
    "iban",
    "email",
    "vat",
    "onderwijsnummer",
    "postcode",
    "phone",
    "ip",
    "birth_date",
    "kenteken",
    "passport",
    "v_number",
    "kvk",
    "agb",
    "rsin",
    "person_name",
    "first_name",
    "last_name",
    "street",
    "city",
    "gender",
    "nationality",
    "country",
)


@cache
def all_detectors() -> tuple[Detector, ...]:
    """Every built-in detector, in the order above."""
    return tuple(import_module(f"{__name__}.{name}").DETECTOR for name in BUILTIN_MODULES)


__all__ = ["BUILTIN_MODULES", "Detector", "Span", "all_detectors"]
