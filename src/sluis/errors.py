"""One exception tree for all of Sluis.

Every error carries a stable ``code`` and a message that names tables, columns, files
and fixes, never a value from the data::

    SluisError                 (exit 2 unless said otherwise)
    ├── InputError             bad input from the user: URL, file, option
    │   ├── SourceUrlError     a source URL Sluis cannot interpret
    │   ├── MissingTableError  a table named by the user is not in the source
    │   └── PolicyError        a policy file that is malformed or does not fit the source
    ├── SourceError            a source that cannot be reached or read
    └── VerificationError     a copy that failed verification (exit 1); nothing published
"""

from __future__ import annotations


class SluisError(Exception):
    """Base of every error Sluis raises on purpose."""

    code = "SLUIS-000"
    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


class InputError(SluisError):
    """The user gave input Sluis cannot use."""

    code = "SLUIS-100"


class SourceUrlError(InputError):
    """A source URL with an unknown scheme or shape."""

    code = "SLUIS-101"


class MissingTableError(InputError):
    """A table that the user named does not exist in the source."""

    code = "SLUIS-102"


class PolicyError(InputError):
    """A policy that cannot be read, is malformed, or does not fit the source."""

    code = "SLUIS-103"


class SourceError(SluisError):
    """A source that cannot be reached, opened or read."""

    code = "SLUIS-200"


class VerificationError(SluisError):
    """A copy failed independent verification; it was not published.

    ``report`` holds the verification report (names and counts only).
    """

    code = "SLUIS-300"
    exit_code = 1

    def __init__(self, message: str, report: object) -> None:
        super().__init__(message)
        self.report = report
