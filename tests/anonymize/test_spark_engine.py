"""``--engine spark``: the local transforms inside Spark ``mapInArrow``, same copy as local.

Spark runs in local mode on 127.0.0.1, one session for the whole test run. Without PySpark
these tests are skipped, except under CI (``CI=true``), where that is a failure.
"""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from sluis.anonymize.spark_engine import _Order
from sluis.discover.detectors.bsn import DETECTOR as BSN
from sluis.errors import PolicyError, SourceError
from sluis.handover import HandoverResult, RunOptions, hand_over
from sluis.keys import Key
from sluis.model.policy_file import parse_policy
from tests.cli import people
from tests.cli.test_scan import SLUIS

PEOPLE = 240
ENGINE = ("--engine", "spark")
BATCH_ROWS = 100  # several batches per table, as in a large run

POLICY = """
version: 1
tables:
  aanvragers:
    columns:
      id: {rule: keep, reason: surrogate key}
      bsn: {rule: pseudonymize, category: id.bsn}
      voornaam: {rule: fake, category: person.first_name}
      achternaam: {rule: fake, category: person.last_name}
      geboortedatum: {rule: shift_date, max_days: 90, subject: id}
      email: {rule: fake, category: contact.email}
      iban: {rule: pseudonymize, category: finance.iban}
      postcode: {rule: generalize, to: postcode4}
      woonplaats: {rule: fake, category: location.city}
      aangemaakt: {rule: shift_date, max_days: 30, subject: id}
  notities:
    columns:
      id: {rule: keep, reason: surrogate key}
      aanvrager_id: {rule: keep, reason: foreign key to a surrogate key}
      tekst: {rule: redact_text}
      bedrag: {rule: keep, reason: an amount without a person}
      vastgelegd: {rule: shift_date, max_days: 10}
  landen:
    columns:
      code: {rule: keep, reason: country code}
      omschrijving: {rule: keep, reason: country name}
quasi_identifiers: {aanvragers: [postcode]}
k_anonymity: 2
"""


def _spark_missing() -> str | None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "PySpark is not installed; install sluis[spark]"
    return None


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """One local Spark session; small file splits so every table has several partitions."""
    missing = _spark_missing()
    if missing is not None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true and {missing}", pytrace=False)
        pytest.skip(missing)
    from pyspark.sql import SparkSession

    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("sluis-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.files.maxPartitionBytes", "12000")
        .config("spark.sql.files.openCostInBytes", "1024")
        .getOrCreate()
    )
    try:
        yield session
    finally:
        session.stop()


def _write_source(folder: Path) -> None:
    """Three tables from the CLI tests' synthetic people, as Parquet with small row groups.

    ``notities`` is a folder of two files, so rows come from several files in order.
    """
    database = folder.parent / "people.db"
    people.build(database, people=PEOPLE)
    import sqlite3
    from contextlib import closing

    rng = random.Random(5)
    start = datetime(2017, 1, 1)
    with closing(sqlite3.connect(database)) as db:
        rows = db.execute(
            "SELECT id, bsn, voornaam, achternaam, geboortedatum, email, iban, postcode,"
            " woonplaats FROM aanvragers ORDER BY id"
        ).fetchall()
        notes = db.execute("SELECT id, aanvrager_id, tekst, bedrag FROM notities").fetchall()
    born = [datetime.strptime(r[4], "%d-%m-%Y").date() for r in rows]
    aanvragers = pa.table(
        {
            "id": pa.array([r[0] for r in rows], pa.int64()),
            "bsn": pa.array([r[1] for r in rows], pa.int64()),
            "voornaam": [r[2] for r in rows],
            "achternaam": [r[3] for r in rows],
            "geboortedatum": pa.array(born, pa.date32()),
            "email": [r[5] for r in rows],
            "iban": [r[6] for r in rows],
            "postcode": [r[7] if i % 17 else None for i, r in enumerate(rows)],
            "woonplaats": [r[8] for r in rows],
            "aangemaakt": pa.array(
                [start + timedelta(minutes=rng.randrange(10**6)) for _ in rows],
                pa.timestamp("us"),
            ),
        }
    )
    pq.write_table(aanvragers, folder / "aanvragers.parquet", row_group_size=40)
    notities = pa.table(
        {
            "id": pa.array([n[0] for n in notes], pa.int64()),
            "aanvrager_id": pa.array([n[1] for n in notes], pa.int64()),
            "tekst": [n[2] for n in notes],
            "bedrag": pa.array([n[3] for n in notes], pa.float64()),
            "vastgelegd": pa.array(
                [datetime(2020, 1, 1, tzinfo=UTC) + timedelta(hours=i) for i in range(len(notes))],
                pa.timestamp("us", "UTC"),
            ),
        }
    )
    (folder / "notities").mkdir()
    half = len(notes) // 2
    pq.write_table(notities.slice(0, half), folder / "notities" / "deel-1.parquet", 50)
    pq.write_table(notities.slice(half), folder / "notities" / "deel-2.parquet", 50)
    landen = pa.table({"code": ["NL", "SY", "ER"], "omschrijving": ["Nederland", "Syrië", "x"]})
    pq.write_table(landen, folder / "landen.parquet")


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Key]:
    root = tmp_path_factory.mktemp("spark")
    source = root / "bron"
    source.mkdir()
    _write_source(source)
    policy = root / "policy.yaml"
    policy.write_text(POLICY, encoding="utf-8")
    return source, policy, Key(bytes(range(32)))


