"""HTTP API of the processing log and access audit.

Writes (``POST /v1/records``, ``POST /v1/access``) answer 201 only after their batch is
durable. A W3C ``traceparent`` header (``00-<trace id>-<parent span id>-<flags>``) gives
records without their own ``trace_id`` / ``parent_span_id`` the caller's trace and span;
an invalid header is ignored, as the W3C Trace Context recommendation says.

Every read names its reader in ``X-Sluis-Actor``, ``X-Sluis-Role``, ``X-Sluis-Unit`` and
``X-Sluis-Purpose`` (optional ``X-Sluis-Case``, ``X-Sluis-Workstation``) and is itself
written to the access audit. The API authenticates nobody: run it behind a proxy that
authenticates callers and sets those headers. A citizen's id travels in a request body,
never in a URL, so it stays out of access logs. Errors are JSON ``{"error": {"code",
"message"}}`` and never quote a submitted value.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, replace
from datetime import datetime
from typing import Annotated, Any

from fastapi import Body, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from sluis.errors import InputError, SluisError
from sluis.keys import Key
from sluis.registers.access import AccessRecord
from sluis.registers.audit import AccessAudit, parse_access
from sluis.registers.log_queries import LogQueries, Reader
from sluis.registers.log_record import RecordError, Subject, parse_entry, pseudonymize
from sluis.registers.processing_log import ProcessingLog

TRACEPARENT = re.compile(r"00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}")
MAX_BATCH = 10_000


def parse_traceparent(header: str | None) -> tuple[str, str] | None:
    """``(trace_id, parent_span_id)`` from a version-00 ``traceparent``, else None."""
    if header is None:
        return None
    match = TRACEPARENT.fullmatch(header.strip())
    if match is None or set(match[1]) == {"0"} or set(match[2]) == {"0"}:
        return None
    return match[1], match[2]


def create_app(log: ProcessingLog, key: Key) -> FastAPI:
    """The API over an open ``log`` (whose store also holds the access audit)."""
    app = FastAPI(title="Sluis processing log", version="1")
    audit = AccessAudit(log.store)
    lock = threading.Lock()

    @contextmanager
    def serialized() -> Iterator[None]:
        # One database connection serves every request thread.
        with lock:
            yield

    def reader(request: Request) -> Reader:
        headers = request.headers
        values = {
            name: headers.get(f"x-sluis-{name}", "").strip()
            for name in ("actor", "role", "unit", "purpose")
        }
        missing = [f"X-Sluis-{n.capitalize()}" for n, v in values.items() if not v]
        if missing:
            raise InputError("reading the log needs the reader's " + ", ".join(missing))
        return Reader(
            **values,
            case_reason=headers.get("x-sluis-case") or None,
            workstation=headers.get("x-sluis-workstation") or None,
        )

    @app.exception_handler(SluisError)
    def sluis_error(_: Request, exc: SluisError) -> JSONResponse:
        status = 422 if isinstance(exc, RecordError) else 400
        return _error(status, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    def invalid_request(_: Request, exc: RequestValidationError) -> JSONResponse:
        places = sorted({".".join(str(p) for p in e.get("loc", ())) for e in exc.errors()})
        return _error(422, "SLUIS-100", "invalid request at: " + ", ".join(places))

    @app.exception_handler(HTTPException)
    def http_error(_: Request, exc: HTTPException) -> JSONResponse:
        return _error(exc.status_code, f"HTTP-{exc.status_code}", str(exc.detail))

    @app.exception_handler(Exception)
    def internal_error(_: Request, exc: Exception) -> JSONResponse:
        return _error(500, "SLUIS-999", f"internal error ({type(exc).__name__})")

    @app.post("/v1/records", status_code=201)
    def append_records(
        payload: Annotated[Any, Body()],
        traceparent: Annotated[str | None, Header()] = None,
    ) -> dict[str, Any]:
        items = _batch(payload, "records")
        entries = [parse_entry(item, f"record {n}") for n, item in enumerate(items, 1)]
        context = parse_traceparent(traceparent)
        if context is not None:
            trace_id, parent = context
            entries = [
                replace(
                    e,
                    trace_id=e.trace_id or trace_id,
                    parent_span_id=e.parent_span_id or parent,
                )
                for e in entries
            ]
        with serialized():
            done = log.append(entries)
        return {
            "acknowledged": done.count,
            "first_index": done.first,
            "tree_size": done.size,
            "root": done.root.hex(),
        }

    @app.post("/v1/access", status_code=201)
    def append_access(payload: Annotated[Any, Body()]) -> dict[str, Any]:
        items = _batch(payload, "accesses")
        accesses = [parse_access(item, key, f"access {n}") for n, item in enumerate(items, 1)]
        with serialized():
            audit.record(accesses)
        return {"acknowledged": len(accesses)}

    @app.post("/v1/queries/subject")
    def subject_view(request: Request, payload: Annotated[Any, Body()]) -> dict[str, Any]:
        if not isinstance(payload, dict) or set(payload) != {"id_type", "id"}:
            raise InputError('the body must be {"id_type": ..., "id": ...}')
        subject, _ = pseudonymize(
            Subject(str(payload["id_type"]), str(payload["id"])),
            key,
            lambda field, problem: RecordError(f"query: {field} {problem}"),
        )
        who = reader(request)
        with serialized():
            entries = LogQueries(log, audit, who).for_subject(subject)
        return {"entries": [asdict(e) for e in entries]}

    @app.get("/v1/actors/{actor}/accesses")
    def actor_view(
        request: Request,
        actor: str,
        since: Annotated[datetime | None, Query()] = None,
        until: Annotated[datetime | None, Query()] = None,
    ) -> dict[str, Any]:
        who = reader(request)
        with serialized():
            found = LogQueries(log, audit, who).for_actor(actor, _zoned(since), _zoned(until))
        return {"accesses": [access_json(a) for a in found]}

    @app.get("/v1/period")
    def period_view(
        request: Request,
        since: Annotated[datetime | None, Query()] = None,
        until: Annotated[datetime | None, Query()] = None,
        bulk_subjects: Annotated[int, Query(ge=1)] = 50,
    ) -> dict[str, Any]:
        who = reader(request)
        with serialized():
            report = LogQueries(log, audit, who).for_period(
                _zoned(since), _zoned(until), bulk_subjects
            )
        return {
            "since": report.since,
            "until": report.until,
            "records_per_activity": report.records_per_activity,
            "actions": report.actions,
            "bulk_and_export": [access_json(a) for a in report.bulk_and_export],
        }

    @app.get("/v1/tree")
    def tree() -> dict[str, Any]:
        with serialized():
            size = log.size()
            return {"size": size, "root": log.root(size).hex()}

    @app.get("/v1/proofs/inclusion")
    def inclusion(
        index: Annotated[int, Query(ge=0)], size: Annotated[int, Query(ge=1)]
    ) -> dict[str, Any]:
        if index >= size:
            raise InputError("index must lie below size")
        with serialized():
            leaf = log.leaf(index)
            proof = log.inclusion_proof(index, size)
        return {"index": index, "size": size, "leaf": leaf.hex(), "proof": [p.hex() for p in proof]}

    @app.get("/v1/checkpoints")
    def checkpoints() -> dict[str, Any]:
        with serialized():
            return {"checkpoints": [c.to_json() for c in log.checkpoints()]}

    return app


def _batch(payload: Any, name: str) -> list[Any]:
    items = payload.get(name) if isinstance(payload, dict) else payload
    if not isinstance(items, list) or not items:
        raise InputError(f'the body must be {{"{name}": [...]}} with at least one item')
    if len(items) > MAX_BATCH:
        raise InputError(f"at most {MAX_BATCH} items per request")
    return items


def _zoned(moment: datetime | None) -> datetime | None:
    if moment is not None and moment.tzinfo is None:
        raise InputError("since and until must carry a time zone")
    return moment


def access_json(access: AccessRecord) -> dict[str, Any]:
    data = asdict(access)
    data["at"] = access.at.isoformat()
    data["action"] = str(access.action)
    data["outcome"] = str(access.outcome)
    data["subjects"] = list(access.subjects)
    data["data_categories"] = list(access.data_categories)
    return data


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse(status_code=status, content={"error": {"code": code, "message": message}})
