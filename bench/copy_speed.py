"""Anonymize and verify against a plain copy of the same synthetic database.

Builds (once, cached in ``bench/out``) the demo database with ``APPLICANTS`` applicants
and, in one run, times:

* the physical limit: a plain copy with SQLite's backup API;
* ``sluis anonymize``'s work: the keyed run into a staged SQLite copy, without verification;
* ``sluis verify`` of that copy against the source;

the Sluis runs each in a fresh child process (:mod:`bench.memory`), each figure the median
of ``REPEATS`` runs. Ratios are taken within the run: anonymize / plain
copy, and verify / anonymize (target: verify costs no more than anonymize). It then measures
the peak resident memory of anonymizing the demo database at ``MEMORY_APPLICANTS`` and twice
that many applicants (target: under 1 GiB, and no more for twice the data).
``SLUIS_BENCH_MEMORY_APPLICANTS`` sets that size (default 20,000, enough for the workers to
start at both sizes; the issue's 1,000,000 takes about half an hour per run on two cores).
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from bench.memory import ChildRun, in_child, median_run
from sluis.discover.scanner import scan
from sluis.model.policy_draft import draft_policy
from sluis.synth.demo import build_demo_db

OUT = Path(__file__).parent / "out" / "copy"
APPLICANTS = 3_000
MEMORY_APPLICANTS = int(os.environ.get("SLUIS_BENCH_MEMORY_APPLICANTS", "20000"))
REPEATS = 3
WORKERS = os.cpu_count() or 1


@dataclass(frozen=True)
class CopySpeed:
    rows: int
    plain: float
    anonymize: float
    verify: float
    passed: bool
    # (applicants, rows, run) for MEMORY_APPLICANTS and twice as many
    peaks: tuple[tuple[int, int, ChildRun], ...] = ()

    @property
    def verify_ratio(self) -> float:
        return self.verify / self.anonymize

    def lines(self) -> list[str]:
        return [
            f"- data: the demo schema with {APPLICANTS:,} applicants, {self.rows:,} rows in"
            " 9 tables (free-text notes, JSON, documents)",
            f"- plain copy (SQLite backup API): {self.plain:.2f} s",
            f"- anonymize ({WORKERS} workers, keyed run into a staged copy, no verification):"
            f" {self.anonymize:.1f} s"
            f" = **{self.anonymize / self.plain:.0f}×** the plain copy",
            f"- verify (all five checks): {self.verify:.1f} s = **{self.verify_ratio:.2f}×**"
            " anonymize (target ≤ 1×)",
            f"- the verified copy passed every check: {'yes' if self.passed else 'no'}",
            f"- each figure the median of {REPEATS} runs",
            *self._memory_lines(),
        ]

    def _memory_lines(self) -> list[str]:
        if not self.peaks:
            return []
        sizes = "; ".join(
            f"{applicants:,} applicants ({rows:,} rows): {run.peak_mib:.0f} MiB"
            f" ({run.main_mib:.0f} MiB the main process)"
            for applicants, rows, run in self.peaks
        )
        (_, _, small), (_, _, large) = self.peaks
        return [
            f"- peak resident memory of anonymize, its {WORKERS} workers included (one run"
            f" each): {sizes}; twice the data takes {large.peak_mib / small.peak_mib:.2f}× the"
            " memory (target: under 1 GiB, and no more for twice the data)"
        ]


def _median(action: Callable[[], object]) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run_bench() -> CopySpeed:
    OUT.mkdir(parents=True, exist_ok=True)
    source = _demo(APPLICANTS)
    policy_path = _policy(source)
    plain, target = OUT / "plain.db", OUT / "copy.db"

    def plain_copy() -> None:
        plain.unlink(missing_ok=True)
        with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(plain)) as dst:
            src.backup(dst)

    plain_time = _median(plain_copy)
    anonymized = median_run("anonymize", str(source), str(target), policy_path, REPEATS)
    checked = median_run("verify", str(source), str(target), policy_path, REPEATS)
    peaks = tuple(_peak(applicants) for applicants in (MEMORY_APPLICANTS, 2 * MEMORY_APPLICANTS))
    return CopySpeed(
        _rows(source), plain_time, anonymized.seconds, checked.seconds, checked.passed, peaks
    )


def _demo(applicants: int) -> Path:
    source = OUT / f"demo-{applicants}.db"
    if not source.exists():
        build_demo_db(source, applicants=applicants, seed=11)
    return source


def _rows(source: Path) -> int:
    with closing(sqlite3.connect(source)) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return sum(db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables)


def _policy(source: Path) -> Path:
    path = source.with_suffix(".policy.yaml")
    path.write_text(draft_policy(scan(str(source))), encoding="utf-8")
    return path


def _peak(applicants: int) -> tuple[int, int, ChildRun]:
    source = _demo(applicants)
    run = in_child("anonymize", str(source), str(OUT / "peak.db"), _policy(source))
    return applicants, _rows(source), run