def _hand_over(source: Path, target: Path, policy: Path, key: Key, engine: str) -> HandoverResult:
    options = RunOptions(batch_rows=BATCH_ROWS, workers=1, engine=engine)  # type: ignore[arg-type]
    parsed = parse_policy(policy.read_text(encoding="utf-8"))
    return hand_over(f"parquet:{source}", f"parquet:{target}", parsed, key, options)


def _tables(folder: Path) -> dict[str, pa.Table]:
    return {p.stem: pq.read_table(p) for p in sorted(folder.glob("*.parquet"))}


@pytest.fixture(scope="module")
def local_copy(dataset: tuple[Path, Path, Key]) -> Path:
    source, policy, key = dataset
    target = source.parent / "lokaal"
    _hand_over(source, target, policy, key, "local")
    return target


@pytest.fixture(scope="module")
def spark_copy(spark: Any, dataset: tuple[Path, Path, Key]) -> tuple[Path, HandoverResult]:
    source, policy, key = dataset
    target = source.parent / "spark"
    return target, _hand_over(source, target, policy, key, "spark")


def test_spark_copy_equals_the_local_copy_cell_by_cell(
    spark: Any,
    dataset: tuple[Path, Path, Key],
    local_copy: Path,
    spark_copy: tuple[Path, HandoverResult],
) -> None:
    source = dataset[0]
    # Several partitions per file, and several files for one table: order must survive both.
    assert spark.read.parquet(str(source / "aanvragers.parquet")).rdd.getNumPartitions() > 1
    target, result = spark_copy
    assert result.report.passed
    assert {t.table: t.rows for t in result.tables} == {
        "aanvragers": PEOPLE,
        "notities": PEOPLE,
        "landen": 3,
    }
    local, copied = _tables(local_copy), _tables(target)
    assert sorted(copied) == sorted(local) == ["aanvragers", "landen", "notities"]
    for name, table in local.items():
        assert copied[name].schema == table.schema, name
        for column in table.column_names:
            mine, theirs = copied[name].column(column).to_pylist(), table.column(column).to_pylist()
            differing = sum(a != b for a, b in zip(mine, theirs, strict=True))
            assert differing == 0, f"{name}.{column}: {differing} cells differ"
    assert sorted(p.name for p in target.iterdir()) == [
        "aanvragers.parquet",
        "landen.parquet",
        "notities.parquet",
    ]


def test_spark_copy_holds_no_source_identifier(
    dataset: tuple[Path, Path, Key], spark_copy: tuple[Path, HandoverResult]
) -> None:
    source = dataset[0]
    target = spark_copy[0]
    before = pq.read_table(source / "aanvragers.parquet")
    after = pq.read_table(target / "aanvragers.parquet")
    assert after.column("id").to_pylist() == before.column("id").to_pylist()  # same order
    bsns = after.column("bsn").to_pylist()
    assert all(BSN.matches(f"{b:09d}") for b in bsns)
    assert not set(bsns) & set(before.column("bsn").to_pylist())
    # Rare (postcode4, city) groups lost their quasi-identifiers: suppression ran.
    assert after.column("postcode").null_count > before.column("postcode").null_count
    # Whole words: a fake surname may hold a source name ("Jancewicz" holds "Jan").
    names = re.compile(
        r"\b(?:" + "|".join(map(re.escape, people.FIRST + people.LAST)) + r")\b", re.IGNORECASE
    )
    notes = pq.read_table(target / "notities.parquet").column("tekst").to_pylist()
    assert sum(1 for n in notes if names.search(n)) == 0


