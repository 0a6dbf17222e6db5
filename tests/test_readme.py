"""Every ``sluis`` command in the README runs as written and does what it says."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from sluis.model.policy_file import parse_policy
from sluis.synth.demo import build_demo_db, write_postgres

README = Path(__file__).parent.parent / "README.md"
PG_EXAMPLE = "postgresql://user@host/testdb"


def readme_commands() -> list[str]:
    """The ``sluis`` lines of the README's shell blocks, comments removed, in order."""
    blocks = re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)
    lines = [re.split(r"\s#\s", line)[0].strip() for b in blocks for line in b.splitlines()]
    return [line for line in lines if line.startswith("sluis ")]


def readme_scripts() -> list[tuple[str, list[str]]]:
    """The README's ``bash`` blocks (whole scripts that make their own input files), each
    with the lines it prints: the ``text`` block after a paragraph starting with "prints"."""
    text = README.read_text(encoding="utf-8")
    scripts = []
    for block in re.finditer(r"```bash\n(.*?)```\n", text, re.DOTALL):
        printed = re.match(r"\nprints[^\n]*\n\n```text\n(.*?)```", text[block.end() :], re.DOTALL)
        scripts.append((block.group(1), printed.group(1).splitlines() if printed else []))
    return scripts


def test_the_readme_shows_every_command() -> None:
    commands = " ".join(readme_commands())
    for command in ("scan", "policy init", "policy check", "keygen", "anonymize", "verify"):
        assert f"sluis {command}" in commands


def test_readme_commands_run_as_written(tmp_path: Path, pg_db: str) -> None:
    build_demo_db(tmp_path / "production.db", applicants=150, seed=2)
    write_postgres(tmp_path / "production.db", pg_db)
    env = {**os.environ, "SPARK_LOCAL_IP": "127.0.0.1"}  # Spark's local mode, loopback only
    for line in readme_commands():
        argv = shlex.split(line.replace(PG_EXAMPLE, pg_db))
        result = subprocess.run(
            [sys.executable, "-m", "sluis.cli.main", *argv[1:]],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        expected = 1 if "--fail-on" in argv else 0
        assert result.returncode == expected, f"{line}: {result.stderr[-500:]}"
    assert (tmp_path / "test-copy.db").exists()
    assert (tmp_path / "spark-copy" / "applicants.parquet").exists()
    assert (tmp_path / "scan.html").read_text(encoding="utf-8").startswith("<!doctype html>")


def test_readme_register_scripts_run_as_written(tmp_path: Path) -> None:
    """The register examples run in README order in one folder, with ``sluis`` on the PATH
    and nothing from the environment; each prints the lines the README shows, in order."""
    build_demo_db(tmp_path / "production.db", applicants=150, seed=2)
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLUIS_")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    scripts = readme_scripts()
    assert len(scripts) >= 4 and sum(bool(lines) for _, lines in scripts) >= 3
    for script, printed in scripts:
        done = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", script],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        first = script.splitlines()[0]
        assert done.returncode == 0, f"{first}: {done.stderr[-500:]}"
        output = done.stdout.splitlines()
        for line in printed:
            assert line in output, f"{first}: the README shows a line it does not print"
            output = output[output.index(line) + 1 :]
    assert (tmp_path / "letters" / "letter-00001-ar.html").exists()


@pytest.mark.parametrize(
    "command",
    [
        "scan",
        "policy",
        "anonymize",
        "keygen",
        "verify",
        "attest",
        "log",
        "review",
        "disclose",
        "retention",
        "dpia",
        "breach",
    ],
)
def test_help_explains_with_an_example(command: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sluis.cli.main", command, "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert "sluis " in result.stdout


def test_the_readme_policies_parse() -> None:
    """Every ``yaml`` block of the README is a policy the policy parser accepts."""
    blocks = re.findall(r"```yaml\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)
    assert len(blocks) >= 2
    for block in blocks:
        assert parse_policy(block).tables
