"""``sluis verify`` and ``sluis attest``: prove a copy holds no personal data, and sign it."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from sluis.cli.consoles import REPORT_WIDTH, report_console
from sluis.cli.files import emit_report, write_text
from sluis.errors import InputError
from sluis.keys import generate_key_pair, load_private_key, load_public_key
from sluis.model.policy import Policy
from sluis.model.policy_file import parse_policy
from sluis.verify import VerificationReport, VerifyOptions, verify
from sluis.verify.attestation import attest, check_attestation, read_attestation
from sluis.verify.fingerprints import key_from_file
from sluis.verify.report import to_html, to_json

CHECK_FAILED = 1
DEFAULT_WORKERS = os.cpu_count() or 1


def _read(path: Path, what: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{what} {path.name} is not a text file; check the path") from None
    except OSError as exc:
        raise InputError(
            f"cannot read {what} {path.name}: {exc.strerror or type(exc).__name__}"
        ) from None


def _policy(path: Path) -> Policy:
    return parse_policy(_read(path, "policy"), path.name)


@click.command("verify")
@click.argument("source")
@click.argument("target")
@click.option(
    "--policy",
    "policy_path",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The policy the copy was made with.",
)
@click.option(
    "--attest",
    "attest_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write a signed JSON attestation here (needs --signing-key).",
)
@click.option(
    "--signing-key",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Ed25519 private key (PEM) that signs the attestation; see 'sluis attest keygen'.",
)
@click.option(
    "--key-file",
    "--key",
    "key_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Sluis key file; fingerprints are derived from it (default: a random key per run).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "html"]),
    default="table",
    show_default=True,
    help="Report format.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to this file instead of standard output.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=DEFAULT_WORKERS,
    show_default=True,
    help="Processes that take the source's free text apart, and threads that compare the copy's "
    "batches (the number of CPU cores by default).",
)
def verify_command(
    source: str,
    target: str,
    policy_path: Path,
    attest_path: Path | None,
    signing_key: Path | None,
    key_path: Path | None,
    fmt: str,
    output: Path | None,
    workers: int,
) -> int:
    """Check, value by value, that TARGET (an anonymized copy of SOURCE) holds no
    personal data of SOURCE and has the shape POLICY promises.

    \b
    Checks: V1 leak, V2 coverage, V3 structure, V4 rescan, V5 re-identification.
    Example:
      sluis verify production.db test-copy.db --policy policy.yaml \\
          --attest attestation.json --signing-key sluis-signing.pem

    The report names checks, tables, columns, row numbers (1-based positions in the
    target's scan order) and counts, never values. Exit codes: 0 every check passed,
    1 a check failed, 2 bad input.
    """
    if attest_path is not None and signing_key is None:
        raise InputError("--attest needs --signing-key (an Ed25519 private key in PEM)")
    policy = _policy(policy_path)
    private = load_private_key(signing_key) if signing_key is not None else None
    key = key_from_file(_read(key_path, "key file")) if key_path is not None else None
    report = verify(source, target, policy, key=key, options=VerifyOptions(workers=workers))
    if fmt == "json":
        emit_report(to_json(report), output)
    elif fmt == "html":
        emit_report(to_html(report), output)
    else:
        _print(report, output)
    if attest_path is not None and private is not None:
        document = attest(report, policy, source, target, private)
        write_text(attest_path, json.dumps(document, indent=2) + "\n")
        click.echo(f"attestation written to {attest_path}", err=True)
    if not report.passed:
        click.echo(f"verification failed: {', '.join(report.failed_checks())}", err=True)
        return CHECK_FAILED
    return 0


def _print(report: VerificationReport, output: Path | None) -> None:
    buffer = io.StringIO()
    print_report(report, Console(file=buffer, width=REPORT_WIDTH) if output else report_console())
    if output is not None:
        write_text(output, buffer.getvalue())


def print_report(report: VerificationReport, console: Console) -> None:
    """The report as tables: a summary line per check, then each check's findings."""
    summary = Table(title="sluis verify", title_justify="left")
    for header in ("check", "result", "counts"):
        summary.add_column(header, overflow="fold")
    for check in report.checks:
        counts = ", ".join(f"{k} {v}" for k, v in check.counts.items())
        summary.add_row(
            f"{check.code} {check.name}",
            "pass" if check.passed else "FAIL",
            counts,
            style=None if check.passed else "bold red",
        )
    console.print(summary)
    for check in report.checks:
        if not check.findings:
            continue
        grid = Table(title=f"{check.code} {check.name}", title_justify="left")
        for header in ("table", "column", "category", "count", "rows", "problem"):
            grid.add_column(header, overflow="fold")
        for f in check.findings:
            grid.add_row(
                f.table or "",
                f.column or "",
                f.category or "",
                str(f.count),
                ", ".join(map(str, f.rows)),
                f.problem,
            )
        console.print(grid)
    console.print("rows: 1-based positions in the target table's scan order")
    console.print(
        "PASSED" if report.passed else "FAILED", style="green" if report.passed else "red"
    )


@click.group("attest")
def attest_group() -> None:
    """Signed attestations of a verification: make keys, check a file against a copy.

    \b
    Examples:
      sluis attest keygen --private signing.pem --public signing.pub.pem
      sluis attest verify attestation.json test-copy.db --public-key signing.pub.pem
    """


@attest_group.command("verify")
@click.argument("attestation", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("target")
@click.option(
    "--public-key",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Ed25519 public key (PEM) of the signer.",
)
def attest_verify_command(attestation: Path, target: str, public_key: Path) -> int:
    """Check ATTESTATION's signature and that TARGET is the copy it attests.

    Exit codes: 0 signature valid, content matches and the attested checks passed;
    1 otherwise; 2 bad input.
    """
    document = read_attestation(attestation)
    result = check_attestation(document, target, load_public_key(public_key))
    for problem in result.problems:
        click.echo(f"attestation: {problem}", err=True)
    if not result.passed:
        click.echo("attestation: the attested verification did not pass", err=True)
    if result.valid and result.passed:
        click.echo("attestation valid: signature holds and the target is the attested copy")
        return 0
    return CHECK_FAILED


@attest_group.command("keygen")
@click.option(
    "--private",
    "private_path",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the private key (PEM, owner-only permissions).",
)
@click.option(
    "--public",
    "public_path",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the public key (PEM).",
)
def keygen_command(private_path: Path, public_path: Path) -> int:
    """Make an Ed25519 key pair for signing attestations."""
    if private_path.exists():
        raise InputError(f"{private_path.name} exists; refusing to overwrite a private key")
    generate_key_pair(private_path, public_path)
    click.echo(f"private key {private_path.name}, public key {public_path.name}", err=True)
    return 0
