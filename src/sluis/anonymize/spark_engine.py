"""The same run on Apache Spark: every table's batches transformed inside ``mapInArrow``.

Only Parquet to Parquet. The driver does what needs the whole table, with the local code:
the policy check and plan, the source's known names and the k-anonymity suppression plan.
Plan, key, names and suppression are broadcast once; executors apply exactly
``TablePlan.transform`` and ``Suppression.apply`` to the Arrow batches Spark hands them, so
the copy equals the local engine's for the same key, value for value and row for row.

Rows keep their order: each source file is read on its own and carries its file number and
Parquet row index through the transform; Spark writes one part file per partition into a
folder inside the staging folder, and the driver streams the parts, in order, into the
staged sink (which casts to the source's types and enforces NOT NULL as for the local run).
Any gap, duplicate or reordering stops the run: nothing is published.

On a cluster, the source, the staging folder and the executors' Python (with Sluis
installed; ``PYSPARK_PYTHON``) must be the same paths on every node: a shared file system.
The key is broadcast to the executors: treat the cluster as a place the key may be.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from sluis import errors
from sluis.anonymize.known import Known, collect
from sluis.anonymize.plan import TablePlan, user_codes
from sluis.anonymize.runner import ProgressHook, TableResult, plan_for
from sluis.anonymize.suppression import Suppression, plan_suppression
from sluis.errors import InputError, SluisError, SourceError, VerificationError
from sluis.keys import Key
from sluis.model.policy import Policy
from sluis.sinks.base import Sink
from sluis.sinks.parquet import ParquetSink
from sluis.sources import Source
from sluis.sources.base import DEFAULT_BATCH_ROWS
from sluis.sources.parquet import ParquetSource
from sluis.sources.url import SourceKind, parse_source_url, redact_url

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

MASTER_ENV = "SPARK_MASTER"
_ROW = "__sluis_row"
_FILE = "__sluis_file"
# Inside the staging folder; a leading "_" keeps it out of the Parquet source's tables.
_WORK = "_spark"
_FILE_SHIFT = 40  # row indexes below 2**40 per file; the key is (file << 40) | row
_CONF = {
    "spark.sql.session.timeZone": "UTC",
    "spark.sql.parquet.inferTimestampNTZ.enabled": "true",
    "spark.sql.parquet.outputTimestampType": "TIMESTAMP_MICROS",
    "spark.sql.parquet.datetimeRebaseModeInRead": "CORRECTED",
    "spark.sql.parquet.datetimeRebaseModeInWrite": "CORRECTED",
    "spark.sql.parquet.int96RebaseModeInRead": "CORRECTED",
    "spark.sql.parquet.int96RebaseModeInWrite": "CORRECTED",
    "spark.ui.showConsoleProgress": "false",
}


@dataclass(frozen=True)
class SparkOptions:
    """Where Spark runs: ``master`` (``local[*]``, ``spark://host:7077``, ``yarn``, ...).

    ``None`` takes ``$SPARK_MASTER``, else what ``spark-submit`` was given, else ``local[*]``.
    """

    master: str | None = None
    app_name: str = "sluis-anonymize"


def check_spark_run(source_url: str, target_url: str) -> None:
    """Refuse, before anything is created, a run the Spark engine cannot do."""
    for role, url in (("source", source_url), ("target", target_url)):
        if parse_source_url(url).kind is not SourceKind.PARQUET:
            raise InputError(
                f"--engine spark reads and writes Parquet folders only; the {role} "
                f"{redact_url(url)} is not parquet:DIR (use --engine local)"
            )
    require_pyspark()


def require_pyspark() -> None:
    """Raise ``InputError`` when the optional ``spark`` extra is not installed."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise InputError(
            "--engine spark needs PySpark: install sluis[spark] (and Java 17 or later)"
        ) from None


def run_spark(
    source: Source,
    sink: Sink,
    policy: Policy,
    key: Key,
    *,
    options: SparkOptions = SparkOptions(),
    batch_rows: int = DEFAULT_BATCH_ROWS,
    progress: ProgressHook | None = None,
) -> tuple[TableResult, ...]:
    """Anonymize every table into the (created) staged Parquet ``sink`` on Spark; finish it.

    The output equals ``runner.run`` with the same policy and key. Raises ``InputError``
    for a source or sink that is not a Parquet folder, or a partitioned (``key=value``) one.
    """
    if not isinstance(source, ParquetSource) or not isinstance(sink, ParquetSink):
        raise InputError("--engine spark reads and writes Parquet folders only")
    require_pyspark()
    plans = plan_for(source, policy)
    known = collect(source, policy, key, batch_rows, progress, user_codes(plans, key))
    spark = session(options)
    spark.conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", str(batch_rows))
    work = (sink.staging / _WORK).resolve()
    shared = spark.sparkContext.broadcast((key, known))
    results = []
    try:
        for plan in plans:
            name = plan.table.name
            total = source.row_count(name)
            if progress is not None:
                progress(name, 0, total)
            suppression = plan_suppression(source, plan, policy, key, batch_rows)
            files = _table_files(source, name)
            out = work / name
            frame = _read(spark, name, files, [c.name for c in plan.columns])
            table = spark.sparkContext.broadcast((plan, suppression))
            transform = SparkTransform(shared, table, tuple(c.name for c in plan.columns))
            try:
                frame.mapInArrow(transform, frame.schema).write.parquet(out.as_uri())
            except Exception as exc:
                raise _job_error(name, exc) from None
            finally:
                table.destroy()
            done = 0
            for batch in _assembled(name, out, files, pq.read_schema(files[0]), batch_rows):
                sink.write(name, batch)
                done += batch.num_rows
                if progress is not None:
                    progress(name, done, total)
            shutil.rmtree(out)
            results.append(TableResult(name, done))
    finally:
        shared.destroy()
        shutil.rmtree(work, ignore_errors=True)
    sink.finish()
    return tuple(results)


