"""Access records as JSON lines: one :class:`AccessRecord` per line, one JSON object each.

Each object has exactly the dataclass's fields. ``at`` is ISO-8601 with a time zone
(``2025-03-04T09:15:00+01:00``); ``action`` and ``outcome`` are the enum values;
``subjects`` and ``data_categories`` are arrays of strings; the optional fields may be
absent or ``null``. Blank lines are skipped. Reading is all or nothing: the first
malformed line raises :class:`InputError` naming its line number and field, never a value.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from sluis.errors import InputError
from sluis.registers.access import AccessRecord, Action, Outcome

_REQUIRED = (
    "trace_id",
    "at",
    "actor",
    "role",
    "unit",
    "action",
    "outcome",
    "subjects",
    "data_categories",
    "purpose",
)
_OPTIONAL = (
    "case_reason",
    "authorization_rule",
    "on_behalf_of",
    "break_glass_reason",
    "workstation",
)


def record_to_json(record: AccessRecord) -> dict[str, Any]:
    """``record`` as a JSON-ready object (optional fields that are None are left out)."""
    if record.at.tzinfo is None:
        raise ValueError("access record times must carry a time zone")
    obj: dict[str, Any] = {
        "trace_id": record.trace_id,
        "at": record.at.isoformat(),
        "actor": record.actor,
        "role": record.role,
        "unit": record.unit,
        "action": record.action.value,
        "outcome": record.outcome.value,
        "subjects": list(record.subjects),
        "data_categories": list(record.data_categories),
        "purpose": record.purpose,
    }
    for name in _OPTIONAL:
        value = getattr(record, name)
        if value is not None:
            obj[name] = value
    return obj


def _fail(where: str, problem: str) -> InputError:
    return InputError(f"{where}: {problem}")


def _text(obj: dict[str, Any], name: str, where: str) -> str:
    value = obj[name]
    if not isinstance(value, str) or not value:
        raise _fail(where, f"field '{name}' must be a non-empty string")
    return value


def _strings(obj: dict[str, Any], name: str, where: str) -> tuple[str, ...]:
    value = obj[name]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _fail(where, f"field '{name}' must be an array of non-empty strings")
    return tuple(value)


def record_from_json(obj: object, where: str = "record") -> AccessRecord:
    """The record an object from :func:`record_to_json` describes; ``where`` prefixes errors."""
    if not isinstance(obj, dict):
        raise _fail(where, "expected a JSON object")
    missing = [name for name in _REQUIRED if name not in obj]
    if missing:
        raise _fail(where, f"missing field '{missing[0]}'")
    unknown = sorted(set(obj) - set(_REQUIRED) - set(_OPTIONAL))
    if unknown:
        raise _fail(where, f"unknown field '{unknown[0][:40]}'")
    at_text = _text(obj, "at", where)
    try:
        at = datetime.fromisoformat(at_text)
    except ValueError:
        raise _fail(where, "field 'at' is not an ISO-8601 time") from None
    if at.tzinfo is None:
        raise _fail(where, "field 'at' has no time zone")
    try:
        action = Action(obj["action"])
    except ValueError:
        raise _fail(where, f"field 'action' must be one of {', '.join(Action)}") from None
    try:
        outcome = Outcome(obj["outcome"])
    except ValueError:
        raise _fail(where, f"field 'outcome' must be one of {', '.join(Outcome)}") from None
    optional: dict[str, str | None] = {}
    for name in _OPTIONAL:
        value = obj.get(name)
        if value is not None and not isinstance(value, str):
            raise _fail(where, f"field '{name}' must be a string or null")
        optional[name] = value
    return AccessRecord(
        trace_id=_text(obj, "trace_id", where),
        at=at,
        actor=_text(obj, "actor", where),
        role=_text(obj, "role", where),
        unit=_text(obj, "unit", where),
        action=action,
        outcome=outcome,
        subjects=_strings(obj, "subjects", where),
        data_categories=_strings(obj, "data_categories", where),
        purpose=_text(obj, "purpose", where),
        **optional,
    )


def parse_access_lines(lines: Iterable[str], name: str = "input") -> Iterator[AccessRecord]:
    """Records from JSON lines, lazily; a malformed line raises when it is reached."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{name} line {number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            raise _fail(where, "not valid JSON") from None
        yield record_from_json(obj, where)


def read_access_records(path: Path) -> list[AccessRecord]:
    """Every record in the JSON-lines file ``path``; nothing is returned if a line is bad."""
    try:
        with path.open(encoding="utf-8") as handle:
            return list(parse_access_lines(handle, path.name))
    except FileNotFoundError:
        raise InputError(f"access log {path.name} does not exist") from None
    except UnicodeDecodeError:
        raise InputError(f"access log {path.name} is not UTF-8 text") from None


def dump_access_records(records: Iterable[AccessRecord], handle: TextIO) -> int:
    """Write ``records`` to ``handle`` as JSON lines; returns how many were written."""
    count = 0
    for record in records:
        handle.write(json.dumps(record_to_json(record), ensure_ascii=False) + "\n")
        count += 1
    return count


def write_access_records(path: Path, records: Iterable[AccessRecord]) -> int:
    """Write ``records`` to the file ``path`` (replaced) as JSON lines; returns the count."""
    with path.open("w", encoding="utf-8") as handle:
        return dump_access_records(records, handle)
