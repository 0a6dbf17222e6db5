"""Entry point of the ``sluis`` command."""

from __future__ import annotations

import os
import signal
import sys

import click

from sluis import __version__
from sluis.cli.anonymize import anonymize_command, keygen_command
from sluis.cli.breach import breach_group
from sluis.cli.disclose import disclose_group
from sluis.cli.dpia import dpia_group
from sluis.cli.log import log_group
from sluis.cli.policy import policy_group
from sluis.cli.retention import retention_group
from sluis.cli.review import review_group
from sluis.cli.scan import scan_command
from sluis.cli.verify import attest_group, verify_command
from sluis.errors import SluisError

INTERNAL_ERROR = 3


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sluis")
def cli() -> None:
    """Sluis keeps citizens' personal data out of the places it must not reach.

    \b
    Find where personal data is:  sluis scan production.db
    Draft a policy to review:     sluis policy init production.db -o policy.yaml
    Check it against the source:  sluis policy check production.db --policy policy.yaml
    Make a key:                   sluis keygen -o sluis.key
    Make the verified test copy:  sluis anonymize production.db copy.db \\
                                      --policy policy.yaml --key-file sluis.key
    Prove any copy clean:         sluis verify production.db copy.db --policy policy.yaml
    Gate a hand-made database:    sluis scan postgresql://host/testdb --fail-on personal
    Keep the registers:           sluis log | review | disclose | retention | dpia | breach
                                  (one register database; after 'sluis log init' on it,
                                  every register change is written to its processing log)

    Output never contains a value from the data: only tables, columns,
    categories, patterns and counts.
    """


cli.add_command(scan_command)
cli.add_command(policy_group)
cli.add_command(anonymize_command)
cli.add_command(keygen_command)
cli.add_command(verify_command)
cli.add_command(attest_group)
cli.add_command(review_group)
cli.add_command(disclose_group)
cli.add_command(retention_group)
cli.add_command(dpia_group)
cli.add_command(log_group)
cli.add_command(breach_group)


def main() -> None:
    """Run the CLI; errors become one line on stderr and a non-zero exit code.

    Exit codes: 0 success, 1 the command's check failed (e.g. ``--fail-on``),
    2 bad input, 3 an internal error.
    """
    # A terminated run unwinds like an interrupted one: staged copies are removed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        status = cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.exceptions.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except SluisError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except Exception as exc:  # the message may quote data: show only its type
        if os.environ.get("SLUIS_DEBUG") == "1":
            raise
        where = exc.__traceback__
        while where is not None and where.tb_next is not None:
            where = where.tb_next
        place = f" in {where.tb_frame.f_code.co_name}" if where is not None else ""
        click.echo(
            f"error: SLUIS-999: internal error ({type(exc).__name__}{place}); the details are "
            "withheld because they may quote personal data. Rerun with SLUIS_DEBUG=1 in a "
            "safe place to see them.",
            err=True,
        )
        sys.exit(INTERNAL_ERROR)
    sys.exit(status if isinstance(status, int) else 0)


if __name__ == "__main__":
    main()
