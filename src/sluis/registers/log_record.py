"""Processing-log records in the shape of the Dutch standard *Logboek Dataverwerkingen*.

A record is an OpenTelemetry span about one processing of one person's data (or of no
person's). Its wire form (JSON, one object per record)::

    {"trace_id": "<32 hex>", "span_id": "<16 hex>", "parent_span_id": "<16 hex>" | null,
     "name": "...", "start_time": "<ISO-8601 with zone>", "end_time": "...",
     "status": "unset" | "ok" | "error", "resource": {"service.name": "...", ...},
     "attributes": {"dpl.core.processing_activity_id": "<URI>",
                    "dpl.core.data_subject_id": "...", "dpl.core.data_subject_id_type": "...",
                    "dpl.core.foreign_operation.processor": "..."}}

One rule for subject ids: an id of any type (``"BSN"``, ...) is a *raw* identifier and is
pseudonymized with the log's key before anything is stored; the id type ``"pseudonym"``
marks a value that already is a keyed pseudonym (:func:`subject_pseudonym`). The stored
record carries the pseudonym, never the raw id. Unknown attributes are refused: a span
attribute is a place personal data would leak into. Errors name the record number and
field, never a value.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sluis.errors import InputError
from sluis.keys import Key
from sluis.registers.pseudonym import PSEUDONYM_HEX_DIGITS, normalise_subject_id
from sluis.registers.store import to_text

ACTIVITY = "dpl.core.processing_activity_id"
SUBJECT_ID = "dpl.core.data_subject_id"
SUBJECT_ID_TYPE = "dpl.core.data_subject_id_type"
PROCESSOR = "dpl.core.foreign_operation.processor"
ATTRIBUTES = (ACTIVITY, SUBJECT_ID, SUBJECT_ID_TYPE, PROCESSOR)
PSEUDONYM_TYPE = "pseudonym"

TRACE_ID = re.compile(r"[0-9a-f]{32}")
_SPAN_ID = re.compile(r"[0-9a-f]{16}")
_PSEUDONYM = re.compile(rf"[0-9a-f]{{{PSEUDONYM_HEX_DIGITS}}}")
_URI = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:\S+")
_FIELDS = frozenset(
    {
        "trace_id",
        "span_id",
        "parent_span_id",
        "name",
        "start_time",
        "end_time",
        "status",
        "resource",
        "attributes",
    }
)
MAX_TEXT = 500


class RecordError(InputError):
    """A malformed processing-log record; the batch it came in was not written."""

    code = "SLUIS-400"


Fail = Callable[[str, str], "RecordError"]
"""``(field, problem) ->`` the error to raise, naming where the record came from."""


class Status(StrEnum):
    UNSET = "unset"
    OK = "ok"
    ERROR = "error"


@dataclass(frozen=True)
class Subject:
    """The person a record is about: ``value`` is a raw identifier of type ``id_type``,
    or, when ``pseudonymized``, already the keyed pseudonym."""

    id_type: str
    value: str
    pseudonymized: bool = False

    def __repr__(self) -> str:
        return f"Subject(id_type={self.id_type!r}, value=<withheld>)"


@dataclass(frozen=True)
class LogEntry:
    """What a caller submits; missing trace and span ids are generated."""

    name: str
    activity_id: str
    start_time: datetime
    end_time: datetime
    subject: Subject | None = None
    trace_id: str | None = None
    span_id: str | None = None
    parent_span_id: str | None = None
    status: Status = Status.OK
    foreign_processor: str | None = None
    resource: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class LogRecord:
    """What the log stores: a span whose subject id is a pseudonym."""

    trace_id: str
    span_id: str
    parent_span_id: str | None
    name: str
    start_time: str
    end_time: str
    status: Status
    resource: tuple[tuple[str, str], ...]
    activity_id: str
    subject_id: str | None
    subject_id_type: str | None
    foreign_processor: str | None

    def to_json(self) -> dict[str, Any]:
        attributes: dict[str, str] = {ACTIVITY: self.activity_id}
        if self.subject_id is not None and self.subject_id_type is not None:
            attributes[SUBJECT_ID] = self.subject_id
            attributes[SUBJECT_ID_TYPE] = self.subject_id_type
        if self.foreign_processor is not None:
            attributes[PROCESSOR] = self.foreign_processor
        return {
            "trace_id": self.trace_id,
            "span_id": self.span_id,
            "parent_span_id": self.parent_span_id,
            "name": self.name,
            "start_time": self.start_time,
            "end_time": self.end_time,
            "status": str(self.status),
            "resource": dict(self.resource),
            "attributes": attributes,
        }

    def canonical(self) -> bytes:
        """The bytes the Merkle leaf hashes: sorted-key compact UTF-8 JSON."""
        return canonical_json(self.to_json())

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LogRecord:
        """A stored record back from its JSON (trusted: written by this module)."""
        attributes = data["attributes"]
        return cls(
            trace_id=data["trace_id"],
            span_id=data["span_id"],
            parent_span_id=data["parent_span_id"],
            name=data["name"],
            start_time=data["start_time"],
            end_time=data["end_time"],
            status=Status(data["status"]),
            resource=tuple(sorted(data["resource"].items())),
            activity_id=attributes[ACTIVITY],
            subject_id=attributes.get(SUBJECT_ID),
            subject_id_type=attributes.get(SUBJECT_ID_TYPE),
            foreign_processor=attributes.get(PROCESSOR),
        )


def canonical_json(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def new_trace_id() -> str:
    return secrets.token_hex(16)


def new_span_id() -> str:
    return secrets.token_hex(8)


def to_record(entry: LogEntry, key: Key, where: str = "record") -> LogRecord:
    """Check ``entry`` and pseudonymize its subject; :class:`RecordError` names ``where``."""

    def fail(field: str, problem: str) -> RecordError:
        return RecordError(f"{where}: {field} {problem}")

    trace_id = entry.trace_id or new_trace_id()
    span_id = entry.span_id or new_span_id()
    if not TRACE_ID.fullmatch(trace_id) or set(trace_id) == {"0"}:
        raise fail("trace_id", "must be 32 lower-case hex digits, not all zero")
    if not _SPAN_ID.fullmatch(span_id) or set(span_id) == {"0"}:
        raise fail("span_id", "must be 16 lower-case hex digits, not all zero")
    if entry.parent_span_id is not None and not _SPAN_ID.fullmatch(entry.parent_span_id):
        raise fail("parent_span_id", "must be 16 lower-case hex digits or null")
    _check_text(entry.name, "name", fail)
    if not _URI.fullmatch(entry.activity_id) or len(entry.activity_id) > MAX_TEXT:
        raise fail(f"attributes.{ACTIVITY}", "must be a URI of a registered processing activity")
    try:
        start, end = to_text(entry.start_time), to_text(entry.end_time)
    except ValueError:
        raise fail("start_time/end_time", "must carry a time zone") from None
    if entry.end_time < entry.start_time:
        raise fail("end_time", "lies before start_time")
    subject_id = subject_type = None
    if entry.subject is not None:
        subject_id, subject_type = pseudonymize(entry.subject, key, fail)
    if entry.foreign_processor is not None:
        _check_text(entry.foreign_processor, f"attributes.{PROCESSOR}", fail)
    for name, value in entry.resource:
        if not isinstance(name, str) or not isinstance(value, str) or not name:
            raise fail("resource", "must map non-empty names to text")
    return LogRecord(
        trace_id=trace_id,
        span_id=span_id,
        parent_span_id=entry.parent_span_id,
        name=entry.name,
        start_time=start,
        end_time=end,
        status=entry.status,
        resource=tuple(sorted(entry.resource)),
        activity_id=entry.activity_id,
        subject_id=subject_id,
        subject_id_type=subject_type,
        foreign_processor=entry.foreign_processor,
    )


def _check_text(value: object, field: str, fail: Fail) -> None:
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_TEXT:
        raise fail(field, f"must be non-empty text of at most {MAX_TEXT} characters")


def pseudonymize(subject: Subject, key: Key, fail: Fail) -> tuple[str, str]:
    _check_text(subject.id_type, f"attributes.{SUBJECT_ID_TYPE}", fail)
    if not isinstance(subject.value, str) or not subject.value.strip():
        raise fail(f"attributes.{SUBJECT_ID}", "must be non-empty text")
    if subject.pseudonymized or subject.id_type == PSEUDONYM_TYPE:
        if not _PSEUDONYM.fullmatch(subject.value):
            raise fail(
                f"attributes.{SUBJECT_ID}",
                f"of type '{PSEUDONYM_TYPE}' must be {PSEUDONYM_HEX_DIGITS} lower-case hex digits",
            )
        return subject.value, PSEUDONYM_TYPE if subject.pseudonymized else subject.id_type
    return _pseudonym(key, subject.id_type, subject.value), subject.id_type


@functools.lru_cache(maxsize=16)
def _subject_key(key: Key) -> bytes:
    return key.derive("registers.subject").material


def _pseudonym(key: Key, id_type: str, value: str) -> str:
    """:func:`subject_pseudonym` with the sub-key derived once per key (a log writes
    thousands of records a second; a test pins the two to the same output)."""
    message = f"{id_type.lower()}:{normalise_subject_id(id_type, value)}".encode()
    digest = hmac.digest(_subject_key(key), message, hashlib.sha256)
    return digest.hex()[:PSEUDONYM_HEX_DIGITS]


def parse_entry(data: Any, where: str = "record") -> LogEntry:
    """A :class:`LogEntry` from one wire-form JSON object; :class:`RecordError` otherwise."""

    def fail(field: str, problem: str) -> RecordError:
        return RecordError(f"{where}: {field} {problem}")

    if not isinstance(data, dict):
        raise fail("record", "must be a JSON object")
    unknown = sorted(str(k) for k in data if k not in _FIELDS)
    if unknown:
        raise fail(f"field '{unknown[0][:40]}'", "is not a field of a processing-log record")
    attributes = data.get("attributes")
    if not isinstance(attributes, dict):
        raise fail("attributes", f"must be an object holding {ACTIVITY}")
    extra = sorted(str(k) for k in attributes if k not in ATTRIBUTES)
    if extra:
        raise fail(
            f"attribute '{extra[0][:60]}'",
            "is not allowed; only " + ", ".join(ATTRIBUTES) + " are",
        )
    for name in ATTRIBUTES:
        if name in attributes and not isinstance(attributes[name], str):
            raise fail(f"attributes.{name}", "must be text")
    subject = None
    if (SUBJECT_ID in attributes) != (SUBJECT_ID_TYPE in attributes):
        raise fail(f"attributes.{SUBJECT_ID}", f"and {SUBJECT_ID_TYPE} come together or not at all")
    if SUBJECT_ID in attributes:
        subject = Subject(attributes[SUBJECT_ID_TYPE], attributes[SUBJECT_ID])
    if ACTIVITY not in attributes:
        raise fail(f"attributes.{ACTIVITY}", "is required")
    resource = data.get("resource", {})
    if not isinstance(resource, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in resource.items()
    ):
        raise fail("resource", "must be an object of text values")
    status = data.get("status", "ok")
    if status not in {s.value for s in Status}:
        raise fail("status", "must be one of unset, ok, error")
    for name in ("trace_id", "span_id", "parent_span_id"):
        if data.get(name) is not None and not isinstance(data[name], str):
            raise fail(name, "must be text")
    if "name" not in data:
        raise fail("name", "is required")
    return LogEntry(
        name=data["name"],
        activity_id=attributes[ACTIVITY],
        start_time=parse_time(data.get("start_time"), "start_time", fail),
        end_time=parse_time(data.get("end_time"), "end_time", fail),
        subject=subject,
        trace_id=data.get("trace_id"),
        span_id=data.get("span_id"),
        parent_span_id=data.get("parent_span_id"),
        status=Status(status),
        foreign_processor=attributes.get(PROCESSOR),
        resource=tuple(sorted(resource.items())),
    )


def parse_time(value: Any, field: str, fail: Fail) -> datetime:
    if not isinstance(value, str):
        raise fail(field, "is required as ISO-8601 text with a time zone")
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise fail(field, "is not ISO-8601 date-time text") from None
    if moment.tzinfo is None:
        raise fail(field, "must carry a time zone")
    return moment
