"""A folder of one file per table, staged as ``<folder>.sluis-staging-<random>`` beside it.

``publish`` swaps folders by renames. When the target does not exist yet this is one atomic
rename. When it does, the old folder is first renamed to ``<folder>.sluis-old-<random>``,
the staging folder renamed into place, and the old one deleted: between the two renames
(microseconds) the target path does not exist, but readers never see a mix of old and new
files. If the second rename fails, the old folder is put back.

A target folder that exists must hold nothing but files of the sink's format (and
subfolders of them): publishing replaces the whole folder, so any other folder is refused.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import ClassVar

import pyarrow as pa

from sluis.errors import SourceError
from sluis.model.schema import Schema, Table
from sluis.sinks._files import OLD_MARK, STAGING_MARK, fsync_path, fsync_tree, remove, sibling
from sluis.sinks.base import StagedSink


class FileWriter:
    """Writes the batches of one table to one file."""

    def write(self, batch: pa.RecordBatch) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError


class FolderSink(StagedSink):
    """Base of folder sinks; a subclass names its format and opens per-table writers."""

    suffix: ClassVar[str]
    kind: ClassVar[str]

    def __init__(self, folder: str | Path, url: str, schema: Schema) -> None:
        super().__init__(url, schema)
        self.folder = Path(folder)
        self.staging = sibling(self.folder, STAGING_MARK)
        self._writers: dict[str, FileWriter] = {}

    def describe(self) -> str:
        return str(self.folder)

    def open_writer(self, table: Table, path: Path) -> FileWriter:
        raise NotImplementedError

    def _error(self, action: str, exc: BaseException) -> SourceError:
        return SourceError(
            f"cannot {action} {self.kind} target {self.folder} ({type(exc).__name__})"
        )

    def _create(self) -> None:
        self._check_target()
        for table in self.schema.tables:
            if "/" in table.name or "\\" in table.name or table.name.startswith((".", "_")):
                raise SourceError(
                    f"cannot write table {table.name!r} to {self.kind} target {self.folder}:"
                    " a table name must not contain a slash or start with '.' or '_'"
                )
        try:
            self.staging.mkdir()
            for table in self.schema.tables:
                path = self.staging / f"{table.name}{self.suffix}"
                self._writers[table.name] = self.open_writer(table, path)
        except (OSError, pa.ArrowException) as exc:
            raise self._error("create the staging folder of", exc) from None

    def _check_target(self) -> None:
        if not self.folder.parent.is_dir():
            raise SourceError(f"cannot create {self.kind} target {self.folder}: no folder above it")
        if not self.folder.exists():
            return
        foreign = (
            not self.folder.is_dir()
            or self.folder.is_symlink()
            or any(
                not entry.is_dir() and entry.suffix.lower() != self.suffix
                for entry in self.folder.rglob("*")
            )
        )
        if foreign:
            raise SourceError(
                f"refusing to replace {self.folder}: it is not a folder of {self.kind} files only"
            )

    def _write(self, table: Table, batch: pa.RecordBatch) -> None:
        try:
            self._writers[table.name].write(batch)
        except (OSError, pa.ArrowException) as exc:
            raise self._error(f"write table {table.name!r} of", exc) from None

    def _close_writers(self) -> None:
        writers, self._writers = self._writers, {}
        for writer in writers.values():
            writer.close()

    def _finish(self) -> None:
        try:
            self._close_writers()
            fsync_tree(self.staging)
        except (OSError, pa.ArrowException) as exc:
            raise self._error("complete the staging folder of", exc) from None

    def _staged_url(self) -> str:
        return f"{self.kind.lower()}:{self.staging}"

    def _publish(self) -> None:
        old = sibling(self.folder, OLD_MARK)
        moved = False
        try:
            if self.folder.exists():
                self.folder.rename(old)
                moved = True
            self.staging.rename(self.folder)
            fsync_path(self.folder.parent)
        except OSError as exc:
            if moved and not self.folder.exists():
                old.rename(self.folder)
            raise self._error("publish", exc) from None
        remove(old)

    def _abort(self) -> None:
        with suppress(OSError, pa.ArrowException):  # the folder is removed below anyway
            self._close_writers()
        remove(self.staging)