def session(options: SparkOptions) -> SparkSession:
    """The running Spark session, or a new one on ``options.master``."""
    from pyspark.sql import SparkSession

    # Executors run this interpreter unless told otherwise: it is the one with Sluis.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(options.app_name)
    master = options.master or os.environ.get(MASTER_ENV)
    if master:
        builder = builder.master(master)
    for name, value in _CONF.items():
        builder = builder.config(name, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


class SparkTransform:
    """The function ``mapInArrow`` runs on executors: the local transform, batch by batch."""

    def __init__(self, shared: Any, table: Any, columns: tuple[str, ...]) -> None:
        self.shared = shared  # a Broadcast of (key, known names), one per run
        self.table = table  # a Broadcast of (plan, suppression), one per table
        self.columns = columns

    def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        key: Key
        known: Known
        plan: TablePlan
        suppression: Suppression | None
        key, known = self.shared.value
        plan, suppression = self.table.value
        for batch in batches:
            copied = plan.transform(batch.select(list(self.columns)), key, known)
            if suppression is not None:
                copied = suppression.apply(copied)
            yield pa.RecordBatch.from_arrays(
                [*copied.columns, batch.column(_ROW), batch.column(_FILE)],
                names=[*self.columns, _ROW, _FILE],
            )


def _table_files(source: ParquetSource, table: str) -> list[Path]:
    # The source's own discovery, so both engines read the same files in the same order.
    return list(source._files[table])


def _read(spark: SparkSession, table: str, files: list[Path], columns: list[str]) -> DataFrame:
    """One frame of the table's files in source order, with file number and row index."""
    from pyspark.sql import functions

    frame: DataFrame | None = None
    for number, path in enumerate(files):
        part = spark.read.parquet(path.resolve().as_uri())
        if set(columns) - set(part.columns):
            raise InputError(
                f"table {table!r} is a partitioned (key=value) Parquet folder; "
                "the spark engine reads plain files only (use --engine local)"
            )
        part = part.select(
            *[functions.col(f"`{c}`") for c in columns],
            functions.col("_metadata.row_index").alias(_ROW),
            functions.lit(number).cast("long").alias(_FILE),
        )
        frame = part if frame is None else frame.union(part)
    assert frame is not None, "a Parquet table has at least one file"
    return frame


def _assembled(
    table: str, out: Path, files: list[Path], schema: pa.Schema, batch_rows: int
) -> Iterator[pa.RecordBatch]:
    """Spark's part files in partition order, checked to hold every source row in order."""
    types = pa.schema([field.with_nullable(True) for field in schema])
    expected = [pq.ParquetFile(f).metadata.num_rows for f in files]
    order = _Order(table, expected)
    for part in sorted(out.glob("part-*.parquet")):
        for batch in pq.ParquetFile(part).iter_batches(batch_size=batch_rows):
            order.check(batch.column(_FILE), batch.column(_ROW))
            data = batch.select(list(types.names))
            yield pa.RecordBatch.from_arrays(
                [a.cast(f.type) for a, f in zip(data.columns, types, strict=True)], schema=types
            )
    order.finish()


class _Order:
    """Checks that (file, row) keys come strictly increasing and cover every row."""

    def __init__(self, table: str, rows_per_file: list[int]) -> None:
        self.table = table
        self.expected = rows_per_file
        self.seen = [0] * len(rows_per_file)
        self.last = -1

    def check(self, files: pa.Array, rows: pa.Array) -> None:
        if len(rows) == 0:
            return
        keys = pc.add(pc.shift_left(files.cast(pa.int64()), _FILE_SHIFT), rows)
        first = keys[0].as_py()
        steps = pc.pairwise_diff(keys)
        if first <= self.last or (len(keys) > 1 and pc.min(steps).as_py() <= 0):
            self._fail()
        self.last = keys[-1].as_py()
        for item in pc.value_counts(files).to_pylist():
            self.seen[item["values"]] += item["counts"]

    def finish(self) -> None:
        if self.seen != self.expected:
            self._fail()

    def _fail(self) -> None:
        raise SourceError(
            f"the Spark job returned the rows of table {self.table!r} incomplete or out of"
            " order; nothing was published"
        )


_WORKER_ERROR = re.compile(r"sluis\.errors\.(\w+): SLUIS-\d+: (.*)")


def _job_error(table: str, exc: BaseException) -> SluisError:
    """The Sluis error an executor raised, else one naming the table and the failure type.

    Other exceptions' messages are not repeated: they may quote a value.
    """
    for match in _WORKER_ERROR.finditer(str(exc)):
        kind = getattr(errors, match.group(1), None)
        # Only errors made from a message alone; VerificationError needs its report.
        if (
            isinstance(kind, type)
            and issubclass(kind, SluisError)
            and kind is not VerificationError
        ):
            return kind(match.group(2))
    return SourceError(
        f"the Spark job for table {table!r} failed ({type(exc).__name__}); nothing was published"
    )
