"""What every sink does: stage a copy, fill it, then publish it atomically or discard it.

Fail closed: nothing is visible at the target until ``publish``; a failed run leaves no
half-written target and the previous target as it was.
"""

from __future__ import annotations

from types import TracebackType
from typing import Protocol, Self

import pyarrow as pa

from sluis.errors import SourceError
from sluis.model.schema import Schema, Table


class Sink(Protocol):
    """A target that is written in a staging location and published in one step.

    Call order: ``create``, ``write`` any number of times, ``finish``, then ``publish`` or
    ``abort``. ``create`` makes every table with columns, types, primary keys and NOT NULL;
    ``finish`` adds what is faster to build after loading (unique and foreign keys where the
    backend allows, indexes, statistics). ``staged_url`` names the staging copy for the
    verifier. Used as a context manager, a sink leaving the block unpublished (by an
    exception or otherwise) aborts. Errors are ``SourceError`` naming the target, never a value.
    """

    url: str

    def create(self) -> None: ...

    def write(self, table: str, batch: pa.RecordBatch) -> None: ...

    def finish(self) -> None: ...

    def staged_url(self) -> str: ...

    def publish(self) -> None: ...

    def abort(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...


class StagedSink:
    """The call-order bookkeeping and context manager every backend shares.

    Subclasses implement the ``_create``, ``_write``, ``_finish``, ``_publish`` and
    ``_abort`` steps; ``_abort`` must be safe to call in any state, also twice.
    """

    url: str

    def __init__(self, url: str, schema: Schema) -> None:
        self.url = url
        self.schema = schema
        self._state = "new"

    def describe(self) -> str:
        """The target as safe to print (no password)."""
        return self.url

    def create(self) -> None:
        self._expect("create", "new")
        self._state = "failed"
        self._create()
        self._state = "created"

    def write(self, table: str, batch: pa.RecordBatch) -> None:
        self._expect("write", "created")
        meta = self._table(table)
        expected = [c.name for c in meta.columns]
        if batch.schema.names != expected:
            raise SourceError(
                f"target {self.describe()}: a batch for table {table!r} has columns "
                f"{', '.join(batch.schema.names)}; expected {', '.join(expected)}"
            )
        if batch.num_rows:
            self._write(meta, batch)

    def finish(self) -> None:
        self._expect("finish", "created")
        self._finish()
        self._state = "finished"

    def publish(self) -> None:
        self._expect("publish", "finished")
        self._publish()
        self._state = "published"

    def abort(self) -> None:
        if self._state != "published":
            self._abort()
            self._state = "aborted"

    def staged_url(self) -> str:
        self._expect("staged_url", "created", "finished")
        return self._staged_url()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.abort()

    def _table(self, name: str) -> Table:
        try:
            return self.schema.table(name)
        except KeyError:
            raise SourceError(
                f"target {self.describe()}: table {name!r} is not in the schema being written"
            ) from None

    def _expect(self, step: str, *states: str) -> None:
        if self._state not in states:
            raise RuntimeError(f"sink step {step!r} is not allowed in state {self._state!r}")

    def _create(self) -> None:
        raise NotImplementedError

    def _write(self, table: Table, batch: pa.RecordBatch) -> None:
        raise NotImplementedError

    def _finish(self) -> None:
        raise NotImplementedError

    def _staged_url(self) -> str:
        raise NotImplementedError

    def _publish(self) -> None:
        raise NotImplementedError

    def _abort(self) -> None:
        raise NotImplementedError
