"""Issue 6's wide table, side by side with a plain copy and a per-row Faker script.

One run measures, on the same ``persons`` table (:mod:`bench.flat_table`), each figure the
median of ``REPEATS`` runs:

* the physical limit: SQLite ``ATTACH … INSERT SELECT`` into a fresh file, and a pyarrow
  read + write of the same rows as Parquet;
* Sluis: the keyed run SQLite → SQLite and Parquet → Parquet (all cores, no verification)
  and ``verify`` of the SQLite copy, each run in a fresh child process (:mod:`bench.memory`),
  with the SQLite run's peak resident memory;
* the naive approach: a per-row Python script with Faker on a sample, extrapolated;
* the peer: presidio-structured on the Parquet file (:mod:`bench.peer_structured`);
* PostgreSQL → PostgreSQL on a throwaway server (:mod:`bench.flat_postgres`): the faster
  plain copy (binary COPY or ADBC), Sluis, and the peer pynonymizer
  (:mod:`bench.peer_pynonymizer`);
* keyed hashing: HMAC-SHA256 per second on one core through the vectorized path.

``SLUIS_BENCH_FLAT_ROWS`` sets the number of rows (default 200,000; the issue's 2,000,000
takes about ten times as long).
"""

from __future__ import annotations

import os
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import yaml

from bench import flat_postgres, peer_pynonymizer
from bench.flat_postgres import PostgresSpeed
from bench.flat_table import build_flat_db
from bench.memory import ChildRun, median_run
from bench.peer_structured import SAMPLE, measure
from sluis.anonymize.prf import Prf
from sluis.anonymize.runner import run
from sluis.discover.scanner import scan
from sluis.keys import Key
from sluis.model.policy import RedactText
from sluis.model.policy_draft import draft_policy
from sluis.model.policy_file import parse_policy
from sluis.sinks import open_sink
from sluis.sources import open_source

OUT = Path(__file__).parent / "out" / "flat"
ROWS = int(os.environ.get("SLUIS_BENCH_FLAT_ROWS", "200000"))
REPEATS = 3
NAIVE_SAMPLE = 5_000
WORKERS = os.cpu_count() or 1
KEY = Key(bytes(range(32)))


@dataclass(frozen=True)
class FlatSpeed:
    rows: int
    sqlite_plain: float
    sqlite_sluis: float
    sqlite_structured: float  # the same run with the note column nulled, not searched
    parquet_plain: float
    parquet_sluis: float
    parquet_structured: float
    verify: float
    verify_structured: float  # verify of the copy made with the note column nulled
    passed: bool
    naive: float
    peak_mib: float
    hmac_per_second: float
    # presidio-structured: (seconds extrapolated to every row, version) or why not measured
    peer: tuple[float, str] | str = "not measured"
    # PostgreSQL → PostgreSQL, or why not measured
    postgres: PostgresSpeed | str = "not measured"

    @property
    def met_targets(self) -> bool:
        return (
            self.passed
            and self.sqlite_sluis <= 7 * self.sqlite_plain
            and self.parquet_sluis <= 2.5 * self.parquet_plain
            and self.naive >= 50 * self.sqlite_sluis
            and self.verify <= self.sqlite_sluis
            and self.peak_mib < 1024
            and self.hmac_per_second >= 1.5e6
            and isinstance(self.postgres, PostgresSpeed)
            and self.postgres.met_target
        )

    def lines(self) -> list[str]:
        return [
            f"- data: `persons`, {self.rows:,} rows × 10 columns (id, BSN, first and last name,"
            " street, postcode, city, birth date, e-mail, a ~100-character note)",
            f"- SQLite plain copy (ATTACH + INSERT SELECT): {self.sqlite_plain:.2f} s",
            f"- Sluis SQLite → SQLite ({WORKERS} workers, no verification):"
            f" {self.sqlite_sluis:.1f} s = **{self.sqlite_sluis / self.sqlite_plain:.0f}×**"
            " the plain copy (target ≤ 7×)",
            f"- the same without searching the note (rule `null` for `notitie`):"
            f" {self.sqlite_structured:.1f} s ="
            f" **{self.sqlite_structured / self.sqlite_plain:.1f}×** the plain copy",
            f"- Parquet plain copy (pyarrow read + write): {self.parquet_plain:.2f} s",
            f"- Sluis Parquet → Parquet: {self.parquet_sluis:.1f} s ="
            f" **{self.parquet_sluis / self.parquet_plain:.0f}×** the plain copy (target ≤ 2.5×)",
            f"- the same without searching the note: {self.parquet_structured:.1f} s ="
            f" **{self.parquet_structured / self.parquet_plain:.1f}×** the plain copy",
            f"- per-row Faker script: {self.naive:.1f} s (extrapolated from {NAIVE_SAMPLE:,} rows)"
            f" = **{self.naive / self.sqlite_sluis:.1f}×** Sluis's time (target ≥ 50×); the script"
            " writes a Faker sentence over the note instead of searching it, so against Sluis"
            f" doing that too (the note nulled): **{self.naive / self.sqlite_structured:.0f}×**",
            self._peer_line(),
            *self._postgres_lines(),
            f"- verify of the SQLite copy ({WORKERS} workers): {self.verify:.1f} s ="
            f" **{self.verify / self.sqlite_sluis:.2f}×** anonymize (target ≤ 1×);"
            f" passed every check: {'yes' if self.passed else 'no'}",
            f"- verify of the copy without the note: {self.verify_structured:.1f} s ="
            f" **{self.verify_structured / self.sqlite_structured:.2f}×** its anonymize",
            f"- peak resident memory of the SQLite run, workers included: {self.peak_mib:.0f} MiB"
            " (target < 1 GiB)",
            f"- keyed hashing: {self.hmac_per_second / 1e6:.2f} M HMAC-SHA256 per second on one"
            " core (target ≥ 1.5 M)",
            f"- each time the median of {REPEATS} runs",
        ]

    def _postgres_lines(self) -> list[str]:
        if isinstance(self.postgres, str):
            return [f"- PostgreSQL → PostgreSQL: {self.postgres}"]
        return self.postgres.lines(WORKERS)

    def _peer_line(self) -> str:
        if isinstance(self.peer, str):
            return f"- presidio-structured: {self.peer}"
        seconds, version = self.peer
        return (
            f"- {version} on the same Parquet file (column mapping given, Faker fakes, hash, note"
            f" replaced; extrapolated from {min(SAMPLE, self.rows):,} rows): {seconds:.1f} s ="
            f" **{seconds / self.parquet_sluis:.1f}×** Sluis's Parquet time"
        )


