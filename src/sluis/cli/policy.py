"""``sluis policy``: draft a policy from a scan, and check a policy against a source."""

from __future__ import annotations

from pathlib import Path

import click

from sluis.cli.files import write_text
from sluis.cli.scan import jobs_option
from sluis.discover.scanner import ScanOptions, scan
from sluis.errors import PolicyError
from sluis.model.drift import find_drift
from sluis.model.policy import Policy
from sluis.model.policy_draft import draft_policy
from sluis.model.policy_file import parse_policy
from sluis.sources import open_source

DRIFT = 1


@click.group("policy")
def policy_group() -> None:
    """Draft and check the policy that says, per column, what a copy may contain.

    \b
    Examples:
      sluis policy init production.db -o policy.yaml
      sluis policy check production.db --policy policy.yaml
    """


@policy_group.command("init")
@click.argument("source")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Where to write the policy YAML.",
)
@click.option(
    "--sample",
    type=click.IntRange(min=1),
    default=ScanOptions.sample_rows,
    show_default=True,
    help="Rows sampled per table by the scan.",
)
@jobs_option
@click.option("--force", is_flag=True, help="Overwrite an existing policy file.")
def init_command(source: str, output: Path, sample: int, jobs: int, force: bool) -> None:
    """Scan SOURCE and write a complete policy for a person to review.

    Every table and column appears with its proposed rule; the detected category and its
    evidence are comments above it. Columns judged not personal get 'keep' with the
    reason.

    \b
    Example:
      sluis policy init production.db -o policy.yaml
    """
    if output.exists() and not force:
        raise PolicyError(f"{output} exists; pass --force to overwrite it")
    text = draft_policy(scan(source, ScanOptions(sample_rows=sample, workers=jobs)))
    parse_policy(text, str(output))  # a draft that does not parse is a bug, not a file
    write_text(output, text)
    click.echo(f"policy written to {output}; review it before the first run", err=True)


@policy_group.command("check")
@click.argument("source")
@click.option(
    "--policy",
    "policy_path",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The policy YAML.",
)
def check_command(source: str, policy_path: Path) -> int:
    """Report drift between SOURCE and the policy.

    Drift is a table or column in the source that the policy does not name (a copy would
    stop: fail closed), or a rule for a table or column that no longer exists. Exit 0
    when the policy fits, 1 on drift, 2 on bad input.

    \b
    Example:
      sluis policy check production.db --policy policy.yaml
    """
    policy = load_policy(policy_path)
    with open_source(source) as opened:
        drift = find_drift(opened.schema(), policy)
    if drift.clean:
        click.echo(f"{policy_path}: every table and column of the source has a rule")
        return 0
    for line in drift.lines():
        click.echo(line)
    count = len(drift.lines())
    click.echo(
        f"{policy_path}: {count} problem{'s' if count != 1 else ''}; the copy would not start",
        err=True,
    )
    return DRIFT


def load_policy(path: Path) -> Policy:
    """Read and validate a policy file, as a ``PolicyError`` on any problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PolicyError(f"cannot read policy {path} ({exc.strerror})") from None
    return parse_policy(text, str(path))