def test_an_executor_policy_error_comes_back_as_one(
    spark: Any, dataset: tuple[Path, Path, Key], tmp_path: Path
) -> None:
    source, _, key = dataset
    # hash gives text; on an integer column the transform refuses, inside the executor.
    broken = tmp_path / "policy.yaml"
    broken.write_text(
        POLICY.replace("id: {rule: keep, reason: surrogate key}", "id: {rule: hash}", 1),
        encoding="utf-8",
    )
    target = tmp_path / "kapot"
    with pytest.raises(PolicyError, match=r"aanvragers\.id: the rule's output does not fit"):
        _hand_over(source, target, broken, key, "spark")
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["policy.yaml"]  # no staging left


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "SLUIS_KEY"} | {
        "SPARK_LOCAL_IP": "127.0.0.1",
        "SPARK_MASTER": "local[2]",
        "PYSPARK_PYTHON": sys.executable,
    }


def test_cli_engine_spark_publishes_the_local_copy(
    spark: Any, dataset: tuple[Path, Path, Key], local_copy: Path
) -> None:
    source, policy, key = dataset
    key_file = source.parent / "sluis.key"
    key_file.write_text(key.to_text() + "\n", encoding="utf-8")
    target = source.parent / "cli-spark"
    result = subprocess.run(
        [
            *SLUIS,
            "anonymize",
            f"parquet:{source}",
            f"parquet:{target}",
            "--policy",
            str(policy),
            "--key-file",
            str(key_file),
            "--engine",
            "spark",
            "--batch-rows",
            str(BATCH_ROWS),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=_env(),
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "verified and published" in result.stderr
    local, copied = _tables(local_copy), _tables(target)
    assert copied.keys() == local.keys()
    for name, table in local.items():
        assert copied[name].equals(table), name


@pytest.mark.parametrize(
    ("source", "target", "says"),
    [
        ("db", "parquet", "the source"),
        ("parquet", "csv", "the target"),
    ],
)
def test_cli_engine_spark_refuses_other_formats(
    tmp_path: Path, source: str, target: str, says: str
) -> None:
    db = tmp_path / "bron.db"
    people.build(db, people=5)
    (tmp_path / "bron").mkdir()
    urls = {"db": str(db), "parquet": f"parquet:{tmp_path / 'bron'}", "csv": f"csv:{tmp_path}/x"}
    policy = tmp_path / "policy.yaml"
    policy.write_text(POLICY, encoding="utf-8")
    result = subprocess.run(
        [*SLUIS, "anonymize", urls[source], urls[target], *("--policy", str(policy)), *ENGINE],
        capture_output=True,
        text=True,
        timeout=120,
        env=_env() | {"SLUIS_KEY": Key.generate().to_text()},
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "--engine spark reads and writes Parquet folders only" in lines[0]
    assert says in lines[0]


def test_cli_engine_spark_without_pyspark_says_what_to_install(
    dataset: tuple[Path, Path, Key], tmp_path: Path
) -> None:
    source, policy, _ = dataset
    code = (
        "import sys; sys.modules['pyspark'] = None; "
        "from sluis.cli.main import main; sys.argv[0] = 'sluis'; main()"
    )
    args = ["anonymize", f"parquet:{source}", f"parquet:{tmp_path / 'uit'}"]
    result = subprocess.run(
        [sys.executable, "-c", code, *args, "--policy", str(policy), "--engine", "spark"],
        capture_output=True,
        text=True,
        timeout=120,
        env=_env() | {"SLUIS_KEY": Key.generate().to_text()},
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "install sluis[spark]" in lines[0]
    assert not (tmp_path / "uit").exists()


def test_rows_out_of_order_or_missing_stop_the_run() -> None:
    files = pa.array([0, 0, 1, 1], pa.int64())
    _Order("t", [2, 2]).check(files, pa.array([0, 1, 0, 1], pa.int64()))
    with pytest.raises(SourceError, match="out of order"):
        _Order("t", [2, 2]).check(files, pa.array([0, 1, 1, 0], pa.int64()))
    order = _Order("t", [2, 2])
    order.check(pa.array([1, 1], pa.int64()), pa.array([0, 1], pa.int64()))
    with pytest.raises(SourceError):  # a later batch going back to an earlier file
        order.check(pa.array([0], pa.int64()), pa.array([0], pa.int64()))
    short = _Order("t", [2, 2])
    short.check(pa.array([0, 0, 1], pa.int64()), pa.array([0, 1, 0], pa.int64()))
    with pytest.raises(SourceError, match="incomplete"):
        short.finish()