def _median(action: Callable[[], object], setup: Callable[[], object] | None = None) -> float:
    """The median seconds of ``action``; ``setup`` runs untimed before each run."""
    times = []
    for _ in range(REPEATS):
        if setup is not None:
            setup()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    print(f"  {', '.join(f'{t:.2f}' for t in times)} s", file=sys.stderr)
    return statistics.median(times)


def _without_note(policy_text: str) -> str:
    """The drafted policy with the free-text column dropped instead of searched."""
    policy = parse_policy(policy_text)
    columns = policy.tables["persons"].columns
    if not isinstance(columns["notitie"], RedactText):
        raise ValueError("the drafted policy no longer redacts the note: update the bench")
    kept = {name: rule.model_dump(exclude_defaults=True) for name, rule in columns.items()}
    kept["notitie"] = {"rule": "null"}
    document = policy.model_dump(exclude_defaults=True)
    document["tables"]["persons"]["columns"] = kept
    return yaml.safe_dump(document, sort_keys=False)


def _sqlite_plain(source: Path, target: Path) -> None:
    target.unlink(missing_ok=True)
    with closing(sqlite3.connect(target)) as db:
        db.execute("ATTACH DATABASE ? AS src", (str(source),))
        ddl = db.execute("SELECT sql FROM src.sqlite_master WHERE name = 'persons'").fetchone()[0]
        db.execute(ddl)
        db.execute("INSERT INTO main.persons SELECT * FROM src.persons")
        db.commit()


def _parquet_plain(source: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    pq.write_table(pq.read_table(source / "persons.parquet"), target / "persons.parquet")


def _sluis(source: str, target: str, policy_text: str) -> None:
    policy = parse_policy(policy_text)
    with open_source(source) as opened, open_sink(target, opened.schema()) as sink:
        sink.create()
        run(opened, sink, policy, KEY, workers=WORKERS)
        sink.publish()


def _naive(source: Path) -> float:
    """Seconds a per-row Faker script needs for every row, from a timed sample."""
    from faker import Faker

    fake = Faker("nl_NL")
    fake.seed_instance(1)
    rng = random.Random(1)
    with closing(sqlite3.connect(source)) as db:
        rows = db.execute(f"SELECT * FROM persons LIMIT {NAIVE_SAMPLE}").fetchall()
    target = OUT / "naive.db"
    target.unlink(missing_ok=True)
    start = time.perf_counter()
    with closing(sqlite3.connect(target)) as out:
        out.execute("CREATE TABLE persons (id, bsn, voornaam, achternaam, straat, postcode,"
                    " woonplaats, geboortedatum, email, notitie)")  # fmt: skip
        for row in rows:
            out.execute(
                "INSERT INTO persons VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    row[0],
                    fake.ssn(),
                    fake.first_name(),
                    fake.last_name(),
                    fake.street_address(),
                    fake.postcode(),
                    fake.city(),
                    fake.date_of_birth().isoformat(),
                    fake.email(),
                    fake.sentence(nb_words=rng.randint(10, 16)),
                ),
            )
        out.commit()
    return (time.perf_counter() - start) * ROWS / len(rows)


