"""Sluis: keeps citizens' personal data out of the places it must not reach, and proves it.

The public API is what ``__all__`` lists; names are imported on first use so that
``import sluis`` stays cheap for the CLI and for code that needs one part only.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

__version__ = "0.1.0"

_EXPORTS = {
    "CATEGORIES": "sluis.model.categories",
    "Category": "sluis.model.categories",
    "ColumnFinding": "sluis.model.privacy_map",
    "PrivacyMap": "sluis.model.privacy_map",
    "ScanOptions": "sluis.discover.scanner",
    "SluisError": "sluis.errors",
    "TableFinding": "sluis.model.privacy_map",
    "open_source": "sluis.sources",
    "scan": "sluis.discover.scanner",
}

__all__ = [
    "CATEGORIES",
    "Category",
    "ColumnFinding",
    "PrivacyMap",
    "ScanOptions",
    "SluisError",
    "TableFinding",
    "__version__",
    "open_source",
    "scan",
]

if TYPE_CHECKING:
    from sluis.discover.scanner import ScanOptions, scan
    from sluis.errors import SluisError
    from sluis.model.categories import CATEGORIES, Category
    from sluis.model.privacy_map import ColumnFinding, PrivacyMap, TableFinding
    from sluis.sources import open_source


def __getattr__(name: str) -> object:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'sluis' has no attribute {name!r}")
