"""Every ``sluis`` command in the README runs as written and does what it says."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from sluis.synth.demo import build_demo_db, write_postgres

README = Path(__file__).parent.parent / "README.md"
PG_EXAMPLE = "postgresql://user@host/testdb"


def readme_commands() -> list[str]:
    """The ``sluis`` lines of the README's shell blocks, comments removed, in order."""
    blocks = re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)
    lines = [re.split(r"\s#\s", line)[0].strip() for b in blocks for line in b.splitlines()]
    return [line for line in lines if line.startswith("sluis ")]


def test_the_readme_shows_every_command() -> None:
    commands = " ".join(readme_commands())
    for command in ("scan", "policy init", "policy check", "keygen", "anonymize", "verify"):
        assert f"sluis {command}" in commands


def test_readme_commands_run_as_written(tmp_path: Path, pg_db: str) -> None:
    build_demo_db(tmp_path / "production.db", applicants=150, seed=2)
    write_postgres(tmp_path / "production.db", pg_db)
    for line in readme_commands():
        argv = shlex.split(line.replace(PG_EXAMPLE, pg_db))
        result = subprocess.run(
            [sys.executable, "-m", "sluis.cli.main", *argv[1:]],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=300,
        )
        expected = 1 if "--fail-on" in argv else 0
        assert result.returncode == expected, f"{line}: {result.stderr[-500:]}"
    assert (tmp_path / "test-copy.db").exists()
    assert (tmp_path / "scan.html").read_text(encoding="utf-8").startswith("<!doctype html>")


@pytest.mark.parametrize("command", ["scan", "policy", "anonymize", "keygen", "verify", "attest"])
def test_help_explains_with_an_example(command: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sluis.cli.main", command, "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert "sluis " in result.stdout
