"""The DPIA register: each processing activity's data protection impact assessment
(GDPR Art. 35) with its date and status, and what must be reviewed.

The register keeps its own small table of processing activities and their current
version (:func:`set_activity_version`; the processing-activities register may call it
whenever an activity changes). A DPIA assesses one version of one activity. It is
*outdated*, automatically, as soon as the activity's current version differs from the
version it assessed; ``outdated`` is therefore never stored, only derived. Stored statuses
are ``draft`` and ``approved``; a draft becomes approved with :func:`approve_dpia`.

:func:`dpia_due` lists what must be reviewed: activities without a DPIA, activities whose
latest DPIA is outdated, still a draft, or past its review date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sluis.errors import InputError
from sluis.registers.changes import ChangeRecorder
from sluis.registers.disclosure import UnknownRecordError, now_or
from sluis.registers.store import RegisterStore, to_text

REGISTER = "dpia"

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS dpia_activity (
        activity_id TEXT PRIMARY KEY,
        version TEXT NOT NULL,
        changed_at TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS dpia_assessment (
        id {serial},
        activity_id TEXT NOT NULL REFERENCES dpia_activity (activity_id),
        activity_version TEXT NOT NULL,
        assessed_on TEXT NOT NULL,
        status TEXT NOT NULL,
        reference TEXT NOT NULL,
        review_by TEXT,
        recorded_at TEXT NOT NULL)""",
)


class DpiaStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    OUTDATED = "outdated"  # derived: the activity's version changed after the DPIA


class DueReason(StrEnum):
    MISSING = "no DPIA"
    OUTDATED = "outdated"
    DRAFT = "draft not approved"
    REVIEW_DATE = "review date passed"


@dataclass(frozen=True)
class Activity:
    activity_id: str
    version: str
    changed_at: datetime


@dataclass(frozen=True)
class Dpia:
    """A DPIA as stored, with ``status`` already derived (``outdated`` when the activity's
    version is no longer ``activity_version``)."""

    id: int
    activity_id: str
    activity_version: str
    assessed_on: date
    status: DpiaStatus
    reference: str
    review_by: date | None


@dataclass(frozen=True)
class DueItem:
    """One activity whose DPIA must be made or reviewed, and why."""

    activity_id: str
    reason: DueReason
    dpia_id: int | None
    detail: str


def ensure_schema(store: RegisterStore) -> None:
    """Create the DPIA register's tables when missing."""
    store.ensure_schema(_SCHEMA)


def set_activity_version(
    store: RegisterStore,
    activity_id: str,
    version: str,
    *,
    recorder: ChangeRecorder | None = None,
    now: datetime | None = None,
) -> bool:
    """Register ``activity_id`` or change its current version; returns whether anything
    changed (setting the current version again is a no-op and records nothing)."""
    ensure_schema(store)
    if not activity_id.strip() or not version.strip():
        raise InputError("an activity needs an id and a version")
    with store.transaction():
        rows = store.execute(
            "SELECT version FROM dpia_activity WHERE activity_id = ?", (activity_id,)
        )
        if rows and rows[0][0] == version:
            return False
        when = to_text(now_or(now))
        if rows:
            store.execute(
                "UPDATE dpia_activity SET version = ?, changed_at = ? WHERE activity_id = ?",
                (version, when, activity_id),
            )
        else:
            store.execute(
                "INSERT INTO dpia_activity (activity_id, version, changed_at) VALUES (?, ?, ?)",
                (activity_id, version, when),
            )
        if recorder is not None:
            recorder.record_change(
                register=REGISTER,
                action="activity-version",
                activity_id=activity_id,
                subject_ids=(),
            )
    return True


def list_activities(store: RegisterStore) -> list[Activity]:
    """Every registered activity with its current version, by id."""
    ensure_schema(store)
    rows = store.execute(
        "SELECT activity_id, version, changed_at FROM dpia_activity ORDER BY activity_id"
    )
    return [Activity(r[0], r[1], datetime.fromisoformat(r[2])) for r in rows]


