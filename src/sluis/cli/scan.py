"""``sluis scan``: where is personal data in a source."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn
from rich.table import Table

from sluis import __version__
from sluis.cli.consoles import REPORT_WIDTH, report_console
from sluis.cli.files import emit_report, write_text
from sluis.discover.report import to_html, to_json
from sluis.discover.scanner import MAX_WORKERS, ScanOptions, scan
from sluis.model.privacy_map import PrivacyMap

FOUND_PERSONAL = 1


# Shared with 'sluis policy init', which scans too.
jobs_option = click.option(
    "--jobs",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help=f"Processes classifying columns at once; 0: one per CPU core (at most {MAX_WORKERS}).",
)


@click.command("scan")
@click.argument("source")
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
    "--sample",
    type=click.IntRange(min=1),
    default=ScanOptions.sample_rows,
    show_default=True,
    help="Rows sampled per table.",
)
@jobs_option
@click.option("--table", "tables", multiple=True, help="Scan only this table (repeatable).")
@click.option(
    "--fail-on",
    type=click.Choice(["personal"]),
    help="Exit 1 when anything personal-looking is found (for copies made by 'sluis "
    "anonymize', whose fakes look real, use 'sluis verify').",
)
def scan_command(
    source: str,
    fmt: str,
    output: Path | None,
    sample: int,
    jobs: int,
    tables: tuple[str, ...],
    fail_on: str | None,
) -> int:
    """Classify every column of every table of SOURCE.

    \b
    SOURCE is one of:
      path/to/file.db | sqlite:///path/to/file.db     SQLite file (.db .sqlite .sqlite3)
      postgresql://user@host:5432/dbname              PostgreSQL server
      parquet:DIR | csv:DIR                           a folder with a file per table

    \b
    Examples:
      sluis scan production.db
      sluis scan production.db --format html -o scan.html
      sluis scan postgresql://localhost/test --fail-on personal

    The report names tables, columns, categories and evidence (patterns and
    percentages), never a value. Exit codes: 0 done, 1 personal data found with
    --fail-on personal, 2 bad input.
    """
    options = ScanOptions(sample_rows=sample, tables=tables, workers=jobs)
    privacy_map = _run(source, options)
    if fmt == "json":
        emit_report(to_json(privacy_map), output)
    elif fmt == "html":
        emit_report(to_html(privacy_map, __version__), output)
    else:
        _print_tables(privacy_map, output)
    if fail_on == "personal" and privacy_map.personal_columns:
        click.echo(f"personal data found in {len(privacy_map.personal_columns)} columns", err=True)
        return FOUND_PERSONAL
    return 0


def _run(source: str, options: ScanOptions) -> PrivacyMap:
    if not sys.stderr.isatty():
        return scan(source, options)
    with Progress(
        TextColumn("scanning {task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total} tables"),
        console=Console(stderr=True),
        transient=True,
        # Redrawn per table, not by a thread of its own: a process without other threads
        # may fork the scan's workers.
        auto_refresh=False,
    ) as bar:
        task = bar.add_task("", total=None)

        def advance(table: str, number: int, total: int) -> None:
            bar.update(task, description=table, completed=number - 1, total=total)
            bar.refresh()

        return scan(source, options, advance)


def _short(evidence: tuple[str, ...]) -> str:
    """The first evidence items without their rule descriptions; JSON and HTML have all."""
    return "; ".join(re.sub(r" \(.*\)$", "", item) for item in evidence[:3])


def _print_tables(privacy_map: PrivacyMap, output: Path | None) -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, width=REPORT_WIDTH) if output is not None else report_console()
    if not privacy_map.tables:
        console.print(f"{privacy_map.source}: the source has no tables")
        return
    for table in privacy_map.tables:
        grid = Table(title=f"{table.name} ({table.rows} rows)", title_justify="left")
        for header in ("column", "type", "category", "conf.", "evidence"):
            grid.add_column(header, overflow="fold")
        for col in table.columns:
            category = col.category or "-"
            if col.contains:
                category += f"\n  contains {', '.join(col.contains)}"
            grid.add_row(
                col.name,
                col.type,
                category,
                f"{col.confidence:.2f}",
                _short(col.evidence),
                style="bold red" if col.personal else None,
            )
        console.print(grid)
    personal = privacy_map.personal_columns
    console.print(
        f"{len(personal)} personal columns in "
        f"{len({t for t, _ in personal})} of {len(privacy_map.tables)} tables"
    )
    if output is not None:
        write_text(output, buffer.getvalue())
        click.echo(f"report written to {output}", err=True)
