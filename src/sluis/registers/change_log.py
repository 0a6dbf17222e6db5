"""Register changes in the processing log, under processing activities the log knows.

Every change to a register (a delivery recorded, a recall, rows hidden or erased, a DPIA
recorded, a breach notified) is a processing of personal data and is written to the
processing log as one record per person (``<register>.<action>``, e.g.
``disclosure.record``). Which activity a record names:

* the activity the change concerns (a delivery's, a retention rule's), which must be in
  the log's register of processing activities already: otherwise
  :class:`~sluis.registers.processing_log.UnknownActivityError`, and the register change,
  which calls the recorder inside its own transaction, is undone;
* the register's own activity (``urn:sluis:activity:<register>-register``) when the change
  concerns none (a hold on every delivery, a notice acknowledged). Sluis's own activities
  (``urn:sluis:activity:…``) are added to the log's register on first use.
"""

from __future__ import annotations

from collections.abc import Sequence

from sluis.registers.processing_log import (
    LogChangeRecorder,
    ProcessingLog,
    UnknownActivityError,
)

OWN_ACTIVITY_PREFIX = "urn:sluis:activity:"

# name and purpose of each register's own processing activity, as the log registers them
_OWN: dict[str, tuple[str, str]] = {
    "breach": (
        "Breach register",
        "Register personal data breaches; notify the AP and affected persons (GDPR Art. 33, 34)",
    ),
    "disclosure": (
        "Disclosure ledger",
        "Record who received whose personal data, and recall it (GDPR Art. 19 and 30)",
    ),
    "retention": (
        "Retention",
        "Restrict and erase personal data past its retention period (GDPR Art. 5(1)(e), 17)",
    ),
    "dpia": (
        "DPIA register",
        "Keep the data protection impact assessment of each processing activity (GDPR Art. 35)",
    ),
}


def own_activity(register: str) -> str:
    """The URI of the processing activity of keeping ``register`` itself."""
    return f"{OWN_ACTIVITY_PREFIX}{register}-register"


class RegisterChangeLog:
    """:class:`~sluis.registers.changes.ChangeRecorder` writing to ``log`` (see the module
    docstring for the activity a record names)."""

    def __init__(self, log: ProcessingLog) -> None:
        self._log = log
        self._recorder = LogChangeRecorder(log)
        self._known: set[str] = set()

    def record_change(
        self,
        *,
        register: str,
        action: str,
        activity_id: str,
        subject_ids: Sequence[str],
    ) -> None:
        uri = activity_id or own_activity(register)
        if uri.startswith(OWN_ACTIVITY_PREFIX):
            self._ensure_own(uri, register)
        try:
            self._recorder.record_change(
                register=register, action=action, activity_id=uri, subject_ids=subject_ids
            )
        except UnknownActivityError:
            raise UnknownActivityError(
                f"the {register} change concerns processing activity {uri}, which is not in the "
                "processing log's register; add it with 'sluis log register'; nothing was changed"
            ) from None

    def _ensure_own(self, uri: str, register: str) -> None:
        if uri in self._known:
            return
        if uri not in {a.uri for a in self._log.activities()}:
            name, purpose = _OWN.get(register, (f"{register} register", f"Keep the {register}"))
            self._log.register_activity(uri, name, purpose)
        self._known.add(uri)
