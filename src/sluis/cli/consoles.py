"""Consoles for reports: wide enough to read when the output is a file or a pipe."""

from __future__ import annotations

from rich.console import Console

# Rich falls back to 80 columns off a terminal (CI logs, ``| less``), which folds every
# finding; reports are written this wide there instead.
REPORT_WIDTH = 140


def report_console(*, stderr: bool = False) -> Console:
    """A console for a report on standard output (or error); a terminal keeps its width."""
    console = Console(stderr=stderr)
    return console if console.is_terminal else Console(stderr=stderr, width=REPORT_WIDTH)