def _hmac_rate() -> float:
    messages = pa.array([b"%09d" % i for i in range(1_000_000)], pa.binary())
    prf = Prf(KEY)
    start = time.perf_counter()
    prf.hex_array(messages)
    return len(messages) / (time.perf_counter() - start)


def _postgres(source: Path, policy_path: Path, structured_path: Path) -> PostgresSpeed | str:
    """The PostgreSQL figures on a server of their own, or why they were not measured."""
    if not flat_postgres.available():
        return "not measured: PostgreSQL server programs not found (run 'make postgres')"
    with flat_postgres.serving(source) as flat:
        plain, sluis = "flat_plain", "flat_sluis"
        binary = _median(
            lambda: flat_postgres.copy_binary(flat.source, flat.url(plain)),
            lambda: flat.fresh(plain),
        )
        adbc = _median(
            lambda: flat_postgres.copy_adbc(flat.source, flat.url(plain)),
            lambda: flat.fresh(plain),
        )

        def anonymized(policy: Path) -> float:
            seconds = median_run(
                "anonymize", flat.source, flat.url(sluis), policy, REPEATS,
                lambda: flat.empty(sluis),
            ).seconds  # fmt: skip
            if flat_postgres.count(flat.url(sluis)) != flat.rows:
                raise RuntimeError("the PostgreSQL copy lost rows")
            return seconds

        structured = anonymized(structured_path)
        full = anonymized(policy_path)
        peer = peer_pynonymizer.measure(flat.server, flat_postgres.SOURCE_DB, flat.rows)
    return PostgresSpeed(binary, adbc, full, structured, peer)


def run_bench() -> FlatSpeed:
    OUT.mkdir(parents=True, exist_ok=True)
    source = build_flat_db(OUT / f"flat-{ROWS}.db", ROWS)
    parquet_source = OUT / f"flat-{ROWS}-parquet"
    if not (parquet_source / "persons.parquet").exists():
        parquet_source.mkdir(parents=True, exist_ok=True)
        with open_source(str(source)) as opened:
            batches = list(opened.batches("persons", batch_rows=65_536))
        pq.write_table(pa.Table.from_batches(batches), parquet_source / "persons.parquet")
    policy_path = OUT / "policy.yaml"
    policy_text = draft_policy(scan(str(source)))
    policy_path.write_text(policy_text, encoding="utf-8")
    structured_path = OUT / "policy-structured.yaml"
    structured_path.write_text(_without_note(policy_text), encoding="utf-8")
    sqlite_target = OUT / "copy.db"

    def sluis(source: str, target: str, policy: Path = policy_path) -> ChildRun:
        return median_run("anonymize", source, target, policy, REPEATS)

    sqlite = sluis(str(source), str(sqlite_target))
    checked = median_run("verify", str(source), str(sqlite_target), policy_path, REPEATS)
    structured_target = OUT / "structured.db"
    structured = sluis(str(source), str(structured_target), structured_path)
    checked_structured = median_run(
        "verify", str(source), str(structured_target), structured_path, REPEATS
    )
    return FlatSpeed(
        rows=ROWS,
        sqlite_plain=_median(lambda: _sqlite_plain(source, OUT / "plain.db")),
        sqlite_sluis=sqlite.seconds,
        sqlite_structured=structured.seconds,
        parquet_plain=_median(lambda: _parquet_plain(parquet_source, OUT / "plain-parquet")),
        parquet_sluis=sluis(f"parquet:{parquet_source}", f"parquet:{OUT / 'copy-parquet'}").seconds,
        parquet_structured=sluis(
            f"parquet:{parquet_source}", f"parquet:{OUT / 'structured-parquet'}", structured_path
        ).seconds,
        verify=checked.seconds,
        verify_structured=checked_structured.seconds,
        passed=checked.passed and checked_structured.passed,
        naive=_naive(source),
        peak_mib=sqlite.peak_mib,
        hmac_per_second=_hmac_rate(),
        peer=measure(parquet_source / "persons.parquet", ROWS),
        postgres=_postgres(source, policy_path, structured_path),
    )


def main() -> None:
    for line in run_bench().lines():
        print(line)


if __name__ == "__main__":
    main()
