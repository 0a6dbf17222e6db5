"""The processing log: durable, append-only, tamper-evident records of data processing.

Every batch is one transaction: its records are acknowledged (``append`` returns) only
after the commit is durable, and a bad record anywhere in a batch leaves nothing written.
Each record is one Merkle leaf (RFC 6962) over its canonical JSON; appends keep the tree's
frontier in memory and store every completed perfect subtree, so an append costs
O(log n) and proofs need O(log² n) lookups. There is no sampling: every record is kept.

Library use::

    log = ProcessingLog.open("sqlite:///registers.db", key)
    log.register_activity("https://example.nl/rva/benefit-check", "Benefit check", "...")
    log.append([LogEntry(name="lookup", activity_id=..., start_time=..., end_time=...,
                         subject=Subject("BSN", "123456782"))])
    checkpoint = log.checkpoint(signing_key)
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from sluis.errors import InputError
from sluis.keys import Key
from sluis.registers import log_store
from sluis.registers.checkpoint import Checkpoint, sign
from sluis.registers.log_record import (
    PSEUDONYM_TYPE,
    LogEntry,
    LogRecord,
    RecordError,
    Status,
    Subject,
    new_trace_id,
    to_record,
)
from sluis.registers.merkle import (
    Frontier,
    consistency_proof,
    inclusion_proof,
    leaf_hash,
    perfect_subtree,
    verify_consistency,
    verify_inclusion,
)
from sluis.registers.store import RegisterStore, to_text, utc_now

DEFAULT_ORIGIN = "sluis-processing-log"


class UnknownActivityError(RecordError):
    """A record names a processing activity that is not in the register."""

    code = "SLUIS-401"


class LogStateError(InputError):
    """The log database is not initialised, or a proof was asked beyond its size."""

    code = "SLUIS-402"


@dataclass(frozen=True)
class Activity:
    uri: str
    version: int
    name: str
    purpose: str
    registered_at: str


@dataclass(frozen=True)
class Appended:
    """The acknowledgement of one durable batch: leaves ``first .. first + count - 1``."""

    first: int
    count: int
    size: int
    root: bytes


@dataclass(frozen=True)
class StoredRecord:
    index: int
    activity_version: int
    record: LogRecord


@dataclass(frozen=True)
class InclusionCheck:
    index: int
    size: int
    payload_present: bool
    payload_matches: bool
    proof_valid: bool

    @property
    def ok(self) -> bool:
        return self.proof_valid and (self.payload_matches or not self.payload_present)


@dataclass(frozen=True)
class LogCheck:
    """The outcome of a whole-log check; problems name leaf indexes and sizes only."""

    size: int
    payloads_checked: int
    payloads_deleted: int
    checkpoints_checked: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


class ProcessingLog:
    """One processing log in a :class:`RegisterStore`; ``key`` pseudonymizes subject ids."""

    def __init__(self, store: RegisterStore, key: Key) -> None:
        if not log_store.has_schema(store):
            raise LogStateError("the database holds no processing log; run 'sluis log init'")
        self.store = store
        self._key = key
        self._frontier: Frontier | None = None

    @classmethod
    def create(cls, store: RegisterStore, key: Key, origin: str = DEFAULT_ORIGIN) -> ProcessingLog:
        """Create the tables (idempotent) and open the log."""
        log_store.create_schema(store, origin)
        return cls(store, key)

    @classmethod
    def open(cls, url: str, key: Key, *, create: bool = False) -> ProcessingLog:
        store = RegisterStore.open(url, create=create)
        try:
            return cls.create(store, key) if create else cls(store, key)
        except BaseException:
            store.close()
            raise

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> ProcessingLog:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- register of processing activities -------------------------------------------

    def register_activity(self, uri: str, name: str, purpose: str) -> Activity:
        """Add ``uri`` to the register, or a new version of it when it is there already."""
        probe = LogEntry(name=name, activity_id=uri, start_time=_now(), end_time=_now())
        to_record(probe, self._key, "activity")
        if not purpose.strip():
            raise InputError("activity: purpose must be non-empty text")
        with self.store.transaction():
            rows = self.store.execute(
                "SELECT MAX(version) FROM log_activities WHERE uri = ?", (uri,)
            )
            version = int(rows[0][0] or 0) + 1
            at = utc_now()
            self.store.execute(
                "INSERT INTO log_activities (uri, version, name, purpose, registered_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (uri, version, name, purpose, at),
            )
        return Activity(uri, version, name, purpose, at)

    def activities(self) -> list[Activity]:
        """Every version of every activity, by URI then version."""
        rows = self.store.execute(
            "SELECT uri, version, name, purpose, registered_at FROM log_activities"
            " ORDER BY uri, version"
        )
        return [Activity(r[0], int(r[1]), r[2], r[3], r[4]) for r in rows]

    # -- writing -------------------------------------------------------------------------

    def append(self, entries: Sequence[LogEntry]) -> Appended:
        """Write ``entries`` as one durable batch; all or nothing."""
        records = [to_record(e, self._key, f"record {n}") for n, e in enumerate(entries, 1)]
        return self.append_records(records)

    def append_records(self, records: Sequence[LogRecord]) -> Appended:
        """Write already checked records (from :func:`to_record`) as one durable batch."""
        texts = [r.canonical() for r in records]
        hashes = [leaf_hash(t) for t in texts]
        with self.store.transaction():
            size, _ = log_store.lock_head(self.store)
            versions = self._activity_versions({r.activity_id for r in records})
            frontier = self._frontier_at(size).copy()
            leaves, nodes, rows = [], [], []
            for offset, (record, text, value) in enumerate(
                zip(records, texts, hashes, strict=True)
            ):
                index = size + offset
                leaves.append((index, value))
                nodes.extend(frontier.append(value))
                rows.append(
                    (
                        index,
                        record.trace_id,
                        record.span_id,
                        record.start_time,
                        record.activity_id,
                        versions[record.activity_id],
                        record.subject_id,
                        text.decode(),
                    )
                )
            log_store.insert_rows(self.store, "log_leaves", leaves)
            log_store.insert_rows(self.store, "log_nodes", nodes)
            log_store.insert_rows(self.store, "log_payloads", rows)
            self.store.execute("UPDATE log_head SET size = ? WHERE id = 1", (frontier.size,))
        self._frontier = frontier
        return Appended(size, len(records), frontier.size, frontier.root())

    def _activity_versions(self, uris: set[str]) -> dict[str, int]:
        if not uris:
            return {}
        ordered = sorted(uris)
        marks = ", ".join("?" * len(ordered))
        rows = self.store.execute(
            f"SELECT uri, MAX(version) FROM log_activities WHERE uri IN ({marks}) GROUP BY uri",
            ordered,
        )
        found = {str(r[0]): int(r[1]) for r in rows}
        missing = len([u for u in ordered if u not in found])
        if missing:
            raise UnknownActivityError(
                f"{missing} processing activit{'y' if missing == 1 else 'ies'} named by the "
                "batch not in the register; add with 'sluis log register'; nothing was written"
            )
        return found

    def _frontier_at(self, size: int) -> Frontier:
        if self._frontier is None or self._frontier.size != size:
            self._frontier = Frontier.load(size, self._perfect)
        return self._frontier

    def _perfect(self, level: int, index: int) -> bytes:
        return log_store.perfect_hash(self.store, level, index)

    # -- tree heads and proofs -----------------------------------------------------------

    def size(self) -> int:
        return log_store.head(self.store)[0]

    def root(self, size: int | None = None) -> bytes:
        """The tree root over the first ``size`` leaves (default: all)."""
        current = self.size()
        wanted = current if size is None else size
        if not 0 <= wanted <= current:
            raise LogStateError(f"tree size {wanted} is beyond the log's {current} records")
        if wanted == current:
            return self._frontier_at(current).root()
        return Frontier.load(wanted, self._perfect).root()

    def checkpoint(self, signing_key: Ed25519PrivateKey) -> Checkpoint:
        """Sign and store the current tree head."""
        with self.store.transaction():
            size, origin = log_store.lock_head(self.store)
            root = Frontier.load(size, self._perfect).root()
            signed = sign(signing_key, origin, size, root, utc_now())
            self.store.execute(
                "INSERT INTO log_checkpoints (size, root, origin, time, public_key, signature)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (size, root, origin, signed.time, signed.public_key, signed.signature),
            )
        return signed

    def checkpoints(self) -> list[Checkpoint]:
        rows = self.store.execute(
            "SELECT origin, size, root, time, public_key, signature FROM log_checkpoints"
            " ORDER BY id"
        )
        return [
            Checkpoint(r[0], int(r[1]), bytes(r[2]), r[3], bytes(r[4]), bytes(r[5])) for r in rows
        ]

    def inclusion_proof(self, index: int, size: int) -> list[bytes]:
        self._check_size(size)
        return inclusion_proof(index, size, perfect_subtree(self._perfect))

    def consistency_proof(self, old_size: int, new_size: int) -> list[bytes]:
        self._check_size(new_size)
        return consistency_proof(old_size, new_size, perfect_subtree(self._perfect))

    def _check_size(self, size: int) -> None:
        current = self.size()
        if size > current:
            raise LogStateError(f"tree size {size} is beyond the log's {current} records")

    def leaf(self, index: int) -> bytes:
        return self._perfect(0, index)

    def check_inclusion(self, index: int, checkpoint: Checkpoint) -> InclusionCheck:
        """Whether record ``index`` is in the tree ``checkpoint`` signed, and whether its
        payload (when retention has not deleted it) still hashes to its leaf."""
        if not 0 <= index < checkpoint.size:
            raise LogStateError(
                f"record {index} is not covered by a checkpoint of size {checkpoint.size}"
            )
        leaf = self.leaf(index)
        rows = self.store.execute("SELECT record FROM log_payloads WHERE idx = ?", (index,))
        present = bool(rows)
        matches = present and leaf_hash(str(rows[0][0]).encode()) == leaf
        proof = self.inclusion_proof(index, checkpoint.size)
        valid = verify_inclusion(index, checkpoint.size, leaf, proof, checkpoint.root)
        return InclusionCheck(index, checkpoint.size, present, matches, valid)

    def check_consistency(self, old: Checkpoint, new: Checkpoint) -> bool:
        """Whether ``new`` extends ``old``, proven from this log's stored tree."""
        if old.size > new.size:
            return False
        proof = self.consistency_proof(old.size, new.size)
        return verify_consistency(old.size, new.size, old.root, new.root, proof)

    def check(self, trusted: Ed25519PublicKey | None = None) -> LogCheck:
        """Recompute the tree from its leaves; check every payload against its leaf, every
        checkpoint's signature and root, and the stored subtrees behind the proofs."""
        problems: list[str] = []
        size, origin = log_store.head(self.store)
        marks = self.checkpoints()
        by_size: dict[int, list[Checkpoint]] = {}
        for mark in marks:
            by_size.setdefault(mark.size, []).append(mark)
            if not mark.signature_valid(trusted):
                problems.append(f"checkpoint at size {mark.size}: signature does not verify")
            if mark.origin != origin:
                problems.append(f"checkpoint at size {mark.size}: signed for another log")
            if mark.size > size:
                problems.append(f"checkpoint at size {mark.size}: beyond the log's {size}")
        rebuilt, checked = Frontier(), 0
        leaves: dict[int, bytes] = {}
        self._match_checkpoints(rebuilt, by_size, problems)
        for index, value in log_store.leaf_hashes(self.store):
            if index != rebuilt.size:
                problems.append(f"leaf {rebuilt.size} is missing")
                break
            rebuilt.append(value)
            leaves[index] = value
            self._match_checkpoints(rebuilt, by_size, problems)
            if len(leaves) >= 50_000:
                checked += self._check_payloads(leaves, problems)
                leaves = {}
        checked += self._check_payloads(leaves, problems)
        if rebuilt.size != size:
            problems.append(f"the log head says {size} records, the tree holds {rebuilt.size}")
        elif Frontier.load(size, self._perfect).root() != rebuilt.root():
            problems.append("stored subtree hashes do not match the leaves")
        return LogCheck(size, checked, size - checked, len(marks), tuple(problems))

    def _check_payloads(self, leaves: dict[int, bytes], problems: list[str]) -> int:
        if not leaves:
            return 0
        low, high = min(leaves), max(leaves)
        rows = self.store.execute(
            "SELECT idx, record FROM log_payloads WHERE idx >= ? AND idx <= ? ORDER BY idx",
            (low, high),
        )
        for idx, text in rows:
            if leaves.get(int(idx)) != leaf_hash(str(text).encode()):
                problems.append(f"record {idx}: payload does not match its leaf hash")
        return len(rows)

    @staticmethod
    def _match_checkpoints(
        rebuilt: Frontier, by_size: dict[int, list[Checkpoint]], problems: list[str]
    ) -> None:
        for mark in by_size.get(rebuilt.size, []):
            if mark.root != rebuilt.root():
                problems.append(f"checkpoint at size {mark.size}: root differs from the leaves")

    # -- reading and retention -----------------------------------------------------------

    def records(self, where: str = "", params: Sequence[object] = ()) -> Iterator[StoredRecord]:
        """Stored records whose payload is still present, in log order."""
        for row in log_store.payloads(self.store, where, params):
            yield StoredRecord(row.idx, row.activity_version, _decode(row.record))

    def delete_payloads(self, before: datetime) -> int:
        """Delete the payloads of records that started before ``before`` (retention).

        Leaves and subtree hashes stay, so proofs over older checkpoints still verify.
        """
        cutoff = to_text(before)
        with self.store.transaction():
            count = self.store.execute(
                "SELECT COUNT(*) FROM log_payloads WHERE start_time < ?", (cutoff,)
            )[0][0]
            self.store.execute("DELETE FROM log_payloads WHERE start_time < ?", (cutoff,))
        return int(count)


def _decode(text: str) -> LogRecord:
    data: dict[str, Any] = json.loads(text)
    return LogRecord.from_json(data)


def _now() -> datetime:
    return datetime.now(UTC)


class LogChangeRecorder:
    """:class:`~sluis.registers.changes.ChangeRecorder` writing to a processing log.

    One record per subject (one without a subject when there are none), all in one
    durable batch under one trace, named ``<register>.<action>``.
    """

    def __init__(self, log: ProcessingLog, service: str = "sluis") -> None:
        self._log = log
        self._resource = (("service.name", service),)

    def record_change(
        self,
        *,
        register: str,
        action: str,
        activity_id: str,
        subject_ids: Sequence[str],
    ) -> None:
        now = _now()
        trace = new_trace_id()
        subjects: list[Subject | None] = [
            Subject(PSEUDONYM_TYPE, s, pseudonymized=True) for s in subject_ids
        ] or [None]
        self._log.append(
            [
                LogEntry(
                    name=f"{register}.{action}",
                    activity_id=activity_id,
                    start_time=now,
                    end_time=now,
                    subject=subject,
                    trace_id=trace,
                    status=Status.OK,
                    resource=self._resource,
                )
                for subject in subjects
            ]
        )
