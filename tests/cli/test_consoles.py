"""Reports off a terminal are wide enough to read."""

from __future__ import annotations

from sluis.cli.consoles import REPORT_WIDTH, report_console


def test_a_report_into_a_pipe_is_not_folded_at_80_columns() -> None:
    # Under pytest standard output and error are captured, as in a CI log or a pipe.
    assert report_console().width == REPORT_WIDTH
    assert report_console(stderr=True).width == REPORT_WIDTH
