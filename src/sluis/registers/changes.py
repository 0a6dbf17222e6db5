"""How a register reports its own changes to the processing log.

Every change to a register (a disclosure recorded, a breach notified, records destroyed)
is itself a processing of personal data and must be written to the processing log when
one is configured. Registers depend only on this protocol, not on the log's storage.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class ChangeRecorder(Protocol):
    """Receives one call per register change; implementations must be durable on return."""

    def record_change(
        self,
        *,
        register: str,
        action: str,
        activity_id: str,
        subject_ids: Sequence[str],
    ) -> None:
        """``register``: e.g. ``"breach"``; ``action``: e.g. ``"notify"``; ``activity_id``:
        the processing activity's URI; ``subject_ids``: keyed pseudonymous ids (never raw
        identifiers) of the persons whose data the change concerns, possibly none."""
