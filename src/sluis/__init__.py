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
    "HandoverResult": "sluis.handover",
    "Key": "sluis.keys",
    "PrivacyMap": "sluis.model.privacy_map",
    "RunOptions": "sluis.handover",
    "ScanOptions": "sluis.discover.scanner",
    "SluisError": "sluis.errors",
    "TableFinding": "sluis.model.privacy_map",
    "VerificationReport": "sluis.verify",
    "hand_over": "sluis.handover",
    "open_source": "sluis.sources",
    "parse_policy": "sluis.model.policy_file",
    "scan": "sluis.discover.scanner",
    "verify": "sluis.verify",
}

__all__ = [
    "CATEGORIES",
    "Category",
    "ColumnFinding",
    "HandoverResult",
    "Key",
    "PrivacyMap",
    "RunOptions",
    "ScanOptions",
    "SluisError",
    "TableFinding",
    "VerificationReport",
    "__version__",
    "hand_over",
    "open_source",
    "parse_policy",
    "scan",
    "verify",
]

if TYPE_CHECKING:
    from sluis.discover.scanner import ScanOptions, scan
    from sluis.errors import SluisError
    from sluis.handover import HandoverResult, RunOptions, hand_over
    from sluis.keys import Key
    from sluis.model.categories import CATEGORIES, Category
    from sluis.model.policy_file import parse_policy
    from sluis.model.privacy_map import ColumnFinding, PrivacyMap, TableFinding
    from sluis.sources import open_source
    from sluis.verify import VerificationReport, verify


def __getattr__(name: str) -> object:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'sluis' has no attribute {name!r}")
