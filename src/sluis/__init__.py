"""Sluis: keeps citizens' personal data out of the places it must not reach, and proves it."""

from sluis.discover.scanner import ScanOptions, scan
from sluis.errors import SluisError
from sluis.model.categories import CATEGORIES, Category
from sluis.model.privacy_map import ColumnFinding, PrivacyMap, TableFinding
from sluis.sources import open_source

__version__ = "0.1.0"

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
