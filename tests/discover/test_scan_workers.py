"""The scan finds the same in worker processes as in one, on SQLite and PostgreSQL, and the
shortcuts that make it fast decide as the long way does."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sluis.discover import cells
from sluis.discover.cells import Sample, is_file_name, texts
from sluis.synth.demo import build_demo_db, write_postgres

# Run in a fresh interpreter: a test runner's threads would keep the scan in one process.
_SCAN = """
import json, sys
from sluis.discover import scanner
from sluis.discover.report import to_json
from sluis.discover.scanner import ScanOptions, scan

scanner.PARALLEL_CELLS = 0  # the demo is small; classify it in workers all the same
pools = []
start = scanner._Classifier.__init__
def recording(self, workers):
    start(self, workers)
    pools.append(self._pool is not None)
scanner._Classifier.__init__ = recording
maps = {w: to_json(scan(sys.argv[1], ScanOptions(workers=w))) for w in (1, 2)}
print(json.dumps({"pools": pools, "serial": maps[1], "parallel": maps[2]}))
"""


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("workers") / "demo.db"
    build_demo_db(path, applicants=120, seed=11)
    return path


def _scan_both_ways(url: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", _SCAN, url], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_workers_find_what_one_process_finds_on_sqlite(demo: Path) -> None:
    result = _scan_both_ways(str(demo))
    assert result["pools"] == [False, True]
    assert result["parallel"] == result["serial"]
    assert '"contains"' in str(result["serial"])


@pytest.mark.postgres
def test_workers_find_what_one_process_finds_on_postgres(demo: Path, pg_db: str) -> None:
    write_postgres(demo, pg_db)
    result = _scan_both_ways(pg_db)
    assert result["pools"] == [False, True]
    assert result["parallel"] == result["serial"]


_NAME_PARTS = st.sampled_from(
    ["brief", "Jan de Vries", "a", "@", "/", "\\", ".", ".pdf", ".PDF", ".jpeg", ".tiff",
     ".html", ".txt", "\n", " ", "x" * 120, "é", "2023", ".docx\n", "scan.png"]
)  # fmt: skip


@settings(deadline=None)
@given(st.lists(_NAME_PARTS, max_size=12).map("".join))
def test_file_name_shortcut_decides_as_the_pattern(value: str) -> None:
    assert is_file_name(value) == (cells._FILE_NAME.match(value) is not None)


def test_a_letter_is_no_file_name_however_long() -> None:
    letter = "Geachte heer De Vries, " * 40 + "zie bijlage.pdf"
    assert not is_file_name(letter)
    assert is_file_name("paspoort_Fatima_El_Amrani.pdf")


@settings(deadline=None)
@given(
    st.lists(st.one_of(st.none(), st.text(max_size=8)), max_size=30),
    st.integers(min_value=0, max_value=40),
)
def test_a_samples_head_reads_as_the_sliced_cells(values: list[str | None], count: int) -> None:
    array = pa.array(values, type=pa.string())
    whole = Sample(array)
    assert whole.texts == texts(array)
    head = whole.head(count)
    assert head.texts == texts(array.slice(0, count))
    assert head.kind == cells.text_kind(texts(array.slice(0, count)))


def test_integer_cells_read_as_before() -> None:
    array = pa.array([1, None, 123456782], type=pa.int64())
    assert Sample(array).texts == ["1", "123456782"]