def record_dpia(
    store: RegisterStore,
    *,
    activity_id: str,
    assessed_on: date,
    status: DpiaStatus = DpiaStatus.DRAFT,
    reference: str = "",
    version: str | None = None,
    review_by: date | None = None,
    recorder: ChangeRecorder | None = None,
    now: datetime | None = None,
) -> Dpia:
    """Record a DPIA of ``version`` of the activity (default: its current version).

    An activity not yet registered is registered with ``version``; without a version
    that is an :class:`InputError`. ``status`` cannot be ``outdated`` (that is derived).
    """
    ensure_schema(store)
    if status is DpiaStatus.OUTDATED:
        raise InputError("'outdated' is derived from the activity's version, not recorded")
    with store.transaction():
        current = _current_version(store, activity_id)
        if version is None:
            if current is None:
                raise InputError(
                    f"activity {activity_id} has no version yet: pass a version or set one "
                    "with 'sluis dpia activity set-version'"
                )
            version = current
        elif current is None:
            set_activity_version(store, activity_id, version, recorder=recorder, now=now)
        dpia_id = store.insert_returning_id(
            "INSERT INTO dpia_assessment (activity_id, activity_version, assessed_on, status, "
            "reference, review_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                activity_id,
                version,
                assessed_on.isoformat(),
                status.value,
                reference,
                review_by.isoformat() if review_by is not None else None,
                to_text(now_or(now)),
            ),
        )
        if recorder is not None:
            recorder.record_change(
                register=REGISTER, action="record", activity_id=activity_id, subject_ids=()
            )
    return get_dpia(store, dpia_id)


def approve_dpia(
    store: RegisterStore,
    dpia_id: int,
    *,
    recorder: ChangeRecorder | None = None,
) -> Dpia:
    """Approve a draft; approving an approved or outdated DPIA is an :class:`InputError`."""
    with store.transaction():
        dpia = get_dpia(store, dpia_id)
        if dpia.status is not DpiaStatus.DRAFT:
            raise InputError(f"DPIA {dpia_id} is {dpia.status.value}; only a draft is approved")
        store.execute(
            "UPDATE dpia_assessment SET status = ? WHERE id = ?",
            (DpiaStatus.APPROVED.value, dpia_id),
        )
        if recorder is not None:
            recorder.record_change(
                register=REGISTER, action="approve", activity_id=dpia.activity_id, subject_ids=()
            )
    return get_dpia(store, dpia_id)


def get_dpia(store: RegisterStore, dpia_id: int) -> Dpia:
    """One DPIA with its derived status; an unknown id is an :class:`InputError`."""
    found = _dpias(store, " WHERE a.id = ?", (dpia_id,))
    if not found:
        raise UnknownRecordError(f"there is no DPIA {dpia_id}")
    return found[0]


def list_dpias(store: RegisterStore, *, activity_id: str | None = None) -> list[Dpia]:
    """Every DPIA, per activity oldest first (by date assessed, then id)."""
    if activity_id is None:
        return _dpias(store, "", ())
    return _dpias(store, " WHERE a.activity_id = ?", (activity_id,))


def dpia_due(store: RegisterStore, *, now: datetime | None = None) -> list[DueItem]:
    """What must be assessed or reviewed on ``now``'s day, by activity id; at most one
    item per activity, for its latest DPIA (by date assessed, then id)."""
    today = now_or(now).date()
    latest: dict[str, Dpia] = {}
    for dpia in list_dpias(store):
        latest[dpia.activity_id] = dpia
    items = []
    for activity in list_activities(store):
        found = latest.get(activity.activity_id)
        if found is None:
            items.append(
                DueItem(
                    activity.activity_id, DueReason.MISSING, None, f"version {activity.version}"
                )
            )
            continue
        dpia = found
        if dpia.status is DpiaStatus.OUTDATED:
            detail = f"assessed version {dpia.activity_version}, now {activity.version}"
            items.append(DueItem(activity.activity_id, DueReason.OUTDATED, dpia.id, detail))
        elif dpia.review_by is not None and dpia.review_by < today:
            detail = f"review was due {dpia.review_by.isoformat()}"
            items.append(DueItem(activity.activity_id, DueReason.REVIEW_DATE, dpia.id, detail))
        elif dpia.status is DpiaStatus.DRAFT:
            detail = f"assessed {dpia.assessed_on.isoformat()}"
            items.append(DueItem(activity.activity_id, DueReason.DRAFT, dpia.id, detail))
    return items


def _current_version(store: RegisterStore, activity_id: str) -> str | None:
    rows = store.execute("SELECT version FROM dpia_activity WHERE activity_id = ?", (activity_id,))
    return str(rows[0][0]) if rows else None


def _dpias(store: RegisterStore, where: str, params: tuple[object, ...]) -> list[Dpia]:
    ensure_schema(store)
    rows = store.execute(
        "SELECT a.id, a.activity_id, a.activity_version, a.assessed_on, a.status, a.reference, "
        "a.review_by, v.version FROM dpia_assessment a "
        f"JOIN dpia_activity v ON v.activity_id = a.activity_id{where} "
        "ORDER BY a.activity_id, a.assessed_on, a.id",
        params,
    )
    return [
        Dpia(
            id=int(r[0]),
            activity_id=r[1],
            activity_version=r[2],
            assessed_on=date.fromisoformat(r[3]),
            status=DpiaStatus.OUTDATED if r[7] != r[2] else DpiaStatus(r[4]),
            reference=r[5],
            review_by=date.fromisoformat(r[6]) if r[6] is not None else None,
        )
        for r in rows
    ]
