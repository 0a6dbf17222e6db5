"""Writing the files the CLI is asked to write, with errors a user can act on."""

from __future__ import annotations

import os
from pathlib import Path

import click

from sluis.errors import InputError


def write_text(path: Path, text: str, *, mode: int | None = None) -> None:
    """Write ``text`` to ``path``; ``mode`` creates a new file with those permissions and
    refuses an existing one. An unwritable place is an ``InputError`` naming the path."""
    try:
        if mode is None:
            path.write_text(text, encoding="utf-8")
            return
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(text)
    except OSError as exc:
        raise InputError(
            f"cannot write {path} ({exc.strerror}); check that its folder exists and is writable"
        ) from None


def emit_report(text: str, output: Path | None) -> None:
    """A report to standard output, or to ``output`` with a line on standard error."""
    if output is None:
        click.echo(text, nl=False)
        return
    write_text(output, text)
    click.echo(f"report written to {output}", err=True)
